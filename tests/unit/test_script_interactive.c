/* SPDX-License-Identifier: GPL-2.0-or-later */
// FIRMWARE_SOURCES: src/core/script.c src/core/script_parse.c src/core/settings.c src/core/setting_types.c src/core/inet6.c src/core/string.c src/core/vsprintf.c src/core/errors.c
/* Lines typed at the shell (system_interactive()): "exit" is reported to
 * the shell and ends only the line; a shell inside a shell keeps its
 * exit to itself; a shell opened from a script leaves the script
 * running, whatever its lines do. */

#include <errno.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <wireboot/build_info.h>
#include <wireboot/command.h>
#include <wireboot/script.h>
#include "unit.h"

int wb_system_interactive(const char *line, bool *exited);
int wb_run_script(const char *text, size_t len, const char *name);
void wb_script_exit(void);
int wb_script_goto(const char *label);

const struct build_info build_info = { .version = "test" };

static char record[1024];

static int rec_exec(int argc, char **argv)
{
	strcat(record, "[");
	for (int i = 1; i < argc; i++)
		strcat(record, argv[i]);
	strcat(record, "]");
	return 0;
}

static int exit_exec(int argc, char **argv)
{
	wb_script_exit();
	return argc > 1 ? atoi(argv[1]) : 0;
}

static int goto_exec(int argc, char **argv)
{
	return argc > 1 ? wb_script_goto(argv[1]) : -EINVAL;
}

/* A shell whose person types "exit" right away: records whether the
 * shell saw it. */
static bool inner_exited;

static int shell_exec(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	return wb_system_interactive("rec inner ; exit", &inner_exited);
}

COMMAND(rec_command) = { .name = "rec", .exec = rec_exec };
COMMAND(exit_command) = { .name = "exit", .exec = exit_exec };
COMMAND(goto_command) = { .name = "goto", .exec = goto_exec };
COMMAND(shell_command) = { .name = "shell", .exec = shell_exec };

static int line(const char *text, bool *exited)
{
	record[0] = '\0';
	*exited = true;
	return wb_system_interactive(text, exited);
}

int main(void)
{
	const char *script = "#!ipxe\nrec a\nshell\nrec b\nexit 4\nrec c\n";
	bool exited;

	CHECK_INT(line("rec a || rec b", &exited), 0);
	CHECK(!exited);
	CHECK_STR(record, "[a]");
	/* exit ends the line and says so, with its status. */
	CHECK_INT(line("rec a ; exit 3 ; rec b", &exited), 3);
	CHECK(exited);
	CHECK_STR(record, "[a]");
	/* A failure is no exit; goto has no script here. */
	CHECK_INT(line("nosuch", &exited), -ENOEXEC);
	CHECK(!exited);
	CHECK_INT(line("goto x || rec after", &exited), 0);
	CHECK(!exited);
	CHECK_STR(record, "[after]");
	CHECK_INT(line("goto x", &exited), -ENOTSUP);
	/* A shell in a shell: its exit is its own. */
	inner_exited = false;
	CHECK_INT(line("shell ; rec after", &exited), 0);
	CHECK(inner_exited);
	CHECK(!exited);
	CHECK_STR(record, "[inner][after]");
	/* A shell opened by a script: the script goes on, and its own exit
	 * still ends it. */
	record[0] = '\0';
	inner_exited = false;
	CHECK_INT(wb_run_script(script, strlen(script), "test.ipxe"), 4);
	CHECK(inner_exited);
	CHECK_STR(record, "[a][inner][b]");
	return unit_finish();
}
