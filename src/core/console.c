/* Console multiplexing and the console side of printf. */

#include <stdio.h>
#include <wireboot/console.h>
#include <wireboot/format.h>

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
