/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef WIREBOOT_KEY_DECODE_H
#define WIREBOOT_KEY_DECODE_H

/*
 * Keys from what a terminal sends (see src/core/key_decode.c): characters
 * and escape sequences in, keys (wireboot/keys.h) out. Pure: no console,
 * no clock; the caller passes the time, so that a lone Esc can be told
 * from the start of a sequence.
 *
 * A console's key reader does:
 *
 *     for (;;) {
 *         if ((key = key_decoder_next(&dec)) >= 0)
 *             return key;
 *         if (!read_unit(&unit))
 *             return key_decoder_idle(&dec, now);
 *         key_decoder_feed(&dec, unit, now);
 *     }
 */

#include <stdbool.h>
#include <stdint.h>

/* A sequence unfinished this long after its last byte is not one: a lone
 * Esc is the Esc key. Long enough for a sequence split across the
 * firmware's serial polls under a slow emulator, short for a person. */
#define KEY_DECODE_TIMEOUT_US 250000

/* The longest parameter string kept ("1;5" is 3); longer ones are
 * swallowed up to their final byte. */
#define KEY_DECODE_PARAMS 8
#define KEY_DECODE_QUEUE 4

struct key_decoder {
	uint8_t state;
	uint8_t param_len;
	char params[KEY_DECODE_PARAMS];
	/* The last unit was '\r': a following '\n' is the same Enter. */
	bool after_cr;
	uint64_t last_us;
	uint8_t queue_head, queue_len;
	int queue[KEY_DECODE_QUEUE];
};

void key_decoder_init(struct key_decoder *dec);
/* One character (a byte, or a UCS-2 unit from the firmware). */
void key_decoder_feed(struct key_decoder *dec, uint32_t unit, uint64_t now_us);
/* A complete key from a keyboard that has scan codes (the firmware's
 * arrow keys): ends whatever sequence was pending first. */
void key_decoder_feed_key(struct key_decoder *dec, int key);
/* The next decoded key, or -1. */
int key_decoder_next(struct key_decoder *dec);
/* Called when the input has nothing more: what a pending incomplete
 * sequence stands for once it is KEY_DECODE_TIMEOUT_US old (a lone Esc is
 * Esc), else -1. */
int key_decoder_idle(struct key_decoder *dec, uint64_t now_us);

#endif
