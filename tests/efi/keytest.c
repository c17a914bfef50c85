/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The key test program: proves what keys the console decodes from what
 * really reaches the firmware, and that screen operations reach it too.
 * It reports the screen size, writes a coloured word at a fixed position
 * (the firmware's serial terminal turns that into escape sequences a test
 * can look for), prints "KEYTEST: ready", then the name
 * of every key it reads ("KEY: Ctrl-Right"), and powers the machine off on
 * "q" or after a minute without keys, so that a test ends by itself. A test
 * sends escape sequences to the serial port and reads the names back.
 */

#include <stdio.h>
#include <wireboot/console.h>
#include <wireboot/efi.h>
#include <wireboot/keys.h>
#include <wireboot/main.h>
#include <wireboot/timer.h>

#define IDLE_LIMIT_US 60000000ull

static void screen_operations(void)
{
	unsigned columns, rows;

	console_size(&columns, &rows);
	printf("\nKEYTEST: screen %ux%u\n", columns, rows);
	console_set_cursor(10, 5);
	console_set_colour(CONSOLE_YELLOW | CONSOLE_BRIGHT, CONSOLE_BLUE);
	printf("AT-10-5");
	console_set_colour(CONSOLE_DEFAULT, CONSOLE_DEFAULT);
	console_clear_to_eol();
	console_show_cursor(false);
	console_show_cursor(true);
	printf("\n");
}

int wireboot_main(void)
{
	uint64_t last_key = monotonic_us();
	char name[32];
	int key;

	screen_operations();
	printf("KEYTEST: ready\n");
	while (monotonic_us() - last_key < IDLE_LIMIT_US) {
		key = console_getkey();
		if (key < 0) {
			udelay(1000);
			continue;
		}
		last_key = monotonic_us();
		printf("KEY: %s\n", key_name(key, name, sizeof(name)));
		if (key == 'q')
			break;
	}
	printf("KEYTEST: done\n");
	efi_poweroff();
	return 0;
}
