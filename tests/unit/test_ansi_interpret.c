/* SPDX-License-Identifier: GPL-2.0-or-later */
// FIRMWARE_SOURCES: src/core/ansi_interpret.c src/core/ansi_output.c src/core/vsprintf.c src/core/string.c
/*
 * The ANSI interpreter on a recording screen: every sequence it acts on,
 * bold as the bright colours, defaults for missing parameters, what
 * ansi_output.c writes read back as the same operations, and bad input:
 * unknown and private sequences swallowed whole, overlong and huge
 * parameters, control characters and non-ASCII bytes inside a sequence
 * (the sequence is dropped, the byte shows), character-set selections.
 */

#include <stdbool.h>
#include <string.h>
#include <wireboot/ansi_interpret.h>
#include <wireboot/ansi_output.h>
#include "unit.h"

void wb_ansi_interpreter_init(struct ansi_interpreter *ansi,
			      const struct console_driver *screen);
void wb_ansi_interpret(struct ansi_interpreter *ansi, int c);
void wb_ansi_set_cursor(ansi_putchar_t put, unsigned column, unsigned row);
void wb_ansi_set_colour(ansi_putchar_t put, unsigned foreground, unsigned background);
void wb_ansi_clear(ansi_putchar_t put);
void wb_ansi_clear_to_eol(ansi_putchar_t put);
void wb_ansi_show_cursor(ansi_putchar_t put, bool visible);

static char log_text[1024];

static void add(const char *fmt, unsigned a, unsigned b)
{
	char entry[64];

	snprintf(entry, sizeof(entry), fmt, a, b);
	strcat(log_text, entry);
}

static void rec_putchar(int c)
{
	if (c >= 0x20 && c < 0x7f)
		add("%c", (unsigned)c, 0);
	else
		add("<%02x>", (unsigned)c & 0xff, 0);
}
static void rec_cursor(unsigned column, unsigned row) { add("[at %u,%u]", column, row); }
static void rec_colour(unsigned fg, unsigned bg) { add("[colour %u/%u]", fg, bg); }
static void rec_clear(void) { add("[clear]", 0, 0); }
static void rec_eol(void) { add("[eol]", 0, 0); }
static void rec_show(bool visible) { add("[cursor %u]", visible, 0); }

static const struct console_driver screen = {
	.name = "recorder", .putchar = rec_putchar, .set_cursor = rec_cursor,
	.set_colour = rec_colour, .clear = rec_clear, .clear_to_eol = rec_eol,
	.show_cursor = rec_show,
};
static const struct console_driver text_only = {
	.name = "text", .putchar = rec_putchar,
};

static struct ansi_interpreter ansi;

static void feed(const char *text)
{
	while (*text)
		wb_ansi_interpret(&ansi, (unsigned char)*text++);
}

static const char *run(const char *text)
{
	log_text[0] = '\0';
	wb_ansi_interpreter_init(&ansi, &screen);
	feed(text);
	return log_text;
}

static void put_to_interpreter(int c)
{
	wb_ansi_interpret(&ansi, c);
}

static void test_sequences(void)
{
	CHECK_STR(run("a\x1b[5;10Hb"), "a[at 9,4]b");
	CHECK_STR(run("\x1b[H\x1b[;3f\x1b[7H"), "[at 0,0][at 2,0][at 0,6]");
	CHECK_STR(run("\x1b[2J\x1b[J\x1b[1J"), "[clear]");
	CHECK_STR(run("\x1b[K\x1b[0K\x1b[2K"), "[eol][eol]");
	CHECK_STR(run("\x1b[?25l\x1b[?25h\x1b[?7l"), "[cursor 0][cursor 1]");
	CHECK_STR(run("\x1b[31mred\x1b[0m"), "[colour 1/16]red[colour 16/16]");
	CHECK_STR(run("\x1b[1;33;44m"), "[colour 11/4]");
	CHECK_STR(run("\x1b[1m\x1b[22m"), "[colour 15/16][colour 16/16]");
	CHECK_STR(run("\x1b[92;104m\x1b[39m\x1b[49m"),
		  "[colour 10/12][colour 16/12][colour 16/16]");
	CHECK_STR(run("\x1b[m"), "[colour 16/16]");
	/* Unknown attributes change nothing but still apply what is set. */
	CHECK_STR(run("\x1b[32m\x1b[4;5m"), "[colour 2/16][colour 2/16]");
}

static void test_own_output_read_back(void)
{
	log_text[0] = '\0';
	wb_ansi_interpreter_init(&ansi, &screen);
	wb_ansi_set_cursor(put_to_interpreter, 12, 3);
	wb_ansi_set_colour(put_to_interpreter, 7 | 8, 1);
	wb_ansi_set_colour(put_to_interpreter, 16, 16);
	wb_ansi_clear(put_to_interpreter);
	wb_ansi_clear_to_eol(put_to_interpreter);
	wb_ansi_show_cursor(put_to_interpreter, false);
	CHECK_STR(log_text, "[at 12,3][colour 15/1][colour 16/16][clear][at 0,0]"
			    "[eol][cursor 0]");
}

static void test_bad_input(void)
{
	/* Unknown, with intermediates, or private: swallowed whole. */
	CHECK_STR(run("\x1b[6nx\x1b[1 qy\x1b[>0cz\x1b[?1049hw"), "xyzw");
	/* Many parameters (those past the eighth are ignored), huge ones. */
	CHECK_STR(run("\x1b[1;2;3;4;5;6;7;8;9;10;31mq"), "[colour 15/16]q");
	CHECK_STR(run("\x1b[99999999999999999999;99999999999Hp"),
		  "[at 9998,9998]p");
	/* A control character or a non-ASCII byte ends the sequence. */
	CHECK_STR(run("\x1b[12\nab"), "<0a>ab");
	CHECK_STR(run("\x1b[3\xc3\xa9"), "<c3><a9>");
	CHECK_STR(run("\x1b\x1b[31m"), "[colour 1/16]");
	CHECK_STR(run("\x1b\rk"), "<0d>k");
	/* Two-byte escapes and character sets. */
	CHECK_STR(run("\x1b(Ba\x1b)0b\x1b" "cc\x1b" "7d"), "abcd");
	/* Unfinished at the end: nothing shows. */
	CHECK_STR(run("e\x1b[1;2"), "e");
	/* A screen with text only: operations vanish, text stays. */
	log_text[0] = '\0';
	wb_ansi_interpreter_init(&ansi, &text_only);
	feed("\x1b[2J\x1b[1;1H\x1b[31mok\x1b[K\x1b[?25l");
	CHECK_STR(log_text, "ok");
}

int main(void)
{
	test_sequences();
	test_own_output_read_back();
	test_bad_input();
	return unit_finish();
}
