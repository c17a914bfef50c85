/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Menus from scripts: menu, item, choose (see wireboot/menu.h and
 * usr/menu_ui.h). */

#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <usr/menu_ui.h>
#include <wireboot/command.h>
#include <wireboot/error_name.h>
#include <wireboot/keys.h>
#include <wireboot/menu.h>
#include <wireboot/parseopt.h>
#include <wireboot/settings.h>

PROVIDE_OBJECT(menu_cmd);

/* The menu a command names ("" when it names none), saying so if it is
 * not there. */
static struct menu *named_menu(const char *command, const char *name)
{
	struct menu *menu = menu_find(name ? name : "");

	if (!menu)
		printf("%s: no menu%s%s (create it with \"menu\")\n", command,
		       name ? " " : "", name ? name : "");
	return menu;
}

struct menu_options {
	const char *name;
	bool delete;
};

static const struct option_descriptor menu_opts[] = {
	OPTION("name", 'n', parseopt_string, struct menu_options, name, "name"),
	OPTION("delete", 'd', parseopt_flag, struct menu_options, delete, NULL),
};
static const struct command_descriptor menu_cmd =
	COMMAND_DESCRIPTOR(menu_opts, 0, PARSEOPT_MANY, "[title...]");

static int menu_exec(int argc, char **argv)
{
	struct menu_options opts = { 0 };
	int first = parse_options(argc, argv, &menu_cmd, &opts);
	struct menu *menu;
	char *title;

	if (first <= 0)
		return first;
	if (opts.delete) {
		if (!(menu = named_menu(argv[0], opts.name)))
			return -ENOENT;
		menu_destroy(menu);
		return 0;
	}
	title = concat_args(argc - first, argv + first);
	if (!title)
		return -ENOMEM;
	menu = menu_create(opts.name ? opts.name : "", title);
	free(title);
	return menu ? 0 : -ENOMEM;
}

struct item_options {
	const char *menu;
	int key;
	bool is_default;
	bool gap;
};

static const struct option_descriptor item_opts[] = {
	OPTION("menu", 'm', parseopt_string, struct item_options, menu, "menu"),
	OPTION("key", 'k', parseopt_key, struct item_options, key, "key"),
	OPTION("default", 'd', parseopt_flag, struct item_options, is_default, NULL),
	OPTION("gap", 'g', parseopt_flag, struct item_options, gap, NULL),
};
static const struct command_descriptor item_cmd =
	COMMAND_DESCRIPTOR(item_opts, 0, PARSEOPT_MANY, "[label [text...]]");

/* "item label text...", or a gap: "item --gap [text...]", "item". */
static int item_exec(int argc, char **argv)
{
	struct item_options opts = { 0 };
	int first = parse_options(argc, argv, &item_cmd, &opts);
	const char *label = NULL;
	struct menu *menu;
	char *text;
	int rc;

	if (first <= 0)
		return first;
	if (!(menu = named_menu(argv[0], opts.menu)))
		return -ENOENT;
	if (!opts.gap && first < argc)
		label = argv[first++];
	text = concat_args(argc - first, argv + first);
	if (!text)
		return -ENOMEM;
	/* An item without text shows its label. */
	rc = menu_add_item(menu, label, text[0] || !label ? text : label,
			   opts.key, opts.is_default);
	free(text);
	return rc;
}

struct choose_options {
	const char *menu;
	const char *default_label;
	unsigned int timeout_ms, retimeout_ms;
	bool keep;
};

static const struct option_descriptor choose_opts[] = {
	OPTION("menu", 'm', parseopt_string, struct choose_options, menu, "menu"),
	OPTION("default", 'd', parseopt_string, struct choose_options,
	       default_label, "label"),
	OPTION("timeout", 't', parseopt_integer, struct choose_options,
	       timeout_ms, "ms"),
	OPTION("retimeout", 'r', parseopt_integer, struct choose_options,
	       retimeout_ms, "ms"),
	OPTION("keep", 'k', parseopt_flag, struct choose_options, keep, NULL),
};
static const struct command_descriptor choose_cmd =
	COMMAND_DESCRIPTOR(choose_opts, 1, 1, "<setting>");

/* Stores the chosen item's label in the setting; Esc fails. The menu is
 * gone afterwards unless --keep. */
static int choose_exec(int argc, char **argv)
{
	struct choose_options opts = { 0 };
	int first = parse_options(argc, argv, &choose_cmd, &opts);
	struct menu_item *item;
	struct menu *menu;
	int rc;

	if (first <= 0)
		return first;
	if (!(menu = named_menu(argv[0], opts.menu)))
		return -ENOENT;
	rc = menu_show(menu, opts.default_label, (uint64_t)opts.timeout_ms * 1000,
		       (uint64_t)opts.retimeout_ms * 1000, &item);
	if (rc == 0) {
		rc = storef_setting(argv[first], item->label);
		if (rc)
			printf("%s: could not set %s: %s (%s)\n", argv[0],
			       argv[first], strerror(rc), error_name(rc));
	} else if (errno_base(rc) == -ENOENT) {
		printf("%s: the menu has no item to choose\n", argv[0]);
	}
	if (!opts.keep)
		menu_destroy(menu);
	return rc;
}

COMMAND(menu_command) = { .name = "menu", .exec = menu_exec };
COMMAND(item_command) = { .name = "item", .exec = item_exec };
COMMAND(choose_command) = { .name = "choose", .exec = choose_exec };
