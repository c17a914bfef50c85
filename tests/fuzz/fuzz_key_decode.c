/* SPDX-License-Identifier: GPL-2.0-or-later */
// FIRMWARE_SOURCES: src/core/key_decode.c src/core/key_name.c src/core/vsprintf.c src/core/string.c src/core/strtoul.c
/* The terminal key decoder on arbitrary input, byte by byte with time
 * passing between bytes as the input says. Checked on the way: every key
 * is a valid value with a name, one byte never yields more than two keys,
 * and a Ctrl-C byte always yields Ctrl-C at once, whatever came before.
 * The same input as a key's name ("item --key"): a key it names is a
 * valid one. */

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <wireboot/key_decode.h>
#include <wireboot/keys.h>
#include "firmware.h"

static void check_key(int key)
{
	char name[32];

	if (key <= 0 || KEY_MODS(key) != ((unsigned)key >> 24))
		abort();
	if (!wb_key_name(key, name, sizeof(name))[0])
		abort();
}

int wb_key_from_name(const char *text, int *key);

/* As text, in a buffer of its exact size (for the sanitizer). */
static void check_name(const uint8_t *data, size_t size)
{
	char *text = malloc(size + 1);
	int key;

	if (!text)
		return;
	memcpy(text, data, size);
	text[size] = '\0';
	if (wb_key_from_name(text, &key) == 0 && key <= 0)
		abort();
	free(text);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct key_decoder dec;
	uint64_t now = 0;
	size_t i;
	int key;

	check_name(data, size);
	wb_key_decoder_init(&dec);
	for (i = 0; i < size; i++) {
		unsigned count = 0;
		bool ctrl_c = false, fed_ctrl_c = false;

		/* 0xff: the next byte says how long the input is idle. */
		if (data[i] == 0xff && i + 1 < size) {
			now += (uint64_t)data[++i] * (KEY_DECODE_TIMEOUT_US / 64);
			while ((key = wb_key_decoder_idle(&dec, now)) >= 0)
				check_key(key);
			continue;
		}
		/* 0xfe: a key from a keyboard with scan codes; 0xfd: a
		 * 16-bit character. */
		if (data[i] == 0xfe && i + 1 < size) {
			wb_key_decoder_feed_key(&dec, KEY(0, data[++i] % 24 + 1, 0));
		} else if (data[i] == 0xfd && i + 2 < size) {
			/* A UCS-2 unit, as the firmware delivers characters. */
			wb_key_decoder_feed(&dec, (uint32_t)data[i + 1] << 8 | data[i + 2], now);
			fed_ctrl_c = !data[i + 1] && data[i + 2] == 0x03;
			i += 2;
		} else {
			wb_key_decoder_feed(&dec, data[i], now);
			fed_ctrl_c = (data[i] == 0x03);
		}
		while ((key = wb_key_decoder_next(&dec)) >= 0) {
			check_key(key);
			ctrl_c |= (key == 0x03);
			count++;
		}
		if (count > 2 || (fed_ctrl_c && !ctrl_c))
			abort();
		now += 10;
	}
	while ((key = wb_key_decoder_idle(&dec, now + KEY_DECODE_TIMEOUT_US)) >= 0)
		check_key(key);
	return 0;
}
