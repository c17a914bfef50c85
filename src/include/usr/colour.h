/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef USR_COLOUR_H
#define USR_COLOUR_H

/*
 * Colours and colour pairs of the established language ("colour",
 * "cpair"): colour numbers 0-7 (black, red, green, yellow, blue, magenta,
 * cyan, white) and 9 (the console's own) name what a pair uses, and each
 * number can be redefined to another basic colour or an RGB value (shown
 * as the nearest basic colour: a text console has no others). Pairs say
 * what menus and editors draw with.
 */

#include <stdint.h>

#define COLOUR_DEFAULT 9
#define COLOUR_COUNT 10

enum colour_pair {
	CPAIR_DEFAULT,		/* text outside any menu */
	CPAIR_NORMAL,		/* menu background and items */
	CPAIR_SELECT,		/* the selected item */
	CPAIR_SEPARATOR,	/* gaps and titles */
	CPAIR_EDIT,		/* text being edited */
	CPAIR_ALERT,		/* warnings */
	CPAIR_URL,
	CPAIR_PXE,
	CPAIR_COUNT,
};

/* Colour number to a basic colour (enum console_colour); -EINVAL for a
 * number or colour out of range. */
int colour_define(unsigned number, unsigned basic);
/* The basic colour nearest to 0xRRGGBB. */
unsigned colour_nearest(uint32_t rgb);
int colour_pair_define(unsigned pair, unsigned foreground, unsigned background);
/* Sets the console's colours to pair's. */
void colour_pair_use(unsigned pair);

#endif
