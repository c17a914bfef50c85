/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The ANSI interpreter (see wireboot/ansi_interpret.h): the sequences
 * that src/core/ansi_output.c writes, and what scripts written for a
 * terminal print, done with a screen's own operations:
 *
 *   ESC [ <row> ; <column> H (or f)   cursor position (1-based; missing: 1)
 *   ESC [ <n> ; ... m                 0 reset, 1 bold (the bright colours),
 *                                     22 not bold, 30-37 / 40-47 colours,
 *                                     39 / 49 the console's own, 90-97 /
 *                                     100-107 bright colours
 *   ESC [ 2 J                         clear the screen (cursor home, as
 *                                     the firmware's ClearScreen does)
 *   ESC [ K  (or 0 K)                 clear to the end of the line
 *   ESC [ ? 25 h / l                  show / hide the cursor
 *
 * Other sequences are read to their end by the general grammar of
 * control sequences (parameter bytes 0x30-0x3f, intermediates 0x20-0x2f,
 * a final byte 0x40-0x7e) and dropped, so their tail never shows as
 * text; "ESC ( B" and the other character-set selections likewise. A byte
 * that cannot belong to a sequence (a control character, or anything not
 * ASCII) ends it: the sequence is dropped and the byte is read afresh,
 * so text after a broken sequence is not lost.
 */

#include <string.h>
#include <wireboot/ansi_interpret.h>

enum ansi_state {
	ANSI_TEXT,
	ANSI_ESC,
	ANSI_CSI,
	/* Inside a sequence we do not act on, up to its final byte. */
	ANSI_CSI_IGNORE,
	/* "ESC (" and the like: one more byte names a character set. */
	ANSI_CHARSET,
};

#define ESC 0x1b

void ansi_interpreter_init(struct ansi_interpreter *ansi,
			   const struct console_driver *screen)
{
	memset(ansi, 0, sizeof(*ansi));
	ansi->screen = screen;
	ansi->foreground = ansi->background = CONSOLE_DEFAULT;
}

/* A parameter, or fallback when it was left out (or is 0 and that
 * means the same). */
static unsigned param(const struct ansi_interpreter *ansi, unsigned index,
		      unsigned fallback)
{
	if (index >= ansi->num_params || !ansi->params[index])
		return fallback;
	return ansi->params[index];
}

static void apply_colour(struct ansi_interpreter *ansi)
{
	unsigned foreground = ansi->foreground;

	if (!ansi->screen->set_colour)
		return;
	/* Bold is the bright variant, as on a PC screen; the console's
	 * own colour turns bright white. */
	if (ansi->bold)
		foreground = foreground >= CONSOLE_DEFAULT ?
				     CONSOLE_WHITE | CONSOLE_BRIGHT :
				     foreground | CONSOLE_BRIGHT;
	ansi->screen->set_colour(foreground, ansi->background);
}

static void select_graphic_rendition(struct ansi_interpreter *ansi)
{
	unsigned count = ansi->num_params ? ansi->num_params : 1;

	for (unsigned i = 0; i < count && i < ANSI_MAX_PARAMS; i++) {
		unsigned n = i < ansi->num_params ? ansi->params[i] : 0;

		if (n == 0) {
			ansi->bold = false;
			ansi->foreground = ansi->background = CONSOLE_DEFAULT;
		} else if (n == 1) {
			ansi->bold = true;
		} else if (n == 22) {
			ansi->bold = false;
		} else if (n >= 30 && n <= 37) {
			ansi->foreground = n - 30;
		} else if (n == 39) {
			ansi->foreground = CONSOLE_DEFAULT;
		} else if (n >= 40 && n <= 47) {
			ansi->background = n - 40;
		} else if (n == 49) {
			ansi->background = CONSOLE_DEFAULT;
		} else if (n >= 90 && n <= 97) {
			ansi->foreground = (n - 90) | CONSOLE_BRIGHT;
		} else if (n >= 100 && n <= 107) {
			ansi->background = (n - 100) | CONSOLE_BRIGHT;
		}
		/* Others (underline, blink, 256 colours) have no screen
		 * equivalent here and are left out. */
	}
	apply_colour(ansi);
}

static void control_sequence(struct ansi_interpreter *ansi, int final)
{
	const struct console_driver *screen = ansi->screen;

	if (ansi->private_marker) {
		if ((final == 'h' || final == 'l') && ansi->num_params == 1 &&
		    ansi->params[0] == 25 && screen->show_cursor)
			screen->show_cursor(final == 'h');
		return;
	}
	switch (final) {
	case 'H':
	case 'f':
		if (screen->set_cursor)
			screen->set_cursor(param(ansi, 1, 1) - 1,
					   param(ansi, 0, 1) - 1);
		break;
	case 'J':
		if (ansi->num_params == 1 && ansi->params[0] == 2 && screen->clear)
			screen->clear();
		break;
	case 'K':
		if (ansi->num_params <= 1 && param(ansi, 0, 0) == 0 &&
		    screen->clear_to_eol)
			screen->clear_to_eol();
		break;
	case 'm':
		select_graphic_rendition(ansi);
		break;
	default:
		break;
	}
}

/* A byte inside "ESC [": false when it cannot belong there. */
static bool csi_byte(struct ansi_interpreter *ansi, int c)
{
	if (c >= '0' && c <= '9') {
		unsigned *value;

		if (ansi->state == ANSI_CSI_IGNORE)
			return true;
		if (!ansi->num_params)
			ansi->num_params = 1;
		if (ansi->num_params > ANSI_MAX_PARAMS)
			return true;
		value = &ansi->params[ansi->num_params - 1];
		*value = *value * 10 + (unsigned)(c - '0');
		if (*value > ANSI_MAX_VALUE)
			*value = ANSI_MAX_VALUE;
	} else if (c == ';') {
		if (!ansi->num_params)
			ansi->num_params = 1;
		if (ansi->num_params <= ANSI_MAX_PARAMS)
			ansi->num_params++;
		if (ansi->num_params <= ANSI_MAX_PARAMS)
			ansi->params[ansi->num_params - 1] = 0;
	} else if (c == '?' && ansi->state == ANSI_CSI && !ansi->num_params &&
		   !ansi->private_marker) {
		ansi->private_marker = true;
	} else if (c >= 0x20 && c <= 0x3f) {
		/* Other parameter and intermediate bytes: not ours. */
		ansi->state = ANSI_CSI_IGNORE;
	} else if (c >= 0x40 && c <= 0x7e) {
		if (ansi->state == ANSI_CSI) {
			if (ansi->num_params > ANSI_MAX_PARAMS)
				ansi->num_params = ANSI_MAX_PARAMS;
			control_sequence(ansi, c);
		}
		ansi->state = ANSI_TEXT;
	} else {
		return false;
	}
	return true;
}

void ansi_interpret(struct ansi_interpreter *ansi, int c)
{
	c &= 0xff;
	switch (ansi->state) {
	case ANSI_ESC:
		ansi->state = ANSI_TEXT;
		if (c == '[') {
			ansi->state = ANSI_CSI;
			ansi->private_marker = false;
			ansi->num_params = 0;
			memset(ansi->params, 0, sizeof(ansi->params));
			return;
		}
		if (c == '(' || c == ')') {
			ansi->state = ANSI_CHARSET;
			return;
		}
		/* ESC and one byte (ESC c, ESC 7...): nothing we do. */
		if (c >= 0x20 && c <= 0x7e)
			return;
		break;
	case ANSI_CHARSET:
		ansi->state = ANSI_TEXT;
		if (c >= 0x20 && c <= 0x7e)
			return;
		break;
	case ANSI_CSI:
	case ANSI_CSI_IGNORE:
		if (csi_byte(ansi, c))
			return;
		ansi->state = ANSI_TEXT;
		break;
	default:
		break;
	}
	if (c == ESC)
		ansi->state = ANSI_ESC;
	else
		ansi->screen->putchar(c);
}
