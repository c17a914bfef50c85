/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef WIREBOOT_EDITLINE_H
#define WIREBOOT_EDITLINE_H

/*
 * The line editor (see src/core/editline.c): keys (wireboot/keys.h) in,
 * an edited line and what to print out. Pure: it waits for nothing and
 * writes through the put function it is given, so the same editor serves
 * the shell, "read", "login" and the settings editor, and a test drives
 * it with a key sequence and a recording sink.
 *
 * Keys: Left/Right (Ctrl-B/Ctrl-F), Home/End (Ctrl-A/Ctrl-E), Backspace,
 * Delete (Ctrl-D), Ctrl-K (to the end), Ctrl-U (to the start), Ctrl-W
 * (the word before the cursor), Up/Down (Ctrl-P/Ctrl-N: history), Tab
 * (completion; a second Tab lists the candidates), Enter, Ctrl-C or Esc
 * (cancel), Ctrl-D on an empty line (end of input).
 *
 * The screen is only written, never queried: the cursor moves left with
 * backspace characters and right by printing what it passes over, which
 * every console and terminal understands. (A line longer than the screen
 * is therefore not redrawn correctly across its wrap.)
 */

#include <stdbool.h>
#include <stddef.h>

#define EDITLINE_MAX 255
#define EDITLINE_HISTORY 16
#define EDITLINE_CANDIDATES 64

/* Lines entered before, oldest first; a zeroed structure is empty. */
struct editline_history {
	char *entries[EDITLINE_HISTORY];
	unsigned count;
};

/* Keeps line (a copy) unless it is empty or repeats the newest entry;
 * the oldest entry goes when the history is full. */
void editline_history_add(struct editline_history *history, const char *line);
void editline_history_free(struct editline_history *history);

struct editline;

/*
 * Offers what the word being completed may become: calls
 * editline_candidate() for each name (the editor keeps those that start
 * with the word). first_word: the word is a command name; otherwise a
 * setting name (also after "${" inside any word). The names must stay
 * valid until the completer returns.
 */
typedef void (*editline_complete_t)(struct editline *ed, bool first_word);
void editline_candidate(struct editline *ed, const char *name);

enum editline_result {
	EDITLINE_MORE,		/* keep feeding keys */
	EDITLINE_DONE,		/* Enter: the line is in buf */
	EDITLINE_CANCELLED,	/* Ctrl-C or Esc */
	EDITLINE_END,		/* Ctrl-D on an empty line */
};

struct editline {
	const char *prompt;
	void (*put)(int c);
	/* Shows each character as '*' (passwords); no history, no completion. */
	bool hidden;
	struct editline_history *history;
	editline_complete_t complete;

	char buf[EDITLINE_MAX + 1];
	size_t len, cursor;

	/* History browsing: entries[history_pos] is shown; count when not
	 * browsing, then draft keeps what was typed. */
	unsigned history_pos;
	char draft[EDITLINE_MAX + 1];
	bool last_was_tab;

	/* Completion in progress: the word and the names that match it. */
	const char *word;
	size_t word_len;
	const char *candidates[EDITLINE_CANDIDATES];
	unsigned num_candidates;
};

/* Starts editing initial (may be NULL) after the prompt: prints both. */
void editline_init(struct editline *ed, const char *prompt, const char *initial,
		   void (*put)(int c));
/* Handles one key; EDITLINE_MORE until the line ends. */
enum editline_result editline_key(struct editline *ed, int key);

#endif
