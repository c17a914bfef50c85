/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef WIREBOOT_COMMAND_H
#define WIREBOOT_COMMAND_H

/*
 * Script commands ("dhcp", "chain", "echo", ...) register in the
 * "commands" table; the script engine expands ${settings}, splits the line
 * into arguments and calls the command's exec with them. Commands parse
 * their arguments with parse_options() (wireboot/parseopt.h).
 */

#include <stdbool.h>
#include <wireboot/tables.h>

struct command {
	const char *name;
	/* Returns 0 or a negative error; argv[0] is the command name. */
	int (*exec)(int argc, char **argv);
};
TABLE_DECLARE(const struct command, commands);
#define COMMAND(name) \
	const struct command name TABLE_ENTRY(const struct command, commands, 01)

/* The arguments joined by single spaces (malloc'd; "" for none); NULL on
 * ENOMEM. */
char *concat_args(int argc, char **argv);

/* Runs one command line (expansion, ||, &&, #); returns the status. */
int system(const char *line);
/* Runs a line typed at the shell: outside any running script (so "exit"
 * and "goto" concern the line, and messages name no script line), saying
 * why it failed unless the command did. *exited tells whether "exit" ran. */
int system_interactive(const char *line, bool *exited);
/* Runs a whole script (text after the "#!ipxe" line is fine too). */
int run_script(const char *text, size_t len, const char *name);
/* The same with arguments (words separated by spaces, NULL for none) that
 * the script reads as ${1}..${9}; ${0} is name. */
int run_script_args(const char *text, size_t len, const char *name,
		    const char *args);

#endif
