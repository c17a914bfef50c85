/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Names of keys (wireboot/keys.h) for people: "Ctrl-Right", "F5", "Esc",
 * "Ctrl-C", "Alt-x". Modifiers come first in a fixed order, so one key has
 * one name and tests can compare names. Scripts name keys the same way
 * ("item --key F5"), read back by trying the names of every key without
 * a character, or by number as the established language numbers them:
 * a character's code, or for a key that a terminal sends as "ESC [ n x"
 * (n optional) the value (n + 1) * 0x100 + x, e.g. 0x197e for F12
 * ("ESC [ 24 ~"), which the terminal decoder turns into our key.
 */

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wireboot/key_decode.h>
#include <wireboot/keys.h>
#include <wireboot/parseopt.h>

static const char *const scan_names[] = {
	[KEY_SCAN_UP] = "Up",
	[KEY_SCAN_DOWN] = "Down",
	[KEY_SCAN_RIGHT] = "Right",
	[KEY_SCAN_LEFT] = "Left",
	[KEY_SCAN_HOME] = "Home",
	[KEY_SCAN_END] = "End",
	[KEY_SCAN_INSERT] = "Insert",
	[KEY_SCAN_DELETE] = "Delete",
	[KEY_SCAN_PAGE_UP] = "PgUp",
	[KEY_SCAN_PAGE_DOWN] = "PgDn",
	[KEY_SCAN_ESC] = "Esc",
};

/* The part after the modifiers. */
static void base_name(unsigned scan, unsigned ch, char *buf, size_t len)
{
	if (scan >= KEY_SCAN_F1 && scan <= KEY_SCAN_F12)
		snprintf(buf, len, "F%u", scan - KEY_SCAN_F1 + 1);
	else if (scan && scan < sizeof(scan_names) / sizeof(scan_names[0]) &&
		 scan_names[scan])
		snprintf(buf, len, "%s", scan_names[scan]);
	else if (scan)
		snprintf(buf, len, "Scan-%u", scan);
	else if (ch == KEY_ENTER)
		snprintf(buf, len, "Enter");
	else if (ch == KEY_TAB)
		snprintf(buf, len, "Tab");
	else if (ch == KEY_BACKSPACE)
		snprintf(buf, len, "Backspace");
	else if (ch == ' ')
		snprintf(buf, len, "Space");
	else if (ch && ch < 0x20)
		snprintf(buf, len, "Ctrl-%c", (char)(ch + '@'));
	else if (ch > 0x20 && ch < 0x7f)
		snprintf(buf, len, "%c", (char)ch);
	else
		snprintf(buf, len, "U+%04X", ch);
}

char *key_name(int key, char *buf, size_t len)
{
	unsigned mods = KEY_MODS(key);
	char base[16];

	base_name(KEY_SCAN(key), KEY_CHAR(key), base, sizeof(base));
	snprintf(buf, len, "%s%s%s%s", (mods & KEY_MOD_CTRL) ? "Ctrl-" : "",
		 (mods & KEY_MOD_ALT) ? "Alt-" : "",
		 (mods & KEY_MOD_SHIFT) ? "Shift-" : "", base);
	return buf;
}

/* (n + 1) * 0x100 + x: the key "ESC [ n x" stands for. */
static int sequence_key(unsigned long number, int *key)
{
	struct key_decoder dec;
	char sequence[16];
	unsigned n = (unsigned)(number >> 8) - 1;

	if (n)
		snprintf(sequence, sizeof(sequence), "\x1b[%u%c", n,
			 (char)(number & 0xff));
	else
		snprintf(sequence, sizeof(sequence), "\x1b[%c", (char)(number & 0xff));
	key_decoder_init(&dec);
	for (const char *p = sequence; *p; p++)
		key_decoder_feed(&dec, (unsigned char)*p, 0);
	*key = key_decoder_next(&dec);
	/* A sequence the decoder does not know gives no key; one it cut
	 * short gives more than one. */
	return *key > 0 && key_decoder_next(&dec) < 0 && KEY_SCAN(*key) ?
		       0 : -EINVAL;
}

int key_from_name(const char *text, int *key)
{
	char name[32], *end;
	unsigned long number;

	if (text[0] && !text[1]) {
		*key = (unsigned char)text[0];
		return 0;
	}
	for (unsigned mods = 0; mods <= 7; mods++) {
		for (unsigned scan = 0; scan <= KEY_SCAN_F12; scan++) {
			for (unsigned ch = 0; ch < (scan ? 1u : 0x20u); ch++) {
				int candidate = KEY(mods, scan, ch);

				if (candidate &&
				    strcasecmp(key_name(candidate, name, sizeof(name)),
					       text) == 0) {
					*key = candidate;
					return 0;
				}
			}
		}
	}
	number = strtoul(text, &end, 0);
	if (!text[0] || *end || number == 0 || number > 0xffff)
		return -EINVAL;
	if (number < 0x100) {
		*key = (int)number;
		return 0;
	}
	return sequence_key(number, key);
}

static int parse_key_value(const char *text, void *value)
{
	return key_from_name(text, value);
}

const struct parseopt_type parseopt_key = {
	.name = "key", .parse = parse_key_value,
};
