/* SPDX-License-Identifier: GPL-2.0-or-later */
// FIRMWARE_SOURCES: src/core/editline.c src/core/string.c
/*
 * The line editor driven by key sequences, its output played on a model
 * terminal (a row of cells and a cursor that backspace moves left), so
 * that each test checks both the line the editor holds and what a person
 * sees: cursor movement, insertion and deletion anywhere, the kill keys,
 * history (bounded, no repeats, the draft kept while browsing), Tab
 * completion (unique, shared prefix, listing on a second Tab, "${"),
 * hidden input, and a line that is full.
 */

#include <stdbool.h>
#include <string.h>
#include <wireboot/editline.h>
#include <wireboot/keys.h>
#include "unit.h"

void wb_editline_init(struct editline *ed, const char *prompt, const char *initial,
		      void (*put)(int c));
enum editline_result wb_editline_key(struct editline *ed, int key);
void wb_editline_candidate(struct editline *ed, const char *name);
void wb_editline_history_add(struct editline_history *history, const char *line);
void wb_editline_history_free(struct editline_history *history);

/* ---- the model terminal ---- */

static char row[512];		/* the current row */
static unsigned column;
static char scrolled[2048];	/* finished rows, each ending in '|' */

/* The row as shown, trailing blanks dropped. */
static const char *shown(void)
{
	static char text[sizeof(row)];
	size_t len;

	for (size_t i = 0; i < sizeof(row); i++)
		text[i] = row[i] ? row[i] : ' ';
	text[sizeof(row) - 1] = '\0';
	len = strlen(text);
	while (len && text[len - 1] == ' ')
		text[--len] = '\0';
	return text;
}

static void term_reset(void)
{
	memset(row, 0, sizeof(row));
	column = 0;
	scrolled[0] = '\0';
}

static void term_put(int c)
{
	if (c == '\b') {
		CHECK(column > 0);
		if (column)
			column--;
	} else if (c == '\n') {
		strcat(scrolled, shown());
		strcat(scrolled, "|");
		memset(row, 0, sizeof(row));
		column = 0;
	} else if (column + 1 < sizeof(row)) {
		row[column++] = (char)c;
	}
}

static struct editline ed;

static enum editline_result type(const char *text)
{
	enum editline_result result = EDITLINE_MORE;

	for (; *text; text++)
		result = wb_editline_key(&ed, (unsigned char)*text);
	return result;
}

static enum editline_result keys(const int *list, unsigned count)
{
	enum editline_result result = EDITLINE_MORE;

	for (unsigned i = 0; i < count; i++)
		result = wb_editline_key(&ed, list[i]);
	return result;
}
#define KEYS(...) keys((const int[]){ __VA_ARGS__ }, \
		       sizeof((const int[]){ __VA_ARGS__ }) / sizeof(int))

static void start(const char *initial)
{
	term_reset();
	wb_editline_init(&ed, "> ", initial, term_put);
}

/* The editor's line, the screen's row and the cursor agree. */
static void check_line(const char *want, size_t cursor)
{
	char screen[600];

	CHECK_STR(ed.buf, want);
	CHECK_INT(ed.len, strlen(want));
	CHECK_INT(ed.cursor, cursor);
	snprintf(screen, sizeof(screen), "> %s", want);
	for (size_t len = strlen(screen); len && screen[len - 1] == ' ';)
		screen[--len] = '\0';
	CHECK_STR(shown(), screen);
	CHECK_INT(column, 2 + cursor);
}

static void test_editing(void)
{
	start(NULL);
	check_line("", 0);
	type("echo wrld");
	check_line("echo wrld", 9);
	KEYS(KEY_LEFT, KEY_LEFT, KEY_LEFT);
	type("o");
	check_line("echo world", 7);
	KEYS(KEY_BACKSPACE, KEY_BACKSPACE);
	check_line("echo rld", 5);
	KEYS(KEY_CTRL('A'));
	check_line("echo rld", 0);
	KEYS(KEY_LEFT, KEY_BACKSPACE);		/* nothing before the start */
	check_line("echo rld", 0);
	KEYS(KEY_DELETE, KEY_CTRL('D'));
	check_line("ho rld", 0);
	KEYS(KEY_END, KEY_RIGHT, KEY_DELETE);	/* nothing after the end */
	check_line("ho rld", 6);
	KEYS(KEY_HOME, KEY_RIGHT, KEY_CTRL('F'), KEY_CTRL('B'));
	check_line("ho rld", 1);
	KEYS(KEY_CTRL('E'));
	check_line("ho rld", 6);
	/* Keys that are not characters insert nothing. */
	KEYS(KEY_F(5), KEY(KEY_MOD_ALT, 0, 'x'), KEY_INSERT, 0x7f, 0xe9);
	check_line("ho rld", 6);
	CHECK_INT(type("\r"), EDITLINE_DONE);
	CHECK_STR(scrolled, "> ho rld|");
}

static void test_kill_keys(void)
{
	start("set name some value");
	check_line("set name some value", 19);
	KEYS(KEY_CTRL('W'));
	check_line("set name some ", 14);
	KEYS(KEY_CTRL('W'));
	check_line("set name ", 9);
	KEYS(KEY_LEFT, KEY_LEFT, KEY_LEFT, KEY_CTRL('K'));
	check_line("set na", 6);
	KEYS(KEY_LEFT, KEY_LEFT, KEY_CTRL('U'));
	check_line("na", 0);
	KEYS(KEY_CTRL('W'));			/* no word before */
	check_line("na", 0);
	KEYS(KEY_CTRL('K'));
	check_line("", 0);
	/* Ctrl-D on an empty line is the end of input. */
	CHECK_INT(KEYS(KEY_CTRL('D')), EDITLINE_END);
	start("x");
	CHECK_INT(KEYS(KEY_LEFT, KEY_ESC), EDITLINE_CANCELLED);
	CHECK_STR(scrolled, "> x|");
	start("y");
	CHECK_INT(KEYS(KEY_CTRL('C')), EDITLINE_CANCELLED);
}

