/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef WIREBOOT_KEYS_H
#define WIREBOOT_KEYS_H

/*
 * Keys as one int, whatever console they come from:
 *
 *   bits 24-26  modifiers (KEY_MOD_*)
 *   bits 16-23  a key without a character (KEY_SCAN_*), else 0
 *   bits  0-15  the character (UCS-2, as the firmware delivers it), else 0
 *
 * So a menu compares against one constant ("key == KEY_UP",
 * "key == KEY(KEY_MOD_CTRL, KEY_SCAN_RIGHT, 0)") and a line editor inserts
 * KEY_CHAR(key) when the other fields are zero. Control characters stay
 * what the terminal and the firmware send: Ctrl-C is 0x03 (what the main
 * loop's interruption check compares with), Enter '\r', Tab '\t',
 * Backspace 0x08. Esc is a scan key, not the 0x1b byte, because that byte
 * starts escape sequences and never reaches a caller.
 *
 * The value is always positive; consoles use -1 for "no key".
 */

#define KEY_MOD_SHIFT 0x1
#define KEY_MOD_ALT 0x2
#define KEY_MOD_CTRL 0x4

enum key_scan {
	KEY_SCAN_NONE = 0,
	KEY_SCAN_UP,
	KEY_SCAN_DOWN,
	KEY_SCAN_RIGHT,
	KEY_SCAN_LEFT,
	KEY_SCAN_HOME,
	KEY_SCAN_END,
	KEY_SCAN_INSERT,
	KEY_SCAN_DELETE,
	KEY_SCAN_PAGE_UP,
	KEY_SCAN_PAGE_DOWN,
	KEY_SCAN_ESC,
	KEY_SCAN_F1,	/* F1 to F12 are consecutive */
	KEY_SCAN_F12 = KEY_SCAN_F1 + 11,
};

#define KEY(mods, scan, ch) \
	((int)(((unsigned)(mods) << 24) | ((unsigned)(scan) << 16) | (unsigned)(ch)))
#define KEY_CHAR(key) ((unsigned)(key) & 0xffff)
#define KEY_SCAN(key) (((unsigned)(key) >> 16) & 0xff)
#define KEY_MODS(key) (((unsigned)(key) >> 24) & 0x7)

/* Ctrl-A .. Ctrl-Z as the control characters they are. */
#define KEY_CTRL(letter) ((letter) & 0x1f)

#define KEY_UP KEY(0, KEY_SCAN_UP, 0)
#define KEY_DOWN KEY(0, KEY_SCAN_DOWN, 0)
#define KEY_RIGHT KEY(0, KEY_SCAN_RIGHT, 0)
#define KEY_LEFT KEY(0, KEY_SCAN_LEFT, 0)
#define KEY_HOME KEY(0, KEY_SCAN_HOME, 0)
#define KEY_END KEY(0, KEY_SCAN_END, 0)
#define KEY_INSERT KEY(0, KEY_SCAN_INSERT, 0)
#define KEY_DELETE KEY(0, KEY_SCAN_DELETE, 0)
#define KEY_PAGE_UP KEY(0, KEY_SCAN_PAGE_UP, 0)
#define KEY_PAGE_DOWN KEY(0, KEY_SCAN_PAGE_DOWN, 0)
#define KEY_ESC KEY(0, KEY_SCAN_ESC, 0)
#define KEY_F(n) KEY(0, KEY_SCAN_F1 + (n) - 1, 0)
#define KEY_BACKSPACE 0x08
#define KEY_TAB '\t'
#define KEY_ENTER '\r'

#include <stddef.h>

struct parseopt_type;

/* "Up", "Ctrl-Right", "F5", "Enter", "Ctrl-C", "Alt-x", "a", "U+00E9":
 * for messages and tests. Returns buf. */
char *key_name(int key, char *buf, size_t len);
/* The key text names: one character ("x"), a name key_name() gives
 * (case aside: "F5", "ctrl-b", "Esc"), or a number as the established
 * language numbers keys: a character's code ("0x02": Ctrl-B), or
 * (n + 1) * 0x100 + x for the key a terminal sends as "ESC [ n x"
 * ("0x197e": F12). 0 or -EINVAL. */
int key_from_name(const char *text, int *key);
/* An option whose value is a key (an int), for parse_options(). */
extern const struct parseopt_type parseopt_key;

#endif
