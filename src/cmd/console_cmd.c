/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The console's look from scripts: console, colour, cpair (see
 * usr/colour.h). What a text console cannot do (a background picture,
 * another resolution or depth, margins) fails with a message that says
 * so, instead of being ignored, so that a script can fall back with "||".
 */

#include <errno.h>
#include <stdbool.h>
#include <limits.h>
#include <stdio.h>
#include <usr/colour.h>
#include <wireboot/command.h>
#include <wireboot/console.h>
#include <wireboot/parseopt.h>

PROVIDE_OBJECT(console_cmd);

struct console_options {
	unsigned int x, y, left, right, top, bottom, depth;
	const char *picture;
	bool keep;
};

/* Every distance is in pixels, as the established language has it. */
static const struct option_descriptor console_opts[] = {
	OPTION("x", 'x', parseopt_integer, struct console_options, x, "width"),
	OPTION("y", 'y', parseopt_integer, struct console_options, y, "height"),
	OPTION("left", 'l', parseopt_integer, struct console_options, left, "margin"),
	OPTION("right", 'r', parseopt_integer, struct console_options, right, "margin"),
	OPTION("top", 't', parseopt_integer, struct console_options, top, "margin"),
	OPTION("bottom", 'b', parseopt_integer, struct console_options, bottom, "margin"),
	OPTION("depth", 'd', parseopt_integer, struct console_options, depth, "bpp"),
	OPTION("picture", 'p', parseopt_string, struct console_options, picture, "uri"),
	OPTION("keep", 'k', parseopt_flag, struct console_options, keep, NULL),
};
static const struct command_descriptor console_cmd =
	COMMAND_DESCRIPTOR(console_opts, 0, 0, "");

/* "console" alone resets the console: its own colours, a clear screen.
 * Everything else asks for a graphics console; --keep only keeps a
 * picture. */
static int console_exec(int argc, char **argv)
{
	struct console_options opts = { 0 };
	int first = parse_options(argc, argv, &console_cmd, &opts);

	if (first <= 0)
		return first;
	if (opts.picture) {
		printf("%s: a text console shows no picture (--picture)\n", argv[0]);
		return -ENOTSUP;
	}
	if (opts.x || opts.y || opts.depth || opts.left || opts.right ||
	    opts.top || opts.bottom) {
		printf("%s: a text console has no pixels to size, margin or "
		       "colour (--x, --y, --depth, --left, --right, --top, "
		       "--bottom)\n", argv[0]);
		return -ENOTSUP;
	}
	colour_pair_use(CPAIR_DEFAULT);
	console_clear();
	return 0;
}

/* A value left out stays NOT_GIVEN (more than any valid one). */
#define NOT_GIVEN UINT_MAX

struct colour_options {
	unsigned int basic, rgb;
};

static const struct option_descriptor colour_opts[] = {
	OPTION("basic", 'b', parseopt_integer, struct colour_options, basic, "colour"),
	OPTION("rgb", 'r', parseopt_integer, struct colour_options, rgb, "0xRRGGBB"),
};
static const struct command_descriptor colour_cmd =
	COMMAND_DESCRIPTOR(colour_opts, 1, 1, "<colour>");

/* "colour --basic 4 1": colour number 1 shows as blue; --rgb takes the
 * nearest basic colour; neither: the number's own colour again. */
static int colour_exec(int argc, char **argv)
{
	struct colour_options opts = { .basic = NOT_GIVEN, .rgb = NOT_GIVEN };
	int first = parse_options(argc, argv, &colour_cmd, &opts);
	unsigned number, basic;

	if (first <= 0)
		return first;
	if (parse_integer(argv[first], &number) || number >= COLOUR_COUNT ||
	    number == 8) {
		printf("%s: colour numbers are 0-7 and 9, not '%s'\n", argv[0],
		       argv[first]);
		return -EINVAL;
	}
	if (opts.basic != NOT_GIVEN)
		basic = opts.basic == COLOUR_DEFAULT ? CONSOLE_DEFAULT : opts.basic;
	else if (opts.rgb != NOT_GIVEN && opts.rgb <= 0xffffff)
		basic = colour_nearest(opts.rgb);
	else
		basic = number == COLOUR_DEFAULT ? CONSOLE_DEFAULT : number;
	if ((opts.rgb != NOT_GIVEN && opts.rgb > 0xffffff) ||
	    colour_define(number, basic)) {
		printf("%s: --basic takes 0-15 or 9, --rgb 0xRRGGBB\n", argv[0]);
		return -EINVAL;
	}
	return 0;
}

struct cpair_options {
	unsigned int foreground, background;
};

static const struct option_descriptor cpair_opts[] = {
	OPTION("foreground", 'f', parseopt_integer, struct cpair_options,
	       foreground, "colour"),
	OPTION("background", 'b', parseopt_integer, struct cpair_options,
	       background, "colour"),
};
static const struct command_descriptor cpair_cmd =
	COMMAND_DESCRIPTOR(cpair_opts, 1, 1, "<pair>");

/* "cpair --foreground 7 --background 4 1"; a colour left out is the
 * console's own (9). */
static int cpair_exec(int argc, char **argv)
{
	struct cpair_options opts = {
		.foreground = COLOUR_DEFAULT, .background = COLOUR_DEFAULT,
	};
	int first = parse_options(argc, argv, &cpair_cmd, &opts);
	unsigned pair;

	if (first <= 0)
		return first;
	if (parse_integer(argv[first], &pair) ||
	    colour_pair_define(pair, opts.foreground, opts.background)) {
		printf("%s: pairs are 0-%u, colours 0-7 and 9\n", argv[0],
		       CPAIR_COUNT - 1);
		return -EINVAL;
	}
	return 0;
}

COMMAND(console_command) = { .name = "console", .exec = console_exec };
COMMAND(colour_command) = { .name = "colour", .exec = colour_exec };
COMMAND(cpair_command) = { .name = "cpair", .exec = cpair_exec };
