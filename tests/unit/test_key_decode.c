/* SPDX-License-Identifier: GPL-2.0-or-later */
// FIRMWARE_SOURCES: src/core/key_decode.c src/core/key_name.c src/core/vsprintf.c src/core/string.c src/core/strtoul.c
/* The terminal key decoder: every sequence it knows, modifiers, plain
 * characters, and what must survive bad input: truncated and garbage
 * sequences, overlong parameters, control characters inside sequences,
 * a lone Esc that becomes Esc only after the timeout. */

#include <errno.h>
#include <stdint.h>
#include <string.h>
#include <wireboot/key_decode.h>
#include <wireboot/keys.h>
#include "firmware.h"
#include "unit.h"

static char names[1024];

static void append_key(int key)
{
	char name[32];

	if (names[0])
		strcat(names, " ");
	strcat(names, wb_key_name(key, name, sizeof(name)));
}

/* Feeds text at once, reads what comes out while the input is there,
 * then lets the input go idle past the timeout: the names of all keys. */
static const char *decode_len(const char *text, size_t len)
{
	struct key_decoder dec;
	uint64_t now = 1000000;
	int key;

	names[0] = '\0';
	wb_key_decoder_init(&dec);
	for (size_t i = 0; i < len; i++) {
		wb_key_decoder_feed(&dec, (unsigned char)text[i], now);
		while ((key = wb_key_decoder_next(&dec)) >= 0)
			append_key(key);
	}
	while ((key = wb_key_decoder_idle(&dec, now + KEY_DECODE_TIMEOUT_US)) >= 0)
		append_key(key);
	return names;
}

static const char *decode(const char *text)
{
	return decode_len(text, strlen(text));
}

static void test_sequences(void)
{
	CHECK_STR(decode("\x1b[A\x1b[B\x1b[C\x1b[D"), "Up Down Right Left");
	CHECK_STR(decode("\x1bOA\x1bOB\x1bOC\x1bOD"), "Up Down Right Left");
	CHECK_STR(decode("\x1b[H\x1b[F\x1bOH\x1bOF"), "Home End Home End");
	CHECK_STR(decode("\x1b[1~\x1b[2~\x1b[3~\x1b[4~\x1b[5~\x1b[6~\x1b[7~\x1b[8~"),
		  "Home Insert Delete End PgUp PgDn Home End");
	CHECK_STR(decode("\x1bOP\x1bOQ\x1bOR\x1bOS"), "F1 F2 F3 F4");
	CHECK_STR(decode("\x1b[11~\x1b[12~\x1b[13~\x1b[14~\x1b[15~"),
		  "F1 F2 F3 F4 F5");
	CHECK_STR(decode("\x1b[17~\x1b[18~\x1b[19~\x1b[20~\x1b[21~\x1b[23~\x1b[24~"),
		  "F6 F7 F8 F9 F10 F11 F12");
	CHECK_STR(decode("\x1b[[A\x1b[[E"), "F1 F5");
	CHECK_STR(decode("\x1b[Z"), "Shift-Tab");
	CHECK_STR(decode("\x1bOM"), "Enter");
}

static void test_modifiers(void)
{
	CHECK_STR(decode("\x1b[1;5C"), "Ctrl-Right");
	CHECK_STR(decode("\x1b[1;2A"), "Shift-Up");
	CHECK_STR(decode("\x1b[1;3D"), "Alt-Left");
	CHECK_STR(decode("\x1b[1;8H"), "Ctrl-Alt-Shift-Home");
	CHECK_STR(decode("\x1b[3;5~"), "Ctrl-Delete");
	CHECK_STR(decode("\x1b[15;2~"), "Shift-F5");
	CHECK_STR(decode("\x1b[1;5P"), "Ctrl-F1");
	CHECK_STR(decode("\x1bO5S"), "Ctrl-F4");
	CHECK_STR(decode("\x1bx\x1b\x7f"), "Alt-x Alt-Backspace");
	/* One value compares against the constants. */
	struct key_decoder dec;
	wb_key_decoder_init(&dec);
	for (const char *p = "\x1b[1;5C\x1b[A\x03"; *p; p++)
		wb_key_decoder_feed(&dec, (unsigned char)*p, 0);
	CHECK_INT(wb_key_decoder_next(&dec), KEY(KEY_MOD_CTRL, KEY_SCAN_RIGHT, 0));
	CHECK_INT(wb_key_decoder_next(&dec), KEY_UP);
	CHECK_INT(wb_key_decoder_next(&dec), 0x03);
	CHECK_INT(wb_key_decoder_next(&dec), -1);
}

