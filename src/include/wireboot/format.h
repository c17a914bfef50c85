/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef WIREBOOT_FORMAT_H
#define WIREBOOT_FORMAT_H

/*
 * The formatter behind printf and snprintf: it produces characters into a
 * sink, and each output path (buffer, console) provides its own sink.
 */

#include <stdarg.h>
#include <stddef.h>
#include <wireboot/compiler.h>

struct format_sink {
	void (*emit)(struct format_sink *sink, char c);
	size_t count;	/* characters produced, including any not stored */
};

/* Returns the number of characters produced (capped at INT_MAX). */
int format_to_sink(struct format_sink *sink, const char *fmt, va_list args)
	__printf(2, 0);

#endif
