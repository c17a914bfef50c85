/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef WIREBOOT_CONSOLE_H
#define WIREBOOT_CONSOLE_H

/*
 * Consoles. Each output device (the UEFI text console, stdout in the hosted
 * build, ...) registers a driver in the "consoles" table; the core writes
 * every character and every screen operation to all of them and reads keys
 * from whichever has one.
 *
 * Screen operations are what menus and a line editor need: cursor
 * position, colours, clearing, cursor visibility and the screen size.
 * Each is optional in a driver: a console that cannot position a cursor
 * just prints. A driver that is a terminal reached by escape sequences
 * implements them with src/core/ansi_output.c.
 *
 * Keys are the values of wireboot/keys.h (Ctrl-C is 0x03).
 */

#include <stdbool.h>
#include <wireboot/tables.h>

/* Colours in ANSI order; add CONSOLE_BRIGHT for the bright variant. */
enum console_colour {
	CONSOLE_BLACK,
	CONSOLE_RED,
	CONSOLE_GREEN,
	CONSOLE_YELLOW,
	CONSOLE_BLUE,
	CONSOLE_MAGENTA,
	CONSOLE_CYAN,
	CONSOLE_WHITE,
	CONSOLE_BRIGHT = 8,
	/* The console's own colour (light grey on black on a firmware
	 * screen, the terminal's choice on a terminal). */
	CONSOLE_DEFAULT = 16,
};

struct console_driver {
	const char *name;
	void (*putchar)(int c);
	/* Push out anything buffered (called before blocking or exiting). */
	void (*flush)(void);
	/* Returns a key if one is waiting, else -1. Optional. */
	int (*getkey)(void);

	/* Screen operations, each optional. Columns and rows count from 0. */
	void (*set_cursor)(unsigned column, unsigned row);
	/* Foreground and background: an enum console_colour value each. */
	void (*set_colour)(unsigned foreground, unsigned background);
	void (*clear)(void);
	void (*clear_to_eol)(void);
	void (*show_cursor)(bool visible);
	/* 0 with the size, or a negative error when it is not known. */
	int (*size)(unsigned *columns, unsigned *rows);
};

TABLE_DECLARE(const struct console_driver, consoles);
#define CONSOLE_DRIVER(name) \
	const struct console_driver name TABLE_ENTRY(const struct console_driver, consoles, 01)

void console_putchar(int c);
void console_flush(void);
/* Returns a waiting key (wireboot/keys.h), or -1 if none: never blocks. */
int console_getkey(void);

void console_set_cursor(unsigned column, unsigned row);
void console_set_colour(unsigned foreground, unsigned background);
void console_clear(void);
void console_clear_to_eol(void);
void console_show_cursor(bool visible);
/* The size menus can use: the smallest of the consoles that know theirs,
 * 80x24 if none does. */
void console_size(unsigned *columns, unsigned *rows);

#endif
