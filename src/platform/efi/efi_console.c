/*
 * The UEFI text console (OVMF mirrors it to the serial port). Characters
 * are converted to UCS-2 and collected per line: one OutputString call per
 * character would make every message crawl through the firmware's terminal
 * emulation.
 */

#include <wireboot/console.h>
#include <wireboot/efi.h>
#include <wireboot/features.h>

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
static void efi_console_putchar(int c)
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

static int efi_console_getkey(void)
{
	EFI_SIMPLE_TEXT_INPUT_PROTOCOL *conin;
	EFI_INPUT_KEY key;

	if (!efi_system_table || !(conin = efi_system_table->ConIn))
		return -1;
	efi_console_flush();
	if (EFI_ERROR(conin->ReadKeyStroke(conin, &key)))
		return -1;
	return key.UnicodeChar ? key.UnicodeChar : 0x100 + key.ScanCode;
}

CONSOLE_DRIVER(efi_console) = {
	.name = "efi",
	.putchar = efi_console_putchar,
	.flush = efi_console_flush,
	.getkey = efi_console_getkey,
};
PROVIDE_OBJECT(efi_console);
FEATURE("console-efi");
