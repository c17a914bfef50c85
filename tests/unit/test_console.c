/* SPDX-License-Identifier: GPL-2.0-or-later */
// FIRMWARE_SOURCES: src/core/console.c src/core/ansi_output.c src/core/key_decode.c src/core/vsprintf.c src/core/string.c
/*
 * The console layer over fake backends: a "screen" that records the
 * operations it is asked for (as a firmware console would receive them),
 * a "terminal" that is written escape sequences by ansi_output.c and sends
 * keys as bytes through the decoder, and a bare console with nothing but
 * putchar. Every operation must reach every console that has it, and each
 * call returns one key from a console that has one.
 */

#include <stdbool.h>
#include <stdint.h>
#include <string.h>
#include <wireboot/ansi_output.h>
#include <wireboot/console.h>
#include <wireboot/key_decode.h>
#include <wireboot/keys.h>
#include "unit.h"

int wb_printf(const char *fmt, ...);
void wb_console_set_cursor(unsigned column, unsigned row);
void wb_console_set_colour(unsigned foreground, unsigned background);
void wb_console_clear(void);
void wb_console_clear_to_eol(void);
void wb_console_show_cursor(bool visible);
void wb_console_size(unsigned *columns, unsigned *rows);
int wb_console_getkey(void);
void wb_ansi_set_cursor(ansi_putchar_t put, unsigned column, unsigned row);
void wb_ansi_set_colour(ansi_putchar_t put, unsigned foreground, unsigned background);
void wb_ansi_clear(ansi_putchar_t put);
void wb_ansi_clear_to_eol(ansi_putchar_t put);
void wb_ansi_show_cursor(ansi_putchar_t put, bool visible);
void wb_key_decoder_feed(struct key_decoder *dec, uint32_t unit, uint64_t now_us);
int wb_key_decoder_next(struct key_decoder *dec);
int wb_key_decoder_idle(struct key_decoder *dec, uint64_t now_us);

/* ---- the screen: records calls ---- */

static char screen_log[512];
static char screen_text[256];
static unsigned screen_columns = 100, screen_rows = 30;
static bool screen_size_known = true;
static int screen_key = -1;

static void screen_record(const char *fmt, unsigned a, unsigned b)
{
	char entry[64];

	snprintf(entry, sizeof(entry), fmt, a, b);
	strcat(screen_log, entry);
}

static void screen_putchar(int c)
{
	size_t len = strlen(screen_text);

	if (len + 1 < sizeof(screen_text)) {
		screen_text[len] = (char)c;
		screen_text[len + 1] = '\0';
	}
}

static int screen_getkey(void)
{
	int key = screen_key;

	screen_key = -1;
	return key;
}

static void screen_set_cursor(unsigned column, unsigned row)
{
	screen_record("[cursor %u,%u]", column, row);
}

static void screen_set_colour(unsigned foreground, unsigned background)
{
	screen_record("[colour %u/%u]", foreground, background);
}

static void screen_clear(void)
{
	screen_record("[clear]", 0, 0);
}

static void screen_clear_to_eol(void)
{
	screen_record("[eol]", 0, 0);
}

static void screen_show_cursor(bool visible)
{
	screen_record("[cursor %u]", visible, 0);
}

static int screen_size(unsigned *columns, unsigned *rows)
{
	if (!screen_size_known)
		return -1;
	*columns = screen_columns;
	*rows = screen_rows;
	return 0;
}

/* ---- the terminal: escape sequences out, bytes in ---- */

static char terminal_out[512];
static const char *terminal_in = "";
static struct key_decoder terminal_decoder;
static uint64_t fake_now = 1000000;

static void terminal_putchar(int c)
{
	size_t len = strlen(terminal_out);

	if (len + 1 < sizeof(terminal_out)) {
		terminal_out[len] = (char)c;
		terminal_out[len + 1] = '\0';
	}
}

static int terminal_getkey(void)
{
	int key;

	for (;;) {
		if ((key = wb_key_decoder_next(&terminal_decoder)) >= 0)
			return key;
		if (!*terminal_in)
			return wb_key_decoder_idle(&terminal_decoder, fake_now);
		wb_key_decoder_feed(&terminal_decoder,
				    (unsigned char)*terminal_in++, fake_now);
	}
}

static void terminal_set_cursor(unsigned column, unsigned row)
{
	wb_ansi_set_cursor(terminal_putchar, column, row);
}

static void terminal_set_colour(unsigned foreground, unsigned background)
{
	wb_ansi_set_colour(terminal_putchar, foreground, background);
}

static void terminal_clear(void)
{
	wb_ansi_clear(terminal_putchar);
}

static void terminal_clear_to_eol(void)
{
	wb_ansi_clear_to_eol(terminal_putchar);
}

static void terminal_show_cursor(bool visible)
{
	wb_ansi_show_cursor(terminal_putchar, visible);
}

static int terminal_size(unsigned *columns, unsigned *rows)
{
	*columns = 80;
	*rows = 50;
	return 0;
}

