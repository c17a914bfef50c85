/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Settings from scripts: set, show, clear, inc. */

#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wireboot/command.h>
#include <wireboot/error_name.h>
#include <wireboot/parseopt.h>
#include <wireboot/settings.h>

PROVIDE_OBJECT(settings_cmd);

static int report(const char *what, const char *name, int rc)
{
	printf("Could not %s %s: %s (%s)\n", what, name, strerror(rc),
	       error_name(rc));
	return rc;
}

static const struct command_descriptor set_cmd =
	COMMAND_DESCRIPTOR_NO_OPTIONS(1, PARSEOPT_MANY, "<name>[:type] [value...]");
static const struct command_descriptor clear_cmd =
	COMMAND_DESCRIPTOR_NO_OPTIONS(1, 1, "<name>");
static const struct command_descriptor show_cmd =
	COMMAND_DESCRIPTOR_NO_OPTIONS(1, 1, "<name>[:type] | <scope>/");

/* "set name words...": the words joined by spaces (options end at the
 * name, so "set x -1" stores "-1"). */
static int set_exec(int argc, char **argv)
{
	int first = parse_options(argc, argv, &set_cmd, NULL);
	const char *name;
	char *value;
	int rc;

	if (first <= 0)
		return first;
	name = argv[first];
	value = concat_args(argc - first - 1, argv + first + 1);
	if (!value)
		return -ENOMEM;
	rc = storef_setting(name, value);
	free(value);
	return rc ? report("set", name, rc) : 0;
}

static int clear_exec(int argc, char **argv)
{
	int first = parse_options(argc, argv, &clear_cmd, NULL);
	int rc;

	if (first <= 0)
		return first;
	rc = storef_setting(argv[first], "");
	return rc ? report("clear", argv[first], rc) : 0;
}

static int show_one(const char *name)
{
	char *value;
	int len;

	len = fetchf_setting(name, NULL, 0);
	if (len < 0)
		return report("show", name, len);
	value = malloc((size_t)len + 1);
	if (!value)
		return -ENOMEM;
	fetchf_setting(name, value, (size_t)len + 1);
	printf("%s = %s\n", name, value);
	free(value);
	return 0;
}

/* "show scope/": every value the scope itself holds, one per line, in
 * the order they were stored. */
static int show_scope(const char *name)
{
	size_t scope_len = strlen(name) - 1;
	struct settings *block;
	const char *setting;
	char *scope, full[128];
	int rc = 0;

	scope = strndup(name, scope_len);
	if (!scope)
		return -ENOMEM;
	block = find_settings(scope);
	if (!block) {
		free(scope);
		return report("show", name, -ENOENT);
	}
	for (unsigned i = 0; !rc && (setting = stored_setting_name(block, i, NULL));
	     i++) {
		snprintf(full, sizeof(full), "%s/%s", scope, setting);
		rc = show_one(full);
	}
	free(scope);
	return rc;
}

static int show_exec(int argc, char **argv)
{
	int first = parse_options(argc, argv, &show_cmd, NULL);
	const char *name;
	size_t len;

	if (first <= 0)
		return first;
	name = argv[first];
	len = strlen(name);
	return len > 1 && name[len - 1] == '/' ? show_scope(name)
					       : show_one(name);
}

/* A whole number as fetchf_setting() shows one: decimal with an optional
 * '-', or "0x" hexadecimal; 0 or -EINVAL. */
static int parse_signed(const char *text, long long *value)
{
	bool negative = text[0] == '-';
	unsigned int magnitude;

	if (parse_integer(text + negative, &magnitude))
		return -EINVAL;
	*value = negative ? -(long long)magnitude : (long long)magnitude;
	return 0;
}

static const struct command_descriptor inc_cmd =
	COMMAND_DESCRIPTOR_NO_OPTIONS(1, 2, "<name> [<increment>]");

/*
 * "inc name [n]": adds n (default 1) to a number and stores it back in its
 * own type; a name not set yet starts from 0 as an int32, as in the
 * established language. A string holding a number counts too ("set i 0"
 * then "inc i").
 */
static int inc_exec(int argc, char **argv)
{
	int first = parse_options(argc, argv, &inc_cmd, NULL);
	long long value = 0, increment = 1;
	char text[32];
	const char *name;
	int len, rc;

	if (first <= 0)
		return first;
	name = argv[first];
	if (first + 1 < argc && parse_signed(argv[first + 1], &increment)) {
		printf("%s: invalid increment '%s'\n", argv[0], argv[first + 1]);
		print_usage(argv[0], &inc_cmd);
		return -EINVAL;
	}
	len = fetchf_setting(name, text, sizeof(text));
	if (len >= (int)sizeof(text) ||
	    (len >= 0 && parse_signed(text, &value))) {
		printf("%s: %s is not a number\n", argv[0], name);
		return -EINVAL;
	}
	snprintf(text, sizeof(text), "%lld", value + increment);
	if (len < 0) {
		char typed[96];

		if (snprintf(typed, sizeof(typed), "%s:int32", name) >=
		    (int)sizeof(typed))
			return report("set", name, -EINVAL);
		rc = storef_setting(typed, text);
	} else {
		rc = storef_setting(name, text);
	}
	return rc ? report("set", name, rc) : 0;
}

COMMAND(set_command) = { .name = "set", .exec = set_exec };
COMMAND(inc_command) = { .name = "inc", .exec = inc_exec };
COMMAND(clear_command) = { .name = "clear", .exec = clear_exec };
COMMAND(show_command) = { .name = "show", .exec = show_exec };
