/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The line editor (see wireboot/editline.h).
 *
 * One invariant keeps the drawing simple: the screen's cursor is where
 * ed->cursor says, just after the prompt plus cursor characters. Every
 * edit first moves the screen's cursor to where the line changes, then
 * rewrites the line from there to its end (blanking what it no longer
 * covers) and backs up to the new cursor. Nothing is drawn twice and no
 * screen position is ever asked for.
 *
 * Completion collects the names a completer offers that start with the
 * word before the cursor (duplicates dropped), extends the word by what
 * they all share, closes it (a space, or '}' after "${") when one name
 * is left, and lists them on a second Tab in a row.
 */

#include <stdlib.h>
#include <string.h>
#include <wireboot/editline.h>
#include <wireboot/keys.h>

void editline_history_add(struct editline_history *history, const char *line)
{
	char *copy;

	if (!line[0] || (history->count &&
			 strcmp(history->entries[history->count - 1], line) == 0))
		return;
	copy = strdup(line);
	if (!copy)
		return;
	if (history->count == EDITLINE_HISTORY) {
		free(history->entries[0]);
		memmove(&history->entries[0], &history->entries[1],
			sizeof(history->entries[0]) * (EDITLINE_HISTORY - 1));
		history->count--;
	}
	history->entries[history->count++] = copy;
}

void editline_history_free(struct editline_history *history)
{
	while (history->count)
		free(history->entries[--history->count]);
}

static void put_shown(struct editline *ed, size_t from, size_t to)
{
	for (size_t i = from; i < to; i++)
		ed->put(ed->hidden ? '*' : ed->buf[i]);
}

/* Moves the screen's cursor (and ed->cursor) to position. */
static void move_to(struct editline *ed, size_t position)
{
	if (position < ed->cursor) {
		for (size_t i = position; i < ed->cursor; i++)
			ed->put('\b');
	} else {
		put_shown(ed, ed->cursor, position);
	}
	ed->cursor = position;
}

/* The screen's cursor is at from; the line was old_len long on screen.
 * Rewrites the rest and puts the screen's cursor at ed->cursor. */
static void redraw_from(struct editline *ed, size_t from, size_t old_len)
{
	size_t end = ed->len;

	put_shown(ed, from, ed->len);
	for (; end < old_len; end++)
		ed->put(' ');
	for (; end > ed->cursor; end--)
		ed->put('\b');
}

static void insert(struct editline *ed, const char *text, size_t len)
{
	size_t from = ed->cursor, old_len = ed->len;

	if (len > EDITLINE_MAX - ed->len)
		len = EDITLINE_MAX - ed->len;
	memmove(ed->buf + from + len, ed->buf + from, ed->len - from + 1);
	memcpy(ed->buf + from, text, len);
	ed->len += len;
	ed->cursor += len;
	redraw_from(ed, from, old_len);
}

/* Removes [from, to) of the line; the cursor ends at from. */
static void delete_range(struct editline *ed, size_t from, size_t to)
{
	size_t old_len = ed->len;

	if (from >= to)
		return;
	move_to(ed, from);
	memmove(ed->buf + from, ed->buf + to, ed->len - to + 1);
	ed->len -= to - from;
	redraw_from(ed, from, old_len);
}

/* Shows text instead of the whole line, cursor at its end. */
static void replace_line(struct editline *ed, const char *text)
{
	size_t old_len = ed->len;

	move_to(ed, 0);
	strlcpy(ed->buf, text, sizeof(ed->buf));
	ed->len = strlen(ed->buf);
	ed->cursor = ed->len;
	redraw_from(ed, 0, old_len);
}

static void put_string(struct editline *ed, const char *s)
{
	while (*s)
		ed->put(*s++);
}

/* Prompt and line afresh on a new line, the cursor where it was. */
static void reprint(struct editline *ed)
{
	size_t cursor = ed->cursor;

	put_string(ed, ed->prompt);
	ed->cursor = ed->len;
	redraw_from(ed, 0, 0);
	move_to(ed, cursor);
}

void editline_init(struct editline *ed, const char *prompt, const char *initial,
		   void (*put)(int c))
{
	memset(ed, 0, sizeof(*ed));
	ed->prompt = prompt ? prompt : "";
	ed->put = put;
	strlcpy(ed->buf, initial ? initial : "", sizeof(ed->buf));
	ed->len = ed->cursor = strlen(ed->buf);
	reprint(ed);
}

static bool is_space(char c)
{
	return c == ' ' || c == '\t';
}

/* Ctrl-W: back over spaces, then over the word. */
static size_t word_start_before(const struct editline *ed)
{
	size_t i = ed->cursor;

	while (i && is_space(ed->buf[i - 1]))
		i--;
	while (i && !is_space(ed->buf[i - 1]))
		i--;
	return i;
}

static void browse_history(struct editline *ed, int step)
{
	struct editline_history *history = ed->history;
	unsigned pos;

	if (!history || ed->hidden || (step < 0 && ed->history_pos == 0) ||
	    (step > 0 && ed->history_pos >= history->count))
		return;
	if (ed->history_pos >= history->count)
		strlcpy(ed->draft, ed->buf, sizeof(ed->draft));
	pos = ed->history_pos = (unsigned)((int)ed->history_pos + step);
	replace_line(ed, pos < history->count ? history->entries[pos] : ed->draft);
}

