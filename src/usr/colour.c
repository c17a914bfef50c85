/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Colours and colour pairs (see usr/colour.h). The default pairs are the
 * established firmware's look: white on blue menus, white on red for the
 * selection, cyan separators.
 */

#include <errno.h>
#include <stdbool.h>
#include <usr/colour.h>
#include <wireboot/console.h>

/* What each colour number shows as; 8 is no colour of the language. */
static unsigned colours[COLOUR_COUNT] = {
	CONSOLE_BLACK, CONSOLE_RED, CONSOLE_GREEN, CONSOLE_YELLOW,
	CONSOLE_BLUE, CONSOLE_MAGENTA, CONSOLE_CYAN, CONSOLE_WHITE,
	CONSOLE_DEFAULT, CONSOLE_DEFAULT,
};

static struct {
	unsigned foreground, background;
} pairs[CPAIR_COUNT] = {
	[CPAIR_DEFAULT] = { COLOUR_DEFAULT, COLOUR_DEFAULT },
	[CPAIR_NORMAL] = { 7, 4 },
	[CPAIR_SELECT] = { 7, 1 },
	[CPAIR_SEPARATOR] = { 6, 4 },
	[CPAIR_EDIT] = { 7, 0 },
	[CPAIR_ALERT] = { 7, 1 },
	[CPAIR_URL] = { 6, 4 },
	[CPAIR_PXE] = { 0, 7 },
};

static bool valid_number(unsigned number)
{
	return number < COLOUR_COUNT && number != 8;
}

int colour_define(unsigned number, unsigned basic)
{
	if (!valid_number(number) ||
	    (basic >= CONSOLE_BRIGHT * 2 && basic != CONSOLE_DEFAULT))
		return -EINVAL;
	colours[number] = basic;
	return 0;
}

/* The channels at half the strongest or more are on (so dark shades keep
 * their hue); a strong colour is the bright variant. enum console_colour
 * is ANSI's order: bit 0 red, bit 1 green, bit 2 blue. */
unsigned colour_nearest(uint32_t rgb)
{
	unsigned channels[3] = { (rgb >> 16) & 0xff, (rgb >> 8) & 0xff,
				 rgb & 0xff };
	unsigned max = 0, colour = 0;

	for (unsigned i = 0; i < 3; i++) {
		if (channels[i] > max)
			max = channels[i];
	}
	if (max < 0x40)
		return CONSOLE_BLACK;
	for (unsigned i = 0; i < 3; i++) {
		if (channels[i] * 2 >= max)
			colour |= 1u << i;
	}
	return colour | (max > 0xe0 ? CONSOLE_BRIGHT : 0);
}

int colour_pair_define(unsigned pair, unsigned foreground, unsigned background)
{
	if (pair >= CPAIR_COUNT || !valid_number(foreground) ||
	    !valid_number(background))
		return -EINVAL;
	pairs[pair].foreground = foreground;
	pairs[pair].background = background;
	return 0;
}

void colour_pair_use(unsigned pair)
{
	if (pair >= CPAIR_COUNT)
		pair = CPAIR_DEFAULT;
	console_set_colour(colours[pairs[pair].foreground],
			   colours[pairs[pair].background]);
}
