/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef TESTS_FAKE_RANDOM_H
#define TESTS_FAKE_RANDOM_H

/*
 * random_bytes() for tests of code that draws ports and ids: a fixed
 * sequence, so runs repeat, that a test may rewind (fake_random_state) or
 * make fail (fake_random_fail) as a machine without entropy would.
 */

#include <stddef.h>
#include <stdint.h>
#include <string.h>

/* Randomness (ephemeral ports, ids): a fixed sequence, so runs repeat;
 * fake_random_fail makes it fail as a machine without entropy would. */
static uint32_t fake_random_state = 0x2545f491;
static int fake_random_fail;

int random_bytes(void *buf, size_t len)
{
	uint8_t *out = buf;
	size_t i;

	if (fake_random_fail) {
		memset(buf, 0, len);
		return fake_random_fail;
	}
	for (i = 0; i < len; i++) {
		fake_random_state = fake_random_state * 1103515245u + 12345u;
		out[i] = (uint8_t)(fake_random_state >> 16);
	}
	return 0;
}

#endif
