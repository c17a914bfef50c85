/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Console multiplexing and the console side of printf: every character and
 * screen operation goes to every console (a firmware console, a terminal),
 * keys come from the first console that has one.
 */

#include <stdio.h>
#include <wireboot/console.h>
#include <wireboot/format.h>

/* What a terminal of unknown size is assumed to have. */
#define DEFAULT_COLUMNS 80
#define DEFAULT_ROWS 24

TABLE_DEFINE(const struct console_driver, consoles);

void console_putchar(int c)
{
	const struct console_driver *console;

	for_each_table_entry(console, consoles)
		console->putchar(c);
}

void console_flush(void)
{
	const struct console_driver *console;

	for_each_table_entry(console, consoles) {
		if (console->flush)
			console->flush();
	}
}

int console_getkey(void)
{
	const struct console_driver *console;

	for_each_table_entry(console, consoles) {
		int key = console->getkey ? console->getkey() : -1;
		if (key >= 0)
			return key;
	}
	return -1;
}

void console_set_cursor(unsigned column, unsigned row)
{
	const struct console_driver *console;

	for_each_table_entry(console, consoles) {
		if (console->set_cursor)
			console->set_cursor(column, row);
	}
}

void console_set_colour(unsigned foreground, unsigned background)
{
	const struct console_driver *console;

	for_each_table_entry(console, consoles) {
		if (console->set_colour)
			console->set_colour(foreground, background);
	}
}

void console_clear(void)
{
	const struct console_driver *console;

	for_each_table_entry(console, consoles) {
		if (console->clear)
			console->clear();
	}
}

void console_clear_to_eol(void)
{
	const struct console_driver *console;

	for_each_table_entry(console, consoles) {
		if (console->clear_to_eol)
			console->clear_to_eol();
	}
}

void console_show_cursor(bool visible)
{
	const struct console_driver *console;

	for_each_table_entry(console, consoles) {
		if (console->show_cursor)
			console->show_cursor(visible);
	}
}

void console_size(unsigned *columns, unsigned *rows)
{
	const struct console_driver *console;
	bool known = false;

	*columns = DEFAULT_COLUMNS;
	*rows = DEFAULT_ROWS;
	for_each_table_entry(console, consoles) {
		unsigned c, r;

		if (!console->size || console->size(&c, &r) != 0 || !c || !r)
			continue;
		if (!known || c < *columns)
			*columns = c;
		if (!known || r < *rows)
			*rows = r;
		known = true;
	}
}

int putchar(int c)
{
	console_putchar(c);
	return (unsigned char)c;
}

int puts(const char *s)
{
	while (*s)
		console_putchar(*s++);
	console_putchar('\n');
	return 0;
}

static void console_emit(struct format_sink *sink __unused, char c)
{
	console_putchar(c);
}

int vprintf(const char *fmt, va_list args)
{
	struct format_sink sink = { .emit = console_emit };

	return format_to_sink(&sink, fmt, args);
}

int printf(const char *fmt, ...)
{
	va_list args;
	int len;

	va_start(args, fmt);
	len = vprintf(fmt, args);
	va_end(args);
	return len;
}
