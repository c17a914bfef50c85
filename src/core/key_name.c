/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Names of keys (wireboot/keys.h) for people: "Ctrl-Right", "F5", "Esc",
 * "Ctrl-C", "Alt-x". Modifiers come first in a fixed order, so one key has
 * one name and tests can compare names.
 */

#include <stdio.h>
#include <wireboot/keys.h>

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
