/*
 * The console of the hosted program: output to stdout with write(2),
 * collected per line; keys from stdin without blocking. A terminal on stdin
 * is switched out of line mode (and echo), as a firmware console delivers
 * single keys; Ctrl-C still interrupts the program.
 */

#include <poll.h>
#include <stdbool.h>
#include <stdlib.h>
#include <termios.h>
#include <unistd.h>
#include <wireboot/console.h>
#include <wireboot/features.h>

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

static int linux_console_getkey(void)
{
	struct pollfd input = { .fd = STDIN_FILENO, .events = POLLIN };
	unsigned char key;

	if (!terminal_changed)
		single_key_terminal();
	linux_console_flush();
	if (stdin_closed || poll(&input, 1, 0) != 1)
		return -1;
	if (read(STDIN_FILENO, &key, 1) != 1) {
		stdin_closed = true;
		return -1;
	}
	return key;
}

CONSOLE_DRIVER(linux_console) = {
	.name = "linux",
	.putchar = linux_console_putchar,
	.flush = linux_console_flush,
	.getkey = linux_console_getkey,
};
FEATURE("console-linux");
