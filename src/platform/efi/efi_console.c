/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The UEFI text console: EFI_SIMPLE_TEXT_OUTPUT_PROTOCOL (ConOut) for text
 * and screen operations, EFI_SIMPLE_TEXT_INPUT_PROTOCOL (ConIn) for keys.
 *
 * One console serves both a screen and a serial line. The firmware's
 * console splitter sends ConOut to every console device: to the graphics
 * text console, and to the terminal driver of a serial port (OVMF with
 * "-serial stdio" or "-nographic"), which turns SetCursorPosition,
 * SetAttribute, ClearScreen and EnableCursor into escape sequences itself.
 * So screen operations go through ConOut only: writing escape sequences
 * ourselves would show as garbage on the screen and reach the terminal
 * twice. Where the firmware has no terminal driver for a serial line, a
 * console of its own would use src/core/ansi_output.c instead.
 *
 * Keys come the same way in reverse: the terminal driver decodes the
 * escape sequences it knows into scan codes (mapped here from the UEFI
 * specification's table), and delivers those it does not know (modified
 * keys such as Ctrl-Right: "ESC [ 1 ; 5 C", or another terminal type's
 * F-keys) as an Esc scan code followed by the sequence's characters. The
 * Esc scan code is therefore fed to the terminal decoder
 * (src/core/key_decode.c) as the ESC byte, with the characters after it,
 * which reassembles such sequences; a lone Esc comes out after the
 * decoder's timeout (and the terminal driver's own wait for more bytes).
 * OVMF's serial terminal is of the PC-ANSI type: it decodes only ESC [
 * A-D, H and F itself, so the decoder does the work for every VT220 key
 * (tests/qemu/test_console_keys.py types them). That terminal type also
 * turns the DEL byte, which terminals send for Backspace, into the Delete
 * scan code; BS (Ctrl-H) stays Backspace.
 *
 * Characters are converted to UCS-2 and collected per line: one
 * OutputString call per character would make every message crawl through
 * the firmware's terminal emulation. Every screen operation flushes the
 * line first, so text and positioning stay in order.
 *
 * Escape sequences in what is printed (a script's colours, cursor
 * positions, clear screen) are done with the same screen operations
 * (src/core/ansi_interpret.c): the firmware's OutputString would show ESC
 * as a '?' on the screen and on the serial terminal alike, so the
 * sequences are the firmware's to render, as SetAttribute and friends.
 */

#include <errno.h>
#include <wireboot/ansi_interpret.h>
#include <wireboot/console.h>
#include <wireboot/efi.h>
#include <wireboot/features.h>
#include <wireboot/key_decode.h>
#include <wireboot/keys.h>
#include <wireboot/timer.h>

#define LINE_UNITS 128

static CHAR16 line[LINE_UNITS + 1];
static unsigned line_len;
/* A UTF-8 sequence being assembled across putchar calls. */
static uint32_t pending_code_point;
static unsigned pending_bytes;

static void efi_console_flush(void)
{
	EFI_SIMPLE_TEXT_OUTPUT_PROTOCOL *conout;

	if (!line_len || !efi_system_table)
		return;
	conout = efi_system_table->ConOut;
	line[line_len] = 0;
	if (conout)
		conout->OutputString(conout, line);
	line_len = 0;
}

static void queue_unit(CHAR16 unit)
{
	if (line_len >= LINE_UNITS)
		efi_console_flush();
	line[line_len++] = unit;
}

/* Decodes UTF-8 incrementally; anything malformed shows as '?'. */
static void efi_console_text(int c)
{
	unsigned char byte = (unsigned char)c;

	if (pending_bytes && (byte & 0xc0) == 0x80) {
		pending_code_point = (pending_code_point << 6) | (byte & 0x3f);
		if (--pending_bytes == 0)
			queue_unit(pending_code_point <= 0xffff ?
					   (CHAR16)pending_code_point : '?');
		return;
	}
	if (pending_bytes) {
		pending_bytes = 0;
		queue_unit('?');
	}
	if (byte < 0x80) {
		if (byte == '\n')
			queue_unit('\r');
		queue_unit(byte);
		if (byte == '\n')
			efi_console_flush();
	} else if ((byte & 0xe0) == 0xc0) {
		pending_code_point = byte & 0x1f;
		pending_bytes = 1;
	} else if ((byte & 0xf0) == 0xe0) {
		pending_code_point = byte & 0x0f;
		pending_bytes = 2;
	} else {
		queue_unit('?');
	}
}

