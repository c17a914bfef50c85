/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The settings editor (see usr/config_ui.h), built from the menu and the
 * line editor rather than drawn on its own: each round lists the block's
 * settings as a menu (the label is the name, the text shows the value),
 * and the chosen one is edited on a cleared screen, then the list comes
 * back with that setting selected. Listed are the well-known names (even
 * without a value, so that one can be set), the computed ones that have
 * a value here, and every name stored in the block or below it.
 *
 * The menu is named with a space, which no script word can contain, so
 * no script's menu is ever touched.
 */

#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <usr/config_ui.h>
#include <usr/menu_ui.h>
#include <usr/readline.h>
#include <wireboot/errfile.h>
#include <wireboot/error_name.h>
#include <wireboot/menu.h>
#include <wireboot/settings.h>

#define ERRFILE ERRFILE_config_ui

#define EDITOR_MENU " config"
#define NAME_WIDTH 24

/* "scope/name", or the name alone for the global block. */
static void qualified(const char *scope, const char *name, char *buf, size_t len)
{
	snprintf(buf, len, "%s%s%s", scope, scope[0] ? "/" : "", name);
}

static bool listed(const struct menu *menu, const char *name)
{
	const struct menu_item *item;

	list_for_each_entry(item, &menu->items, list) {
		if (strcmp(item->label, name) == 0)
			return true;
	}
	return false;
}

/* Adds name with its value unless listed already (or, when optional,
 * it has no value here). */
static int add_setting(struct menu *menu, const char *scope, const char *name,
		       bool optional)
{
	char full[96], value[EDITLINE_MAX + 1] = "", text[NAME_WIDTH + sizeof(value)];

	if (listed(menu, name))
		return 0;
	qualified(scope, name, full, sizeof(full));
	if (fetchf_setting(full, value, sizeof(value)) < 0 && optional)
		return 0;
	snprintf(text, sizeof(text), "%-*s %s", NAME_WIDTH - 1, name, value);
	return menu_add_item(menu, name, text, 0, false);
}

static int add_stored(struct menu *menu, const char *scope,
		      const struct settings *block)
{
	const struct settings *child;
	const char *name;
	int rc = 0;

	for (unsigned i = 0; !rc && (name = stored_setting_name(block, i, NULL)); i++)
		rc = add_setting(menu, scope, name, false);
	list_for_each_entry(child, &block->children, siblings) {
		if (!rc)
			rc = add_stored(menu, scope, child);
	}
	return rc;
}

static struct menu *list_settings(const char *scope, struct settings *block)
{
	const struct setting_definition *definition;
	const struct builtin_setting *builtin;
	char title[64];
	struct menu *menu;
	int rc = 0;

	snprintf(title, sizeof(title), "Settings of %s (Enter: edit, Esc: done)",
		 scope[0] ? scope : "everything");
	if (!(menu = menu_create(EDITOR_MENU, title)))
		return NULL;
	for_each_table_entry(definition, setting_definitions) {
		if (!rc)
			rc = add_setting(menu, scope, definition->name, false);
	}
	for_each_table_entry(builtin, builtin_settings) {
		if (!rc)
			rc = add_setting(menu, scope, builtin->name, true);
	}
	if (!rc)
		rc = add_stored(menu, scope, block);
	if (rc) {
		menu_destroy(menu);
		return NULL;
	}
	return menu;
}

/* Edits one setting; a refused value is reported and kept out. */
static int edit(const char *scope, const char *name)
{
	char full[96], current[EDITLINE_MAX + 1] = "", prompt[NAME_WIDTH + 4];
	struct readline_options opts = { .initial = current };
	char *line;
	int rc;

	qualified(scope, name, full, sizeof(full));
	fetchf_setting(full, current, sizeof(current));
	printf("%s (Enter: store, an empty value deletes; Esc: keep)\n", full);
	snprintf(prompt, sizeof(prompt), "%s = ", name);
	rc = readline(prompt, &opts, &line);
	if (rc)
		return errno_base(rc) == -ECANCELED ? 0 : rc;
	rc = storef_setting(full, line);
	free(line);
	if (rc) {
		printf("Could not set %s: %s (%s)\n", full, strerror(rc),
		       error_name(rc));
		if (readline("Press Enter to go on ", NULL, &line) == 0)
			free(line);
	}
	return 0;
}

int config_ui(const char *scope)
{
	struct settings *block = scope[0] ? find_settings(scope) : &global_settings;
	char selected[64] = "";
	int rc = 0;

	if (!block)
		return -EUNIQ(ENOENT, 1);
	while (rc == 0) {
		struct menu *menu = list_settings(scope, block);
		struct menu_item *item;

		if (!menu)
			return -EUNIQ(ENOMEM, 2);
		rc = menu_show(menu, selected[0] ? selected : NULL, 0, 0, &item);
		if (rc == 0) {
			strlcpy(selected, item->label, sizeof(selected));
			rc = edit(scope, selected);
		}
		menu_destroy(menu);
	}
	return errno_base(rc) == -ECANCELED ? 0 : rc;
}