/* ---- the bare console ---- */

static char bare_text[256];

static void bare_putchar(int c)
{
	size_t len = strlen(bare_text);

	if (len + 1 < sizeof(bare_text)) {
		bare_text[len] = (char)c;
		bare_text[len + 1] = '\0';
	}
}

CONSOLE_DRIVER(screen_console) = {
	.name = "screen", .putchar = screen_putchar, .getkey = screen_getkey,
	.set_cursor = screen_set_cursor, .set_colour = screen_set_colour,
	.clear = screen_clear, .clear_to_eol = screen_clear_to_eol,
	.show_cursor = screen_show_cursor, .size = screen_size,
};
CONSOLE_DRIVER(terminal_console) = {
	.name = "terminal", .putchar = terminal_putchar, .getkey = terminal_getkey,
	.set_cursor = terminal_set_cursor, .set_colour = terminal_set_colour,
	.clear = terminal_clear, .clear_to_eol = terminal_clear_to_eol,
	.show_cursor = terminal_show_cursor, .size = terminal_size,
};
CONSOLE_DRIVER(bare_console) = { .name = "bare", .putchar = bare_putchar };

static void reset(void)
{
	screen_log[0] = screen_text[0] = terminal_out[0] = bare_text[0] = '\0';
}

static void test_output(void)
{
	reset();
	wb_printf("menu %d\n", 1);
	CHECK_STR(screen_text, "menu 1\n");
	CHECK_STR(terminal_out, "menu 1\n");
	CHECK_STR(bare_text, "menu 1\n");

	reset();
	wb_console_clear();
	wb_console_set_cursor(4, 2);
	wb_console_set_colour(CONSOLE_RED | CONSOLE_BRIGHT, CONSOLE_BLUE);
	wb_printf("x");
	wb_console_clear_to_eol();
	wb_console_set_colour(CONSOLE_DEFAULT, CONSOLE_DEFAULT);
	wb_console_set_colour(CONSOLE_BLACK, CONSOLE_WHITE | CONSOLE_BRIGHT);
	wb_console_show_cursor(false);
	wb_console_show_cursor(true);
	CHECK_STR(screen_log, "[clear][cursor 4,2][colour 9/4][eol][colour 16/16]"
		  "[colour 0/15][cursor 0][cursor 1]");
	CHECK_STR(screen_text, "x");
	CHECK_STR(terminal_out, "\x1b[2J\x1b[H" "\x1b[3;5H" "\x1b[0;91;44m" "x"
		  "\x1b[K" "\x1b[0;39;49m" "\x1b[0;30;107m" "\x1b[?25l\x1b[?25h");
	/* A console without screen operations only prints. */
	CHECK_STR(bare_text, "x");

	/* Large positions are not cut short. */
	reset();
	wb_console_set_cursor(4294967294u, 199);
	CHECK_STR(terminal_out, "\x1b[200;4294967295H");
}

static void test_size(void)
{
	unsigned columns, rows;

	/* The smallest of each dimension: 80 from one, 30 from the other. */
	wb_console_size(&columns, &rows);
	CHECK_INT(columns, 80);
	CHECK_INT(rows, 30);
	screen_columns = 60;
	screen_rows = 0;	/* nonsense sizes do not count */
	wb_console_size(&columns, &rows);
	CHECK_INT(columns, 80);
	CHECK_INT(rows, 50);
	screen_rows = 60;
	wb_console_size(&columns, &rows);
	CHECK_INT(columns, 60);
	CHECK_INT(rows, 50);
	screen_size_known = false;
	wb_console_size(&columns, &rows);
	CHECK_INT(columns, 80);
	CHECK_INT(rows, 50);
}

static void test_keys(void)
{
	CHECK_INT(wb_console_getkey(), -1);
	/* One key per call, from the first console (in table order) that has
	 * one; the other keeps its key for the next call. */
	screen_key = KEY_F(2);
	terminal_in = "\x1b[1;5C";
	int first = wb_console_getkey(), second = wb_console_getkey();
	CHECK((first == KEY_F(2) && second == KEY(KEY_MOD_CTRL, KEY_SCAN_RIGHT, 0)) ||
	      (second == KEY_F(2) && first == KEY(KEY_MOD_CTRL, KEY_SCAN_RIGHT, 0)));
	CHECK_INT(wb_console_getkey(), -1);
	/* Ctrl-C is 0x03, as the main loop's check expects. */
	terminal_in = "\x1bOP\x03";
	CHECK_INT(wb_console_getkey(), KEY_F(1));
	CHECK_INT(wb_console_getkey(), 0x03);
	/* A lone Esc waits for the timeout. */
	terminal_in = "\x1b";
	CHECK_INT(wb_console_getkey(), -1);
	fake_now += KEY_DECODE_TIMEOUT_US;
	CHECK_INT(wb_console_getkey(), KEY_ESC);
	CHECK_INT(wb_console_getkey(), -1);
}

int main(void)
{
	test_output();
	test_size();
	test_keys();
	return unit_finish();
}