static void test_history(void)
{
	struct editline_history history = { 0 };
	char line[16];

	wb_editline_history_add(&history, "first");
	wb_editline_history_add(&history, "");
	wb_editline_history_add(&history, "second");
	wb_editline_history_add(&history, "second");
	CHECK_INT(history.count, 2);
	start(NULL);
	ed.history = &history;
	ed.history_pos = history.count;
	type("draft");
	KEYS(KEY_UP);
	check_line("second", 6);
	KEYS(KEY_UP);
	check_line("first", 5);
	KEYS(KEY_UP);				/* the oldest stays */
	check_line("first", 5);
	KEYS(KEY_DOWN, KEY_CTRL('N'));
	check_line("draft", 5);
	KEYS(KEY_DOWN);
	check_line("draft", 5);
	KEYS(KEY_CTRL('P'));
	check_line("second", 6);
	CHECK_INT(type("\r"), EDITLINE_DONE);
	CHECK_STR(ed.buf, "second");

	/* Bounded: the oldest entries go. */
	for (unsigned i = 0; i < EDITLINE_HISTORY + 3; i++) {
		snprintf(line, sizeof(line), "line %u", i);
		wb_editline_history_add(&history, line);
	}
	CHECK_INT(history.count, EDITLINE_HISTORY);
	CHECK_STR(history.entries[0], "line 3");
	snprintf(line, sizeof(line), "line %u", EDITLINE_HISTORY + 2);
	CHECK_STR(history.entries[EDITLINE_HISTORY - 1], line);
	wb_editline_history_free(&history);
	CHECK_INT(history.count, 0);
}

static unsigned completions;
static bool completed_first_word;

static void completer(struct editline *e, bool first_word)
{
	static const char *const commands[] = { "echo", "exit", "imgfetch",
						"imgfree", "imgfree", "iseq" };
	static const char *const settings[] = { "net0/ip", "net0/mac",
						"filename", "next-server" };

	completions++;
	completed_first_word = first_word;
	if (first_word) {
		for (unsigned i = 0; i < sizeof(commands) / sizeof(commands[0]); i++)
			wb_editline_candidate(e, commands[i]);
	} else {
		for (unsigned i = 0; i < sizeof(settings) / sizeof(settings[0]); i++)
			wb_editline_candidate(e, settings[i]);
	}
}

static void test_completion(void)
{
	start(NULL);
	ed.complete = completer;
	type("ec\t");
	CHECK(completed_first_word);
	check_line("echo ", 5);
	type("${fi\t");
	CHECK(!completed_first_word);
	check_line("echo ${filename}", 16);
	KEYS(KEY_CTRL('U'));
	/* Shared prefix, then a list on the second Tab. */
	type("im\t");
	check_line("imgf", 4);
	CHECK_STR(scrolled, "");
	type("\t");
	/* Duplicates are listed once, in order. */
	CHECK_STR(scrolled, "> imgf|imgfetch  imgfree|");
	check_line("imgf", 4);
	type("r\t");
	check_line("imgfree ", 8);
	/* Completion in the middle: the word before the cursor. */
	type("net0/ ");
	KEYS(KEY_LEFT);
	type("\t");
	check_line("imgfree net0/ ", 13);
	CHECK(!completed_first_word);
	type("m\t");
	check_line("imgfree net0/mac  ", 17);
	/* Nothing matches: nothing happens. */
	KEYS(KEY_CTRL('U'), KEY_CTRL('K'));
	type("zz\t\t");
	check_line("zz", 2);
	/* Spaces before the first word keep it a command name. */
	KEYS(KEY_CTRL('U'));
	type("  is\t");
	check_line("  iseq ", 7);
	CHECK(completed_first_word);
}

static void test_hidden(void)
{
	unsigned before;
	struct editline_history history = { 0 };

	wb_editline_history_add(&history, "old");
	term_reset();
	wb_editline_init(&ed, "Password: ", NULL, term_put);
	ed.hidden = true;
	ed.history = &history;
	ed.complete = completer;
	before = completions;
	type("se\tcret");
	KEYS(KEY_UP, KEY_LEFT, KEY_BACKSPACE);
	CHECK_INT(completions, before);
	CHECK_STR(ed.buf, "secrt");
	CHECK_STR(shown(), "Password: *****");
	CHECK(!strstr(row, "sec"));
	CHECK_INT(type("\r"), EDITLINE_DONE);
	wb_editline_history_free(&history);
}

static void test_full_line(void)
{
	char initial[EDITLINE_MAX + 10];

	memset(initial, 'a', sizeof(initial) - 1);
	initial[sizeof(initial) - 1] = '\0';
	start(initial);
	CHECK_INT(ed.len, EDITLINE_MAX);
	KEYS(KEY_HOME);
	type("bc");
	CHECK_INT(ed.len, EDITLINE_MAX);
	CHECK(ed.buf[0] == 'a');
	KEYS(KEY_BACKSPACE, KEY_DELETE);
	type("b");
	CHECK_INT(ed.len, EDITLINE_MAX);
	CHECK(ed.buf[0] == 'b');
	CHECK_INT(column, 2 + 1);
}

int main(void)
{
	test_editing();
	test_kill_keys();
	test_history();
	test_completion();
	test_hidden();
	test_full_line();
	return unit_finish();
}