/* Scan codes of the UEFI specification's table, as keys. */
static const uint8_t efi_scan_keys[] = {
	[SCAN_UP] = KEY_SCAN_UP,
	[SCAN_DOWN] = KEY_SCAN_DOWN,
	[SCAN_RIGHT] = KEY_SCAN_RIGHT,
	[SCAN_LEFT] = KEY_SCAN_LEFT,
	[SCAN_HOME] = KEY_SCAN_HOME,
	[SCAN_END] = KEY_SCAN_END,
	[SCAN_INSERT] = KEY_SCAN_INSERT,
	[SCAN_DELETE] = KEY_SCAN_DELETE,
	[SCAN_PAGE_UP] = KEY_SCAN_PAGE_UP,
	[SCAN_PAGE_DOWN] = KEY_SCAN_PAGE_DOWN,
	[SCAN_F1] = KEY_SCAN_F1,
	[SCAN_F1 + 1] = KEY_SCAN_F1 + 1,
	[SCAN_F1 + 2] = KEY_SCAN_F1 + 2,
	[SCAN_F1 + 3] = KEY_SCAN_F1 + 3,
	[SCAN_F1 + 4] = KEY_SCAN_F1 + 4,
	[SCAN_F1 + 5] = KEY_SCAN_F1 + 5,
	[SCAN_F1 + 6] = KEY_SCAN_F1 + 6,
	[SCAN_F1 + 7] = KEY_SCAN_F1 + 7,
	[SCAN_F1 + 8] = KEY_SCAN_F1 + 8,
	[SCAN_F10] = KEY_SCAN_F1 + 9,
	[SCAN_F11] = KEY_SCAN_F1 + 10,
	[SCAN_F12] = KEY_SCAN_F1 + 11,
	[SCAN_ESC] = KEY_SCAN_ESC,
};

static struct key_decoder decoder;

/* Hands one firmware key to the decoder (see the top of the file). */
static void feed_efi_key(const EFI_INPUT_KEY *key)
{
	if (key->ScanCode == SCAN_ESC)
		key_decoder_feed(&decoder, 0x1b, monotonic_us());
	else if (key->ScanCode < ARRAY_SIZE(efi_scan_keys) &&
		 efi_scan_keys[key->ScanCode])
		key_decoder_feed_key(&decoder,
				     KEY(0, efi_scan_keys[key->ScanCode], 0));
	else if (key->ScanCode == SCAN_NULL)
		key_decoder_feed(&decoder, key->UnicodeChar, monotonic_us());
	/* Other scan codes (volume, brightness...) are no keys of ours. */
}

static int efi_console_getkey(void)
{
	EFI_SIMPLE_TEXT_INPUT_PROTOCOL *conin;
	EFI_INPUT_KEY key;
	int next;

	if (!efi_system_table || !(conin = efi_system_table->ConIn))
		return -1;
	efi_console_flush();
	for (;;) {
		if ((next = key_decoder_next(&decoder)) >= 0)
			return next;
		if (EFI_ERROR(conin->ReadKeyStroke(conin, &key)))
			return key_decoder_idle(&decoder, monotonic_us());
		feed_efi_key(&key);
	}
}

/* ConOut after the pending text went out; NULL without a console. */
static EFI_SIMPLE_TEXT_OUTPUT_PROTOCOL *conout_flushed(void)
{
	efi_console_flush();
	return efi_system_table ? efi_system_table->ConOut : NULL;
}

static void efi_console_set_cursor(unsigned column, unsigned row)
{
	EFI_SIMPLE_TEXT_OUTPUT_PROTOCOL *conout = conout_flushed();

	if (conout)
		conout->SetCursorPosition(conout, column, row);
}

