/* SPDX-License-Identifier: GPL-2.0-or-later */
// FIRMWARE_SOURCES: src/core/script.c src/core/script_parse.c src/core/settings.c src/core/setting_types.c src/core/inet6.c src/core/string.c src/core/vsprintf.c src/core/errors.c
/* The script engine on arbitrary text: expansion, word splitting,
 * separators, labels, goto and exit, with harmless commands. */

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <wireboot/build_info.h>
#include <wireboot/command.h>

int wb_run_script(const char *text, size_t len, const char *name);
int wb_run_script_args(const char *text, size_t len, const char *name,
		       const char *args);
char *wb_expand_settings(const char *text);
void wb_script_exit(void);
int wb_script_goto(const char *label);
int wb_storef_setting(const char *name, const char *text);
char *wb_concat_args(int argc, char **argv);

const struct build_info build_info = { .version = "fuzz" };

/* A goto back to an earlier label would loop for ever: a budget of
 * commands per input ends every script. */
static unsigned budget;

static int spend(void)
{
	if (budget == 0) {
		wb_script_exit();
		return 1;
	}
	budget--;
	return 0;
}

static int true_exec(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	return spend();
}

static int false_exec(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	return spend() ? 1 : -5;
}

static int exit_exec(int argc, char **argv)
{
	wb_script_exit();
	return argc > 1 ? (int)strlen(argv[1]) : 0;
}

static int goto_exec(int argc, char **argv)
{
	if (spend())
		return 1;
	return wb_script_goto(argc > 1 ? argv[1] : "");
}

static int set_exec(int argc, char **argv)
{
	char *value;
	int rc;

	if (spend() || argc < 2)
		return 1;
	value = wb_concat_args(argc - 2, argv + 2);
	if (!value)
		return 1;
	rc = wb_storef_setting(argv[1], value);
	free(value);
	return rc;
}

COMMAND(true_command) = { .name = "true", .exec = true_exec };
COMMAND(false_command) = { .name = "false", .exec = false_exec };
COMMAND(exit_command) = { .name = "exit", .exec = exit_exec };
COMMAND(goto_command) = { .name = "goto", .exec = goto_exec };
COMMAND(set_command) = { .name = "set", .exec = set_exec };

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *text = malloc(size + 1), *expanded;

	if (!text)
		return 0;
	memcpy(text, data, size);
	text[size] = '\0';
	expanded = wb_expand_settings(text);
	free(expanded);
	budget = 200;
	/* The input's first line doubles as the script's arguments. */
	wb_run_script_args(text, size, "fuzz.ipxe", text);
	free(text);
	return 0;
}
