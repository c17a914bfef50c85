/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The terminal key decoder (see wireboot/key_decode.h): what a serial
 * terminal, a terminal emulator or the firmware's terminal driver sends,
 * turned into keys.
 *
 * Input is a character stream in which a key without a character is an
 * escape sequence. The sequences read here are those of the xterm/VT220
 * family that every terminal emulator of today sends:
 *
 *   ESC [ A..D, H, F        arrows, Home, End   (ESC [ 1 ; <mod> A..: modified)
 *   ESC O A..D, H, F        the same in "application cursor" mode
 *   ESC [ <n> ~             1/7 Home, 2 Insert, 3 Delete, 4/8 End, 5 PgUp,
 *                           6 PgDn, 11-15 F1-F5, 17-21 F6-F10, 23-24 F11-F12
 *                           (ESC [ <n> ; <mod> ~: modified)
 *   ESC O P..S, ESC [ 1 ; <mod> P..S     F1-F4
 *   ESC [ [ A..E            F1-F5 of the Linux virtual console
 *   ESC [ Z                 Shift-Tab
 *   ESC <char>              Alt-<char> (the terminal's "meta sends escape")
 *
 * <mod> is 1 + a bit mask (1 Shift, 2 Alt, 4 Ctrl), as xterm defines it.
 *
 * The decoder is defensive about what arrives: it follows the general
 * grammar of control sequences (ESC [, parameter bytes 0x30-0x3f,
 * intermediate bytes 0x20-0x2f, one final byte 0x40-0x7e), so a
 * well-formed sequence it does not know (a cursor position report, a
 * mouse-free terminal's reply) is swallowed whole instead of typing its
 * tail into a line; parameters longer than it keeps are swallowed too.
 * A byte that cannot be part of a sequence (a control character, DEL, a
 * non-ASCII character) ends it: the sequence is dropped and the byte is
 * read afresh, so Ctrl-C always comes through, even in the middle of
 * garbage. A sequence left unfinished for KEY_DECODE_TIMEOUT_US is not one:
 * a lone ESC becomes the Esc key, "ESC [" and "ESC O" Alt-[ and Alt-O, and
 * anything longer is dropped.
 *
 * Plain characters: CR, LF and CR LF are one Enter; DEL and BS are
 * Backspace (terminals send DEL for it); NUL is dropped.
 */

#include <string.h>
#include <wireboot/key_decode.h>
#include <wireboot/keys.h>

enum decoder_state {
	STATE_GROUND,
	STATE_ESC,
	STATE_CSI,
	/* "ESC [ [": the Linux console's F1-F5. */
	STATE_CSI_BRACKET,
	STATE_SS3,
	/* A sequence we will not understand, read up to its final byte. */
	STATE_DISCARD,
};

#define ESC 0x1b

void key_decoder_init(struct key_decoder *dec)
{
	memset(dec, 0, sizeof(*dec));
}

static void push(struct key_decoder *dec, int key)
{
	if (key <= 0 || dec->queue_len == KEY_DECODE_QUEUE)
		return;
	dec->queue[(dec->queue_head + dec->queue_len) % KEY_DECODE_QUEUE] = key;
	dec->queue_len++;
}

int key_decoder_next(struct key_decoder *dec)
{
	int key;

	if (!dec->queue_len)
		return -1;
	key = dec->queue[dec->queue_head];
	dec->queue_head = (dec->queue_head + 1) % KEY_DECODE_QUEUE;
	dec->queue_len--;
	return key;
}

/* A character outside any sequence; 0 when it is no key. */
static int plain_key(struct key_decoder *dec, uint32_t unit)
{
	bool after_cr = dec->after_cr;

	dec->after_cr = (unit == '\r');
	switch (unit) {
	case '\n':
		return after_cr ? 0 : KEY_ENTER;
	case '\r':
		return KEY_ENTER;
	case 0x7f:
	case 0x08:
		return KEY_BACKSPACE;
	case 0:
		return 0;
	default:
		return unit <= 0xffff ? (int)unit : 0;
	}
}

/* Up to two decimal parameters "a;b"; defaults stay where one is empty.
 * Returns false for anything else ('?', '<', a third parameter...). */
static bool read_params(const struct key_decoder *dec, unsigned *first,
			unsigned *second)
{
	unsigned *target = first;
	unsigned i;
	bool seen_digit = false;

	for (i = 0; i < dec->param_len; i++) {
		char c = dec->params[i];

		if (c == ';' && target == first) {
			target = second;
			seen_digit = false;
		} else if (c >= '0' && c <= '9') {
			if (!seen_digit)
				*target = 0;
			seen_digit = true;
			*target = *target * 10 + (unsigned)(c - '0');
		} else {
			return false;
		}
	}
	return true;
}

/* The modifier bits of an xterm <mod> parameter; -1 if not one. */
static int modifiers(unsigned mod)
{
	if (mod < 1 || mod > 16)
		return -1;
	return (int)((mod - 1) & (KEY_MOD_SHIFT | KEY_MOD_ALT | KEY_MOD_CTRL));
}

/* Final bytes that name a cursor or function key by themselves. */
static unsigned letter_scan(uint32_t final)
{
	switch (final) {
	case 'A': return KEY_SCAN_UP;
	case 'B': return KEY_SCAN_DOWN;
	case 'C': return KEY_SCAN_RIGHT;
	case 'D': return KEY_SCAN_LEFT;
	case 'H': return KEY_SCAN_HOME;
	case 'F': return KEY_SCAN_END;
	case 'P': return KEY_SCAN_F1;
	case 'Q': return KEY_SCAN_F1 + 1;
	case 'R': return KEY_SCAN_F1 + 2;
	case 'S': return KEY_SCAN_F1 + 3;
	default: return KEY_SCAN_NONE;
	}
}

/* ESC [ <n> ~ */
static unsigned tilde_scan(unsigned n)
{
	switch (n) {
	case 1: case 7: return KEY_SCAN_HOME;
	case 2: return KEY_SCAN_INSERT;
	case 3: return KEY_SCAN_DELETE;
	case 4: case 8: return KEY_SCAN_END;
	case 5: return KEY_SCAN_PAGE_UP;
	case 6: return KEY_SCAN_PAGE_DOWN;
	case 11: case 12: case 13: case 14: case 15:
		return KEY_SCAN_F1 + (n - 11);
	case 17: case 18: case 19: case 20: case 21:
		return KEY_SCAN_F1 + 5 + (n - 17);
	case 23: case 24:
		return KEY_SCAN_F1 + 10 + (n - 23);
	default:
		return KEY_SCAN_NONE;
	}
}

static int csi_key(const struct key_decoder *dec, uint32_t final)
{
	unsigned n = 1, mod = 1, scan;
	int mods;

	if (!read_params(dec, &n, &mod) || (mods = modifiers(mod)) < 0)
		return 0;
	if (final == '~')
		scan = tilde_scan(n);
	else if (final == 'Z')
		return n == 1 ? KEY(KEY_MOD_SHIFT | mods, 0, '\t') : 0;
	else
		scan = n == 1 ? letter_scan(final) : KEY_SCAN_NONE;
	return scan ? KEY(mods, scan, 0) : 0;
}

/* ESC O [<mod>] <final> */
static int ss3_key(const struct key_decoder *dec, uint32_t final)
{
	unsigned mod = 1, unused = 0, scan;
	int mods;

	if (!read_params(dec, &mod, &unused) || (mods = modifiers(mod)) < 0)
		return 0;
	if (final == 'M')
		return KEY_ENTER;	/* the keypad's Enter */
	scan = letter_scan(final);
	return scan ? KEY(mods, scan, 0) : 0;
}

static bool is_param(uint32_t unit)
{
	return unit >= 0x30 && unit <= 0x3f;
}

static bool is_intermediate(uint32_t unit)
{
	return unit >= 0x20 && unit <= 0x2f;
}

static bool is_final(uint32_t unit)
{
	return unit >= 0x40 && unit <= 0x7e;
}

static void ground(struct key_decoder *dec, uint32_t unit)
{
	if (unit == ESC) {
		dec->state = STATE_ESC;
		dec->after_cr = false;
		return;
	}
	dec->state = STATE_GROUND;
	push(dec, plain_key(dec, unit));
}

static void escape(struct key_decoder *dec, uint32_t unit)
{
	dec->param_len = 0;
	if (unit == '[') {
		dec->state = STATE_CSI;
	} else if (unit == 'O') {
		dec->state = STATE_SS3;
	} else if (unit == ESC) {
		/* The first was a lone Esc; the second starts anew. */
		push(dec, KEY_ESC);
	} else if (unit >= 0x20 && unit != 0x7f) {
		int ch = plain_key(dec, unit);

		dec->state = STATE_GROUND;
		if (ch)
			push(dec, KEY(KEY_MOD_ALT, 0, ch));
	} else if (unit == 0x7f) {
		dec->state = STATE_GROUND;
		push(dec, KEY(KEY_MOD_ALT, 0, KEY_BACKSPACE));
	} else {
		/* Esc, then a control character that must not be lost. */
		push(dec, KEY_ESC);
		ground(dec, unit);
	}
}

static void keep_param(struct key_decoder *dec, uint32_t unit)
{
	if (dec->param_len < KEY_DECODE_PARAMS)
		dec->params[dec->param_len++] = (char)unit;
	else
		dec->state = STATE_DISCARD;
}

static void control_sequence(struct key_decoder *dec, uint32_t unit)
{
	if (is_param(unit)) {
		if (dec->state == STATE_CSI)
			keep_param(dec, unit);
	} else if (is_intermediate(unit)) {
		/* No key sequence has intermediates. */
		dec->state = STATE_DISCARD;
	} else if (is_final(unit)) {
		if (dec->state == STATE_CSI && unit == '[' && !dec->param_len) {
			dec->state = STATE_CSI_BRACKET;
			return;
		}
		if (dec->state == STATE_CSI)
			push(dec, csi_key(dec, unit));
		dec->state = STATE_GROUND;
	} else {
		ground(dec, unit);
	}
}

void key_decoder_feed(struct key_decoder *dec, uint32_t unit, uint64_t now_us)
{
	dec->last_us = now_us;
	switch (dec->state) {
	case STATE_ESC:
		escape(dec, unit);
		break;
	case STATE_CSI:
	case STATE_DISCARD:
		control_sequence(dec, unit);
		break;
	case STATE_CSI_BRACKET:
		if (unit >= 'A' && unit <= 'E') {
			push(dec, KEY(0, KEY_SCAN_F1 + (unit - 'A'), 0));
			dec->state = STATE_GROUND;
		} else {
			dec->state = STATE_DISCARD;
			control_sequence(dec, unit);
		}
		break;
	case STATE_SS3:
		if (unit >= '0' && unit <= '9') {
			keep_param(dec, unit);
		} else if (is_final(unit)) {
			push(dec, ss3_key(dec, unit));
			dec->state = STATE_GROUND;
		} else {
			dec->state = STATE_DISCARD;
			control_sequence(dec, unit);
		}
		break;
	default:
		ground(dec, unit);
		break;
	}
}

/* What the pending sequence stands for if nothing more comes. */
static void resolve(struct key_decoder *dec)
{
	if (dec->state == STATE_ESC)
		push(dec, KEY_ESC);
	else if (dec->state == STATE_CSI && !dec->param_len)
		push(dec, KEY(KEY_MOD_ALT, 0, '['));
	else if (dec->state == STATE_SS3 && !dec->param_len)
		push(dec, KEY(KEY_MOD_ALT, 0, 'O'));
	dec->state = STATE_GROUND;
}

void key_decoder_feed_key(struct key_decoder *dec, int key)
{
	resolve(dec);
	dec->after_cr = false;
	push(dec, key);
}

int key_decoder_idle(struct key_decoder *dec, uint64_t now_us)
{
	if (dec->state != STATE_GROUND &&
	    now_us - dec->last_us >= KEY_DECODE_TIMEOUT_US)
		resolve(dec);
	return key_decoder_next(dec);
}
