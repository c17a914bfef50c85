/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Settings from scripts: set, show, clear. */

#include <errno.h>
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
	COMMAND_DESCRIPTOR_NO_OPTIONS(1, 1, "<name>[:type]");

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

static int show_exec(int argc, char **argv)
{
	int first = parse_options(argc, argv, &show_cmd, NULL);
	const char *name;
	char *value;
	int len;

	if (first <= 0)
		return first;
	name = argv[first];
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

COMMAND(set_command) = { .name = "set", .exec = set_exec };
COMMAND(clear_command) = { .name = "clear", .exec = clear_exec };
COMMAND(show_command) = { .name = "show", .exec = show_exec };
