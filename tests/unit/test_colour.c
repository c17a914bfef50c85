/* SPDX-License-Identifier: GPL-2.0-or-later */
// FIRMWARE_SOURCES: src/usr/colour.c
/*
 * Colours and colour pairs: the default pairs, colour numbers redefined
 * to basic colours or to the basic colour nearest an RGB value, and the
 * numbers and pairs that do not exist. The console is a fake that
 * records the colours it is given.
 */

#include <errno.h>
#include <stdbool.h>
#include <stdint.h>
#include <usr/colour.h>
#include <wireboot/console.h>
#include "unit.h"

int wb_colour_define(unsigned number, unsigned basic);
unsigned wb_colour_nearest(uint32_t rgb);
int wb_colour_pair_define(unsigned pair, unsigned foreground, unsigned background);
void wb_colour_pair_use(unsigned pair);

static unsigned shown_foreground, shown_background;

void console_set_colour(unsigned foreground, unsigned background)
{
	shown_foreground = foreground;
	shown_background = background;
}

static void check_pair(unsigned pair, unsigned foreground, unsigned background)
{
	wb_colour_pair_use(pair);
	CHECK_INT(shown_foreground, foreground);
	CHECK_INT(shown_background, background);
}

int main(void)
{
	/* The defaults: the console's own, white on blue, white on red. */
	check_pair(CPAIR_DEFAULT, CONSOLE_DEFAULT, CONSOLE_DEFAULT);
	check_pair(CPAIR_NORMAL, CONSOLE_WHITE, CONSOLE_BLUE);
	check_pair(CPAIR_SELECT, CONSOLE_WHITE, CONSOLE_RED);
	check_pair(CPAIR_SEPARATOR, CONSOLE_CYAN, CONSOLE_BLUE);
	check_pair(CPAIR_COUNT + 5, CONSOLE_DEFAULT, CONSOLE_DEFAULT);

	/* Pairs name colour numbers; numbers show as basic colours. */
	CHECK_INT(wb_colour_pair_define(CPAIR_SELECT, 3, 0), 0);
	check_pair(CPAIR_SELECT, CONSOLE_YELLOW, CONSOLE_BLACK);
	CHECK_INT(wb_colour_define(3, CONSOLE_GREEN | CONSOLE_BRIGHT), 0);
	check_pair(CPAIR_SELECT, CONSOLE_GREEN | CONSOLE_BRIGHT, CONSOLE_BLACK);
	CHECK_INT(wb_colour_define(0, CONSOLE_DEFAULT), 0);
	check_pair(CPAIR_SELECT, CONSOLE_GREEN | CONSOLE_BRIGHT, CONSOLE_DEFAULT);
	CHECK_INT(wb_colour_pair_define(CPAIR_EDIT, COLOUR_DEFAULT, 4), 0);
	check_pair(CPAIR_EDIT, CONSOLE_DEFAULT, CONSOLE_BLUE);

	/* What does not exist changes nothing. */
	CHECK_INT(wb_colour_pair_define(CPAIR_COUNT, 1, 1), -EINVAL);
	CHECK_INT(wb_colour_pair_define(CPAIR_EDIT, 8, 1), -EINVAL);
	CHECK_INT(wb_colour_pair_define(CPAIR_EDIT, 1, 10), -EINVAL);
	CHECK_INT(wb_colour_define(8, CONSOLE_RED), -EINVAL);
	CHECK_INT(wb_colour_define(10, CONSOLE_RED), -EINVAL);
	CHECK_INT(wb_colour_define(1, CONSOLE_DEFAULT + 1), -EINVAL);
	check_pair(CPAIR_EDIT, CONSOLE_DEFAULT, CONSOLE_BLUE);

	/* RGB to the nearest basic colour. */
	CHECK_INT(wb_colour_nearest(0x000000), CONSOLE_BLACK);
	CHECK_INT(wb_colour_nearest(0x202020), CONSOLE_BLACK);
	CHECK_INT(wb_colour_nearest(0xff0000), CONSOLE_RED | CONSOLE_BRIGHT);
	CHECK_INT(wb_colour_nearest(0x800000), CONSOLE_RED);
	CHECK_INT(wb_colour_nearest(0x0000aa), CONSOLE_BLUE);
	CHECK_INT(wb_colour_nearest(0xc0c0c0), CONSOLE_WHITE);
	CHECK_INT(wb_colour_nearest(0xffffff), CONSOLE_WHITE | CONSOLE_BRIGHT);
	CHECK_INT(wb_colour_nearest(0xffa500), CONSOLE_YELLOW | CONSOLE_BRIGHT);
	CHECK_INT(wb_colour_nearest(0x008080), CONSOLE_CYAN);
	CHECK_INT(wb_colour_nearest(0x9400d3), CONSOLE_MAGENTA);
	return unit_finish();
}