static void test_plain(void)
{
	CHECK_STR(decode("ab 1"), "a b Space 1");
	CHECK_STR(decode("\r\n\n\r"), "Enter Enter Enter");
	CHECK_STR(decode("\x7f\x08\t"), "Backspace Backspace Tab");
	CHECK_STR(decode("\x01\x03\x1a"), "Ctrl-A Ctrl-C Ctrl-Z");
	CHECK_STR(decode_len("a\0b", 3), "a b");
	CHECK_INT(KEY_CTRL('c'), 0x03);
}

static void test_bad_input(void)
{
	/* Truncated: what is pending when the input stops. */
	CHECK_STR(decode("\x1b"), "Esc");
	CHECK_STR(decode("\x1b["), "Alt-[");
	CHECK_STR(decode("\x1bO"), "Alt-O");
	CHECK_STR(decode("\x1b[1;"), "");
	CHECK_STR(decode("\x1b[15"), "");
	/* Control characters end a sequence and are keys themselves. */
	CHECK_STR(decode("\x1b[1\x03"), "Ctrl-C");
	CHECK_STR(decode("\x1b\x03"), "Esc Ctrl-C");
	CHECK_STR(decode("\x1bO\x03x"), "Ctrl-C x");
	CHECK_STR(decode("\x1b[1;5\rx"), "Enter x");
	/* A new ESC inside a sequence starts over. */
	CHECK_STR(decode("\x1b[1\x1b[A"), "Up");
	CHECK_STR(decode("\x1b\x1b[B"), "Esc Down");
	CHECK_STR(decode("\x1b\x1b\x1b"), "Esc Esc Esc");
	/* Well-formed but unknown: swallowed whole. */
	CHECK_STR(decode("\x1b[12;40Rz"), "z");
	CHECK_STR(decode("\x1b[?1;2cz"), "z");
	CHECK_STR(decode("\x1b[99~\x1b[0~\x1b[2;99Az"), "z");
	CHECK_STR(decode("\x1b[5Az"), "z");
	CHECK_STR(decode("\x1b[1;2;3Az"), "z");
	CHECK_STR(decode("\x1b[ qz"), "z");
	CHECK_STR(decode("\x1bO;Pz"), "z");
	CHECK_STR(decode("\x1b[[1Az"), "z");
	CHECK_STR(decode("\x1b[[Zz"), "z");
	CHECK_STR(decode("\x1bOzy"), "y");
	/* Overlong parameters are swallowed up to the final byte. */
	CHECK_STR(decode("\x1b[1111111111111111111111111111111111~z"), "z");
	CHECK_STR(decode("\x1b[00000000000000000001~z"), "z");
	CHECK_STR(decode("\x1bO1111111111111111111Pz"), "z");
	/* Bytes that cannot be in a sequence end it and count. */
	CHECK_STR(decode("\x1b[1\xe9"), "U+00E9");
	CHECK_STR(decode("\x1b[1\x7f"), "Backspace");
	CHECK_STR(decode("\x1b\xe9"), "Alt-U+00E9");
	/* Units beyond UCS-2 are no keys, alone or after ESC. */
	struct key_decoder dec;
	wb_key_decoder_init(&dec);
	wb_key_decoder_feed(&dec, 0x1f600, 0);
	wb_key_decoder_feed(&dec, 0x1b, 0);
	wb_key_decoder_feed(&dec, 0x1f600, 0);
	wb_key_decoder_feed(&dec, 'k', 0);
	CHECK_INT(wb_key_decoder_next(&dec), 'k');
	CHECK_INT(wb_key_decoder_next(&dec), -1);
}