/* enum console_colour (ANSI order) to the firmware's colour numbers. */
static const uint8_t efi_colours[] = {
	[CONSOLE_BLACK] = EFI_BLACK,
	[CONSOLE_RED] = EFI_RED,
	[CONSOLE_GREEN] = EFI_GREEN,
	[CONSOLE_YELLOW] = EFI_BROWN,
	[CONSOLE_BLUE] = EFI_BLUE,
	[CONSOLE_MAGENTA] = EFI_MAGENTA,
	[CONSOLE_CYAN] = EFI_CYAN,
	[CONSOLE_WHITE] = EFI_LIGHTGRAY,
};

static unsigned efi_colour(unsigned colour, unsigned fallback)
{
	if (colour >= CONSOLE_DEFAULT)
		return fallback;
	return efi_colours[colour & 7] | (colour & CONSOLE_BRIGHT ? EFI_BRIGHT : 0);
}

static void efi_console_set_colour(unsigned foreground, unsigned background)
{
	EFI_SIMPLE_TEXT_OUTPUT_PROTOCOL *conout = conout_flushed();

	/* The firmware has no bright backgrounds: the plain one it is. */
	if (conout)
		conout->SetAttribute(conout, EFI_TEXT_ATTR(
			efi_colour(foreground, EFI_LIGHTGRAY),
			efi_colour(background, EFI_BLACK) & 7));
}

static void efi_console_clear(void)
{
	EFI_SIMPLE_TEXT_OUTPUT_PROTOCOL *conout = conout_flushed();

	if (conout)
		conout->ClearScreen(conout);
}

static int efi_console_size(unsigned *columns, unsigned *rows)
{
	EFI_SIMPLE_TEXT_OUTPUT_PROTOCOL *conout = conout_flushed();
	UINTN cols, lines;

	if (!conout || !conout->Mode ||
	    EFI_ERROR(conout->QueryMode(conout, (UINTN)conout->Mode->Mode,
					&cols, &lines)))
		return -ENODEV;
	*columns = (unsigned)cols;
	*rows = (unsigned)lines;
	return 0;
}

/* The protocol has no "clear to end of line": spaces, then back. On the
 * last row the last column stays, as writing it would scroll the screen. */
static void efi_console_clear_to_eol(void)
{
	EFI_SIMPLE_TEXT_OUTPUT_PROTOCOL *conout = conout_flushed();
	unsigned columns, rows, column, row, end;

	if (!conout || efi_console_size(&columns, &rows) != 0)
		return;
	column = (unsigned)conout->Mode->CursorColumn;
	row = (unsigned)conout->Mode->CursorRow;
	end = row + 1 >= rows ? columns - 1 : columns;
	for (unsigned i = column; i < end; i++)
		queue_unit(' ');
	efi_console_flush();
	conout->SetCursorPosition(conout, column, row);
}

static void efi_console_show_cursor(bool visible)
{
	EFI_SIMPLE_TEXT_OUTPUT_PROTOCOL *conout = conout_flushed();

	/* Consoles without a cursor say EFI_UNSUPPORTED: nothing to do. */
	if (conout)
		conout->EnableCursor(conout, visible);
}

/* What the interpreter of escape sequences draws with. */
static const struct console_driver efi_screen = {
	.name = "efi-screen",
	.putchar = efi_console_text,
	.set_cursor = efi_console_set_cursor,
	.set_colour = efi_console_set_colour,
	.clear = efi_console_clear,
	.clear_to_eol = efi_console_clear_to_eol,
	.show_cursor = efi_console_show_cursor,
};

static void efi_console_putchar(int c)
{
	static struct ansi_interpreter ansi = { .screen = &efi_screen,
						.foreground = CONSOLE_DEFAULT,
						.background = CONSOLE_DEFAULT };

	ansi_interpret(&ansi, c);
}

CONSOLE_DRIVER(efi_console) = {
	.name = "efi",
	.putchar = efi_console_putchar,
	.flush = efi_console_flush,
	.getkey = efi_console_getkey,
	.set_cursor = efi_console_set_cursor,
	.set_colour = efi_console_set_colour,
	.clear = efi_console_clear,
	.clear_to_eol = efi_console_clear_to_eol,
	.show_cursor = efi_console_show_cursor,
	.size = efi_console_size,
};
PROVIDE_OBJECT(efi_console);
FEATURE("console-efi");
