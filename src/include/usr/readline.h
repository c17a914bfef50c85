/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef USR_READLINE_H
#define USR_READLINE_H

/*
 * Reading a line from the person at the console with the line editor
 * (wireboot/editline.h), the main loop running meanwhile.
 */

#include <stdbool.h>
#include <stdint.h>
#include <wireboot/editline.h>

struct readline_options {
	/* The text to start from (NULL: none). */
	const char *initial;
	/* Echo '*' for each character (passwords). */
	bool hidden;
	/* Up/Down browse it, and an entered line is added (NULL: none). */
	struct editline_history *history;
	/* Tab completion (NULL: none). */
	editline_complete_t complete;
	/* Gives up when no key comes this long (0: waits for ever); the
	 * first key stops the clock. */
	uint64_t timeout_us;
};

/*
 * Shows prompt and edits a line until Enter: 0 and *line (malloc'd), or
 * -ECANCELED (Ctrl-C or Esc), -EPIPE (Ctrl-D on an empty line: the end
 * of input), -ETIMEDOUT, -ENOMEM. opts may be NULL.
 */
int readline(const char *prompt, const struct readline_options *opts,
	     char **line);

#endif