static void test_timeout(void)
{
	struct key_decoder dec;
	char name[32];

	wb_key_decoder_init(&dec);
	wb_key_decoder_feed(&dec, 0x1b, 5000000);
	/* Not yet: the rest of a sequence may still be on its way. */
	CHECK_INT(wb_key_decoder_next(&dec), -1);
	CHECK_INT(wb_key_decoder_idle(&dec, 5000000), -1);
	CHECK_INT(wb_key_decoder_idle(&dec, 5000000 + KEY_DECODE_TIMEOUT_US - 1), -1);
	/* A sequence whose bytes come in separate polls still decodes. */
	wb_key_decoder_feed(&dec, '[', 5000000 + KEY_DECODE_TIMEOUT_US - 1);
	CHECK_INT(wb_key_decoder_idle(&dec, 5000000 + KEY_DECODE_TIMEOUT_US + 10), -1);
	wb_key_decoder_feed(&dec, 'B', 5000000 + KEY_DECODE_TIMEOUT_US + 20);
	CHECK_INT(wb_key_decoder_idle(&dec, 5000000 + KEY_DECODE_TIMEOUT_US + 30), KEY_DOWN);

	/* A lone Esc comes through after the timeout, and only once. */
	wb_key_decoder_feed(&dec, 0x1b, 9000000);
	CHECK_INT(wb_key_decoder_idle(&dec, 9000000 + KEY_DECODE_TIMEOUT_US), KEY_ESC);
	CHECK_INT(wb_key_decoder_idle(&dec, 9900000 + KEY_DECODE_TIMEOUT_US), -1);
	CHECK_STR(wb_key_name(KEY_ESC, name, sizeof(name)), "Esc");

	/* A key from a keyboard ends a pending sequence first. */
	wb_key_decoder_feed(&dec, 0x1b, 1);
	wb_key_decoder_feed_key(&dec, KEY_F(3));
	CHECK_INT(wb_key_decoder_next(&dec), KEY_ESC);
	CHECK_INT(wb_key_decoder_next(&dec), KEY_F(3));
	CHECK_INT(wb_key_decoder_next(&dec), -1);
	wb_key_decoder_feed(&dec, 0x1b, 1);
	wb_key_decoder_feed(&dec, '[', 1);
	wb_key_decoder_feed(&dec, '2', 1);
	wb_key_decoder_feed_key(&dec, KEY_UP);
	CHECK_INT(wb_key_decoder_next(&dec), KEY_UP);
	CHECK_INT(wb_key_decoder_next(&dec), -1);
}

static void test_names(void)
{
	char name[32];

	CHECK_STR(wb_key_name(KEY(KEY_MOD_CTRL, KEY_SCAN_F1 + 11, 0), name, sizeof(name)),
		  "Ctrl-F12");
	CHECK_STR(wb_key_name(KEY_PAGE_DOWN, name, sizeof(name)), "PgDn");
	CHECK_STR(wb_key_name(KEY(0, 200, 0), name, sizeof(name)), "Scan-200");
	CHECK_STR(wb_key_name(KEY(KEY_MOD_ALT, 0, 'q'), name, sizeof(name)), "Alt-q");
	CHECK_STR(wb_key_name(0x20ac, name, sizeof(name)), "U+20AC");
	CHECK_STR(wb_key_name(KEY_F(10), name, 4), "F10");
	CHECK_STR(wb_key_name(KEY(KEY_MOD_CTRL, KEY_SCAN_RIGHT, 0), name, 6), "Ctrl-");
}

int wb_key_from_name(const char *text, int *key);

/* Keys as scripts name them ("item --key"), and what is no key. */
static void test_from_names(void)
{
	static const struct {
		const char *text;
		int key;
	} good[] = {
		{ "x", 'x' }, { "X", 'X' }, { "5", '5' }, { " ", ' ' },
		{ "F5", KEY_F(5) }, { "f12", KEY_F(12) }, { "Esc", KEY_ESC },
		{ "ctrl-b", KEY_CTRL('B') }, { "Ctrl-C", 0x03 },
		{ "Enter", KEY_ENTER }, { "tab", KEY_TAB }, { "PgDn", KEY_PAGE_DOWN },
		{ "Shift-Up", KEY(KEY_MOD_SHIFT, KEY_SCAN_UP, 0) },
		{ "Ctrl-Alt-Delete", KEY(KEY_MOD_CTRL | KEY_MOD_ALT, KEY_SCAN_DELETE, 0) },
		{ "0x02", KEY_CTRL('B') }, { "27", 27 }, { "0xe9", 0xe9 },
		/* The established numbers of terminal keys. */
		{ "0x197e", KEY_F(12) }, { "0x107e", KEY_F(5) },
		{ "0x141", KEY_UP }, { "0x47e", KEY_DELETE },
	};
	static const char *const bad[] = {
		"", "F13", "Ctrl-", "00", "0x", "12x", "-1",
		"0x80000000", "99999999999999999999", "Scan-200", "Up ",
		"0x1000000", "0x100", "0x647e", "0x15a",
	};
	int key;

	for (size_t i = 0; i < sizeof(good) / sizeof(good[0]); i++) {
		key = -1;
		CHECK_INT(wb_key_from_name(good[i].text, &key), 0);
		CHECK_INT(key, good[i].key);
	}
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		if (!CHECK_INT(wb_key_from_name(bad[i], &key), -EINVAL))
			printf("  for \"%s\"\n", bad[i]);
	}
}

int main(void)
{
	test_sequences();
	test_modifiers();
	test_plain();
	test_bad_input();
	test_timeout();
	test_names();
	test_from_names();
	return unit_finish();
}
