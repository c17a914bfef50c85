/* SPDX-License-Identifier: GPL-2.0-or-later */
// FIRMWARE_SOURCES: src/core/ansi_interpret.c src/core/string.c
/* The ANSI interpreter on arbitrary text (what a script may print).
 * Checked on the way: every operation it calls has values a screen can
 * take (positions capped, colours of enum console_colour), and a byte
 * that is not printable ASCII (a control character, UTF-8) is never
 * swallowed: it reaches the screen as text unless it is ESC, which starts
 * a sequence. */

#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <wireboot/ansi_interpret.h>

void wb_ansi_interpreter_init(struct ansi_interpreter *ansi,
			      const struct console_driver *screen);
void wb_ansi_interpret(struct ansi_interpreter *ansi, int c);

static unsigned text_bytes;

static void on_putchar(int c)
{
	if (c < 0 || c > 0xff || c == 0x1b)
		abort();
	text_bytes++;
}

static void on_cursor(unsigned column, unsigned row)
{
	if (column >= ANSI_MAX_VALUE || row >= ANSI_MAX_VALUE)
		abort();
}

static bool valid_colour(unsigned colour)
{
	return colour < CONSOLE_DEFAULT || colour == CONSOLE_DEFAULT;
}

static void on_colour(unsigned foreground, unsigned background)
{
	if (!valid_colour(foreground) || !valid_colour(background))
		abort();
}

static void on_nothing(void) {}
static void on_show(bool visible) { (void)visible; }

static const struct console_driver screen = {
	.name = "fuzz", .putchar = on_putchar, .set_cursor = on_cursor,
	.set_colour = on_colour, .clear = on_nothing,
	.clear_to_eol = on_nothing, .show_cursor = on_show,
};

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct ansi_interpreter ansi;

	wb_ansi_interpreter_init(&ansi, &screen);
	for (size_t i = 0; i < size; i++) {
		unsigned before = text_bytes;
		bool must_show = data[i] != 0x1b && (data[i] < 0x20 || data[i] > 0x7e);

		wb_ansi_interpret(&ansi, data[i]);
		if (must_show && text_bytes != before + 1)
			abort();
	}
	return 0;
}
