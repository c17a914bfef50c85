/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef WIREBOOT_ANSI_OUTPUT_H
#define WIREBOOT_ANSI_OUTPUT_H

/*
 * Screen operations as ANSI/VT100 escape sequences (see
 * src/core/ansi_output.c), for consoles that are a terminal: each writes
 * its sequence through the console's own putchar.
 */

#include <stdbool.h>

typedef void (*ansi_putchar_t)(int c);

void ansi_set_cursor(ansi_putchar_t put, unsigned column, unsigned row);
void ansi_set_colour(ansi_putchar_t put, unsigned foreground,
		     unsigned background);
void ansi_clear(ansi_putchar_t put);
void ansi_clear_to_eol(ansi_putchar_t put);
void ansi_show_cursor(ansi_putchar_t put, bool visible);

#endif
