/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * What every CPU generator source shares (see cpu_entropy_start() in
 * wireboot/entropy.h): the architecture reads one word; checking that the
 * generator works and cutting its words into a buffer is done here once.
 */

#include <errno.h>
#include <string.h>
#include <wireboot/entropy.h>

/* Words read at start-up, of which at least one must differ. */
#define START_WORDS 8

int cpu_entropy_start(bool (*read_word)(uint64_t *word))
{
	uint64_t first, word;
	bool varies = false;
	unsigned i;

	if (!read_word(&first))
		return -EIO;
	for (i = 1; i < START_WORDS; i++) {
		if (!read_word(&word))
			return -EIO;
		varies |= word != first;
	}
	return varies ? 0 : -EIO;
}

int cpu_entropy_read(bool (*read_word)(uint64_t *word), void *buf, size_t len)
{
	uint8_t *out = buf;
	uint64_t word;
	size_t chunk;

	while (len) {
		if (!read_word(&word))
			return -EIO;
		chunk = len < sizeof(word) ? len : sizeof(word);
		memcpy(out, &word, chunk);
		out += chunk;
		len -= chunk;
	}
	return 0;
}