void editline_candidate(struct editline *ed, const char *name)
{
	if (strncmp(name, ed->word, ed->word_len) != 0 ||
	    ed->num_candidates == EDITLINE_CANDIDATES)
		return;
	for (unsigned i = 0; i < ed->num_candidates; i++) {
		if (strcmp(ed->candidates[i], name) == 0)
			return;
	}
	ed->candidates[ed->num_candidates++] = name;
}

/* In alphabetical order (an insertion sort: a few dozen names). */
static void list_candidates(struct editline *ed)
{
	for (unsigned i = 1; i < ed->num_candidates; i++) {
		const char *name = ed->candidates[i];
		unsigned j = i;

		for (; j && strcmp(ed->candidates[j - 1], name) > 0; j--)
			ed->candidates[j] = ed->candidates[j - 1];
		ed->candidates[j] = name;
	}
	ed->put('\n');
	for (unsigned i = 0; i < ed->num_candidates; i++) {
		put_string(ed, ed->candidates[i]);
		put_string(ed, i + 1 < ed->num_candidates ? "  " : "\n");
	}
	reprint(ed);
}

static void complete(struct editline *ed, bool second_tab)
{
	size_t start = ed->cursor, shared;
	bool first_word, in_braces = false;
	char word[EDITLINE_MAX + 1];

	if (!ed->complete || ed->hidden)
		return;
	while (start && !is_space(ed->buf[start - 1]))
		start--;
	first_word = true;
	for (size_t i = 0; i < start; i++)
		first_word &= is_space(ed->buf[i]);
	/* Inside "${", the name after the last one. */
	for (size_t i = start; i + 1 < ed->cursor; i++) {
		if (ed->buf[i] == '$' && ed->buf[i + 1] == '{') {
			start = i + 2;
			in_braces = true;
			first_word = false;
		}
	}
	memcpy(word, ed->buf + start, ed->cursor - start);
	word[ed->cursor - start] = '\0';
	ed->word = word;
	ed->word_len = ed->cursor - start;
	ed->num_candidates = 0;
	ed->complete(ed, first_word);
	if (!ed->num_candidates)
		return;
	shared = strlen(ed->candidates[0]);
	for (unsigned i = 1; i < ed->num_candidates; i++) {
		size_t n = 0;

		while (n < shared && ed->candidates[i][n] == ed->candidates[0][n])
			n++;
		shared = n;
	}
	if (shared > ed->word_len) {
		insert(ed, ed->candidates[0] + ed->word_len, shared - ed->word_len);
	} else if (ed->num_candidates > 1 && second_tab) {
		list_candidates(ed);
	}
	if (ed->num_candidates == 1)
		insert(ed, in_braces ? "}" : " ", 1);
	ed->word = NULL;
}

enum editline_result editline_key(struct editline *ed, int key)
{
	unsigned ch = KEY_CHAR(key);
	bool tab = key == KEY_TAB, second_tab = tab && ed->last_was_tab;
	enum editline_result result = EDITLINE_MORE;

	ed->last_was_tab = tab;
	if (key == KEY_LEFT || key == KEY_CTRL('B')) {
		if (ed->cursor)
			move_to(ed, ed->cursor - 1);
	} else if (key == KEY_RIGHT || key == KEY_CTRL('F')) {
		if (ed->cursor < ed->len)
			move_to(ed, ed->cursor + 1);
	} else if (key == KEY_HOME || key == KEY_CTRL('A')) {
		move_to(ed, 0);
	} else if (key == KEY_END || key == KEY_CTRL('E')) {
		move_to(ed, ed->len);
	} else if (key == KEY_BACKSPACE) {
		if (ed->cursor)
			delete_range(ed, ed->cursor - 1, ed->cursor);
	} else if (key == KEY_CTRL('D') && !ed->len) {
		result = EDITLINE_END;
	} else if (key == KEY_DELETE || key == KEY_CTRL('D')) {
		if (ed->cursor < ed->len)
			delete_range(ed, ed->cursor, ed->cursor + 1);
	} else if (key == KEY_CTRL('K')) {
		delete_range(ed, ed->cursor, ed->len);
	} else if (key == KEY_CTRL('U')) {
		delete_range(ed, 0, ed->cursor);
	} else if (key == KEY_CTRL('W')) {
		delete_range(ed, word_start_before(ed), ed->cursor);
	} else if (key == KEY_UP || key == KEY_CTRL('P')) {
		browse_history(ed, -1);
	} else if (key == KEY_DOWN || key == KEY_CTRL('N')) {
		browse_history(ed, 1);
	} else if (tab) {
		complete(ed, second_tab);
	} else if (key == KEY_ENTER) {
		result = EDITLINE_DONE;
	} else if (key == KEY_CTRL('C') || key == KEY_ESC) {
		result = EDITLINE_CANCELLED;
	} else if (KEY_SCAN(key) == 0 && KEY_MODS(key) == 0 && ch >= 0x20 &&
		   ch < 0x7f) {
		/* The line is bytes; the commands' language is ASCII. */
		char c = (char)ch;

		insert(ed, &c, 1);
	}
	if (result != EDITLINE_MORE) {
		move_to(ed, ed->len);
		ed->put('\n');
	}
	return result;
}
