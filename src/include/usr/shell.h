/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef USR_SHELL_H
#define USR_SHELL_H

/*
 * The interactive shell: a prompt ("wireboot> "), each line edited with
 * history and Tab completion of command and setting names, and run as a
 * command line of the script language. "exit" leaves it (as does the end
 * of input, Ctrl-D on an empty line); Ctrl-C abandons the line.
 */

#define SHELL_PROMPT "wireboot> "

/* Returns the status "exit" gave (0 without one). */
int shell(void);

#endif
