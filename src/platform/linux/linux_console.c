/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The console of the hosted program: output to stdout with write(2),
 * collected per line; keys from stdin without blocking. A terminal on stdin
 * is switched out of line mode (and echo), as a firmware console delivers
 * single keys; Ctrl-C still interrupts the program. The terminal is driven
 * the way any terminal is: screen operations as escape sequences
 * (src/core/ansi_output.c), and what it sends for keys read by the
 * terminal decoder (src/core/key_decode.c). Once stdin is at its end,
 * every read gives Ctrl-D, the terminal's end-of-input key, so that the
 * shell ends instead of waiting forever.
 */

#include <poll.h>
#include <stdbool.h>
#include <stdlib.h>
#include <sys/ioctl.h>
#include <termios.h>
#include <unistd.h>
#include <wireboot/ansi_output.h>
#include <wireboot/console.h>
#include <wireboot/features.h>
#include <wireboot/key_decode.h>
#include <wireboot/keys.h>
#include <wireboot/timer.h>

#define LINE_MAX_BYTES 256

static char line[LINE_MAX_BYTES];
static size_t line_len;
static bool stdin_closed;
static bool terminal_changed;
static struct termios saved_terminal;

static void linux_console_flush(void)
{
	size_t done = 0;

	while (done < line_len) {
		ssize_t written = write(STDOUT_FILENO, line + done, line_len - done);

		if (written <= 0)
			break;
		done += (size_t)written;
	}
	line_len = 0;
}

static void linux_console_putchar(int c)
{
	if (line_len == sizeof(line))
		linux_console_flush();
	line[line_len++] = (char)c;
	if (c == '\n')
		linux_console_flush();
}

static void restore_terminal(void)
{
	tcsetattr(STDIN_FILENO, TCSANOW, &saved_terminal);
}

static void single_key_terminal(void)
{
	struct termios raw;

	terminal_changed = true;
	if (!isatty(STDIN_FILENO) || tcgetattr(STDIN_FILENO, &saved_terminal) != 0)
		return;
	raw = saved_terminal;
	raw.c_lflag &= ~(tcflag_t)(ICANON | ECHO);
	raw.c_cc[VMIN] = 1;
	raw.c_cc[VTIME] = 0;
	if (tcsetattr(STDIN_FILENO, TCSANOW, &raw) == 0)
		atexit(restore_terminal);
}

/* One byte from stdin if there is one; never blocks. */
static bool read_byte(unsigned char *byte)
{
	struct pollfd input = { .fd = STDIN_FILENO, .events = POLLIN };

	if (stdin_closed || poll(&input, 1, 0) != 1)
		return false;
	if (read(STDIN_FILENO, byte, 1) != 1) {
		stdin_closed = true;
		return false;
	}
	return true;
}

static int linux_console_getkey(void)
{
	static struct key_decoder decoder;
	unsigned char byte;
	int key;

	if (!terminal_changed)
		single_key_terminal();
	linux_console_flush();
	for (;;) {
		if ((key = key_decoder_next(&decoder)) >= 0)
			return key;
		if (!read_byte(&byte)) {
			key = key_decoder_idle(&decoder, monotonic_us());
			return key < 0 && stdin_closed ? KEY_CTRL('D') : key;
		}
		key_decoder_feed(&decoder, byte, monotonic_us());
	}
}

static void linux_console_set_cursor(unsigned column, unsigned row)
{
	ansi_set_cursor(linux_console_putchar, column, row);
}

static void linux_console_set_colour(unsigned foreground, unsigned background)
{
	ansi_set_colour(linux_console_putchar, foreground, background);
}

static void linux_console_clear(void)
{
	ansi_clear(linux_console_putchar);
}

static void linux_console_clear_to_eol(void)
{
	ansi_clear_to_eol(linux_console_putchar);
}

static void linux_console_show_cursor(bool visible)
{
	ansi_show_cursor(linux_console_putchar, visible);
}

/* The terminal's size, when stdout is one. */
static int linux_console_size(unsigned *columns, unsigned *rows)
{
	struct winsize size;

	if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &size) != 0)
		return -1;
	*columns = size.ws_col;
	*rows = size.ws_row;
	return 0;
}

CONSOLE_DRIVER(linux_console) = {
	.name = "linux",
	.putchar = linux_console_putchar,
	.flush = linux_console_flush,
	.getkey = linux_console_getkey,
	.set_cursor = linux_console_set_cursor,
	.set_colour = linux_console_set_colour,
	.clear = linux_console_clear,
	.clear_to_eol = linux_console_clear_to_eol,
	.show_cursor = linux_console_show_cursor,
	.size = linux_console_size,
};
FEATURE("console-linux");
