/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef WIREBOOT_SCRIPT_H
#define WIREBOOT_SCRIPT_H

/*
 * The script language (the established "#!ipxe" one):
 *   - a line is split into words at whitespace; there is no quoting, as
 *     in the established language: quote characters and backslashes are
 *     ordinary characters, so kernel command lines such as
 *     console="ttyS0" pass through untouched (a value with spaces comes
 *     from a setting: "set sp:hex 20", then ${sp:string});
 *   - a word starting with '#' starts a comment;
 *   - the words "||", "&&" and ";" separate commands: the next one runs
 *     if the previous failed, succeeded, or always;
 *   - ${name} and ${name:type} in a word expand to the setting's text
 *     (empty when there is none), after splitting, so a value with spaces
 *     stays one word; they nest: ${net${i}/ip}; an unterminated "${" is
 *     kept literally;
 *   - an unknown command fails: "xyz: command not found";
 *   - in a script: a line ending in '\' continues on the next line,
 *     ":label" lines are targets of "goto" (forwards or backwards),
 *     "exit [status]" ends the script, and a command that fails (with no
 *     "||") ends it with an error message naming the script and line;
 *   - a script run with arguments ("chain menu.ipxe a b") reads its name
 *     as ${0} and the arguments as ${1}..${9}; they are the innermost
 *     running script's, empty when not given (in a script, ${3} is not
 *     DHCP option 3: ${net0.dhcp/3} is).
 * The parser itself is script_parse.c; see command.h for system() and
 * run_script().
 */

#include <stddef.h>
#include <wireboot/script_parse.h>

/* ${0} and ${1}..${9}. */
#define SCRIPT_MAX_ARGS 10

/* Expands ${...} in text into a new string (malloc'd); NULL on ENOMEM or
 * when nesting is deeper than SCRIPT_MAX_NESTING. */
char *expand_settings(const char *text);

/* Ends the running script (or command line) after the current command. */
void script_exit(void);
/* Continues the running script at ":label". -ENOENT if the script has no
 * such label, -ENOTSUP if no script is running. */
int script_goto(const char *label);

#endif
