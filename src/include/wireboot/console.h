#ifndef WIREBOOT_CONSOLE_H
#define WIREBOOT_CONSOLE_H

/*
 * Consoles. Each output device (the UEFI text console, stdout in the hosted
 * build, ...) registers a driver in the "consoles" table; the core writes
 * every character to all of them and reads keys from whichever has one.
 */

#include <wireboot/tables.h>

struct console_driver {
	const char *name;
	void (*putchar)(int c);
	/* Push out anything buffered (called before blocking or exiting). */
	void (*flush)(void);
	/* Returns a key if one is waiting, else -1. Optional. */
	int (*getkey)(void);
};

TABLE_DECLARE(const struct console_driver, consoles);
#define CONSOLE_DRIVER(name) \
	const struct console_driver name TABLE_ENTRY(const struct console_driver, consoles, 01)

void console_putchar(int c);
void console_flush(void);
/* Returns a waiting key, or -1 if none: never blocks. */
int console_getkey(void);

#endif
