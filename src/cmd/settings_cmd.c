/* Settings from scripts: set, show, clear. */

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wireboot/command.h>
#include <wireboot/error_name.h>
#include <wireboot/settings.h>

PROVIDE_OBJECT(settings_cmd);

static int report(const char *what, const char *name, int rc)
{
	printf("Could not %s %s: %s (%s)\n", what, name, strerror(rc),
	       error_name(rc));
	return rc;
}

/* "set name words...": the words joined by spaces. */
static int set_exec(int argc, char **argv)
{
	char *value;
	int rc;

	if (argc < 2)
		return command_usage(argv[0], "<name>[:type] [value...]");
	value = concat_args(argc - 2, argv + 2);
	if (!value)
		return -ENOMEM;
	rc = storef_setting(argv[1], value);
	free(value);
	return rc ? report("set", argv[1], rc) : 0;
}

static int clear_exec(int argc, char **argv)
{
	int rc;

	if (argc != 2)
		return command_usage(argv[0], "<name>");
	rc = storef_setting(argv[1], "");
	return rc ? report("clear", argv[1], rc) : 0;
}

static int show_exec(int argc, char **argv)
{
	char *value;
	int len;

	if (argc != 2)
		return command_usage(argv[0], "<name>[:type]");
	len = fetchf_setting(argv[1], NULL, 0);
	if (len < 0)
		return report("show", argv[1], len);
	value = malloc((size_t)len + 1);
	if (!value)
		return -ENOMEM;
	fetchf_setting(argv[1], value, (size_t)len + 1);
	printf("%s = %s\n", argv[1], value);
	free(value);
	return 0;
}

COMMAND(set_command) = { .name = "set", .exec = set_exec };
COMMAND(clear_command) = { .name = "clear", .exec = clear_exec };
COMMAND(show_command) = { .name = "show", .exec = show_exec };
