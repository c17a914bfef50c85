/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The one entropy source of the program (see wireboot/entropy.h): chooses
 * the first source of the table that starts, and moves on to the next one
 * when it fails.
 *
 * Beside each source's own tests, every output passes one check here, the
 * continuous test of FIPS 140-2 4.9.2 in spirit: no 8-byte word may equal
 * the word before it (a stuck generator, a firmware that returns a
 * constant buffer, RDRAND's all-ones failure). Two equal words from a
 * working full-entropy source happen with probability 2^-64.
 */

#include <errno.h>
#include <stdbool.h>
#include <stdint.h>
#include <string.h>
#include <wireboot/debug.h>
#include <wireboot/entropy.h>

TABLE_DEFINE(const struct entropy_source, entropy_sources);

/* Every platform and architecture provides its sources (maybe none). */
REQUIRE_OBJECT(entropy_platform);
REQUIRE_OBJECT(entropy_arch);
REQUIRE_OBJECT(entropy_jitter);

#define WORD_LEN 8
/* Read in blocks, so that even a one-byte request is checked. */
#define BLOCK_LEN 32

static const struct entropy_source *current;
static size_t failed;			/* sources before this index are done */
static uint8_t previous[WORD_LEN];
static bool have_previous;

static bool repeats(const uint8_t *block, size_t len)
{
	for (size_t pos = 0; pos + WORD_LEN <= len; pos += WORD_LEN) {
		if (have_previous && !memcmp(block + pos, previous, WORD_LEN))
			return true;
		memcpy(previous, block + pos, WORD_LEN);
		have_previous = true;
	}
	return false;
}

/* Reads from the current source; on any failure it is retired. */
static int read_current(uint8_t *block)
{
	int rc = current->read(block, BLOCK_LEN);

	if (rc == 0 && repeats(block, BLOCK_LEN))
		rc = -EIO;
	if (rc) {
		DBG("entropy: source %s failed (%d)\n", current->name, rc);
		current = NULL;
		failed++;
	}
	return rc;
}

static int choose(void)
{
	const struct entropy_source *source;
	size_t index = 0;
	int rc;

	for_each_table_entry(source, entropy_sources) {
		if (index++ < failed)
			continue;
		rc = source->start();
		DBG("entropy: source %s %s (%d)\n", source->name,
		    rc ? "unavailable" : "chosen", rc);
		if (rc == 0) {
			current = source;
			have_previous = false;
			return 0;
		}
		failed = index;
	}
	return -ENODEV;
}

int entropy_get(void *buf, size_t len)
{
	uint8_t block[BLOCK_LEN];
	uint8_t *out = buf;
	size_t chunk;
	int rc = 0;

	while (len) {
		if (!current && choose() != 0) {
			rc = -ENODEV;
			break;
		}
		if (read_current(block) != 0)
			continue;	/* the next source starts over */
		chunk = len < BLOCK_LEN ? len : BLOCK_LEN;
		memcpy(out, block, chunk);
		out += chunk;
		len -= chunk;
	}
	memset(block, 0, sizeof(block));
	return rc;
}

void entropy_refuse_all(void)
{
	current = NULL;
	failed = SIZE_MAX;
}

const char *entropy_source_name(void)
{
	return current ? current->name : NULL;
}
