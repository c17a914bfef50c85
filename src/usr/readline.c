/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Reading a line at the console (see usr/readline.h): the editor fed
 * with keys as they come. */

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <usr/jobwait.h>
#include <usr/readline.h>
#include <wireboot/errfile.h>

#define ERRFILE ERRFILE_readline

static void put(int c)
{
	putchar(c);
}

int readline(const char *prompt, const struct readline_options *opts,
	     char **line)
{
	static const struct readline_options none;
	struct editline ed;
	enum editline_result result = EDITLINE_MORE;
	uint64_t timeout_us;
	int key;

	if (!opts)
		opts = &none;
	editline_init(&ed, prompt, opts->initial, put);
	ed.hidden = opts->hidden;
	ed.history = opts->history;
	ed.history_pos = opts->history ? opts->history->count : 0;
	ed.complete = opts->complete;
	for (timeout_us = opts->timeout_us; result == EDITLINE_MORE; timeout_us = 0) {
		if ((key = key_wait(timeout_us)) < 0) {
			putchar('\n');
			return key;
		}
		result = editline_key(&ed, key);
	}
	if (result == EDITLINE_CANCELLED)
		return -EUNIQ(ECANCELED, 1);
	if (result == EDITLINE_END)
		return -EUNIQ(EPIPE, 2);
	if (opts->history)
		editline_history_add(opts->history, ed.buf);
	*line = strdup(ed.buf);
	return *line ? 0 : -EUNIQ(ENOMEM, 3);
}
