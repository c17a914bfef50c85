/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef WIREBOOT_ANSI_INTERPRET_H
#define WIREBOOT_ANSI_INTERPRET_H

/*
 * Escape sequences in text, turned into screen operations (see
 * src/core/ansi_interpret.c): for a console that is a screen, not a
 * terminal, so that what a script prints for a terminal (colours, bold,
 * cursor position, clear screen) looks the same there. Pure: bytes in,
 * calls of the screen operations of a console driver out.
 */

#include <stdbool.h>
#include <stdint.h>
#include <wireboot/console.h>

/* More parameters than this are read but ignored. */
#define ANSI_MAX_PARAMS 8
/* Parameter values are capped here (no screen is this large). */
#define ANSI_MAX_VALUE 9999

struct ansi_interpreter {
	/* Where text and operations go: putchar gets every byte that is
	 * not part of a sequence; a missing operation is skipped. */
	const struct console_driver *screen;
	uint8_t state;
	bool private_marker;	/* "ESC [ ?" */
	bool bold;
	uint8_t num_params;
	unsigned params[ANSI_MAX_PARAMS];
	unsigned foreground, background;
};

void ansi_interpreter_init(struct ansi_interpreter *ansi,
			   const struct console_driver *screen);
void ansi_interpret(struct ansi_interpreter *ansi, int c);

#endif
