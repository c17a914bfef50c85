/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Screen operations for a terminal (see wireboot/ansi_output.h): the
 * sequences of ECMA-48 that every VT100 descendant understands.
 *
 *   ESC [ <row> ; <column> H    cursor position (1-based on the wire)
 *   ESC [ 0 ; 3x ; 4x m         colours (9x and 10x: bright, from
 *                               aixterm, which every emulator supports);
 *                               39 and 49 the terminal's own colours
 *   ESC [ 2 J                   clear the screen (then home the cursor)
 *   ESC [ K                     clear to the end of the line
 *   ESC [ ? 25 h / l            show / hide the cursor (DEC private)
 *
 * Colour numbers are ANSI's order already (enum console_colour), so no
 * table is needed. Nothing here reads the terminal's replies.
 */

#include <stdio.h>
#include <wireboot/ansi_output.h>
#include <wireboot/console.h>

static void put_string(ansi_putchar_t put, const char *s)
{
	while (*s)
		put(*s++);
}

void ansi_set_cursor(ansi_putchar_t put, unsigned column, unsigned row)
{
	char sequence[32];

	snprintf(sequence, sizeof(sequence), "\x1b[%u;%uH", row + 1, column + 1);
	put_string(put, sequence);
}

/* The SGR parameter of a colour: base 30 (foreground) or 40. */
static unsigned colour_parameter(unsigned colour, unsigned base)
{
	if (colour >= CONSOLE_DEFAULT)
		return base + 9;
	if (colour & CONSOLE_BRIGHT)
		return base + 60 + (colour & 7);
	return base + colour;
}

void ansi_set_colour(ansi_putchar_t put, unsigned foreground,
		     unsigned background)
{
	char sequence[32];

	snprintf(sequence, sizeof(sequence), "\x1b[0;%u;%um",
		 colour_parameter(foreground, 30),
		 colour_parameter(background, 40));
	put_string(put, sequence);
}

void ansi_clear(ansi_putchar_t put)
{
	put_string(put, "\x1b[2J\x1b[H");
}

void ansi_clear_to_eol(ansi_putchar_t put)
{
	put_string(put, "\x1b[K");
}

void ansi_show_cursor(ansi_putchar_t put, bool visible)
{
	put_string(put, visible ? "\x1b[?25h" : "\x1b[?25l");
}
