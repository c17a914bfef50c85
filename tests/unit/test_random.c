/* SPDX-License-Identifier: GPL-2.0-or-later */
// FIRMWARE_SOURCES: src/crypto/random_drbg.c src/core/entropy.c src/core/string.c
// WOLFSSL_SOURCES: wolfcrypt/src/random.c wolfcrypt/src/sha256.c
/*
 * random_bytes() over wolfSSL's Hash_DRBG (src/crypto/random_drbg.c),
 * seeded from a fake entropy source through the real source selection:
 * the seed comes from the source, output never repeats, long requests are
 * served in pieces, the DRBG reseeds from the source when SP 800-90A says
 * so, and when the source is gone a reseed fails the request, clears the
 * buffer, and every later request fails too (no predictable fallback).
 */

#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <wireboot/entropy.h>
#include "../../src/crypto/user_settings.h"	/* WC_RESEED_INTERVAL */
#include "unit.h"

int wb_random_bytes(void *buf, size_t len);
/* random_below() (inline in the header) over the firmware's random_bytes. */
#define random_bytes wb_random_bytes
#include <wireboot/random.h>
const char *wb_entropy_source_name(void);

const char object_entropy_platform[1], object_entropy_arch[1], object_entropy_jitter[1];

static int source_works = 1;
static size_t seed_bytes, seed_requests;
static uint64_t state = 0x243f6a8885a308d3ull;

static int fake_start(void)
{
	return source_works ? 0 : -ENODEV;
}

static int fake_read(void *buf, size_t len)
{
	uint8_t *out = buf;

	if (!source_works)
		return -EIO;
	seed_requests++;
	seed_bytes += len;
	for (size_t i = 0; i < len; i++) {
		state ^= state << 13;
		state ^= state >> 7;
		state ^= state << 17;
		out[i] = (uint8_t)(state >> 32);
	}
	return 0;
}

static const struct entropy_source fake_source ENTROPY_SOURCE(10) = {
	.name = "fake", .start = fake_start, .read = fake_read,
};

#define DRAWS 2000
#define DRAW_LEN 16

static int compare_draws(const void *a, const void *b)
{
	return memcmp(a, b, DRAW_LEN);
}

static void test_output_does_not_repeat(void)
{
	static uint8_t draws[DRAWS][DRAW_LEN];
	unsigned repeats = 0;

	for (unsigned i = 0; i < DRAWS; i++)
		CHECK_INT(wb_random_bytes(draws[i], DRAW_LEN), 0);
	CHECK_STR(wb_entropy_source_name(), "fake");
	/* Seed and nonce: at least the DRBG's 256-bit security strength. */
	CHECK(seed_bytes >= 32);
	qsort(draws, DRAWS, DRAW_LEN, compare_draws);
	for (unsigned i = 1; i < DRAWS; i++)
		repeats += !memcmp(draws[i - 1], draws[i], DRAW_LEN);
	CHECK_INT(repeats, 0);
}

/* Byte values of a long request are spread evenly: a sanity check that the
 * output is not, say, zeros past the DRBG's per-request limit. */
static void test_long_request(void)
{
	size_t len = 3 * 65536 + 17;
	uint8_t *buf = malloc(len);
	unsigned counts[256] = { 0 }, low = ~0u, high = 0;

	CHECK_INT(wb_random_bytes(buf, len), 0);
	for (size_t i = 0; i < len; i++)
		counts[buf[i]]++;
	for (unsigned v = 0; v < 256; v++) {
		low = counts[v] < low ? counts[v] : low;
		high = counts[v] > high ? counts[v] : high;
	}
	/* Expected 768 each; these bounds are over 8 sigma away. */
	CHECK(low > 550 && high < 1000);
	free(buf);
}

static void test_random_below(void)
{
	unsigned seen[7] = { 0 };
	uint32_t value;

	CHECK_INT(random_below(0, &value), -EINVAL);
	for (unsigned i = 0; i < 700; i++) {
		CHECK_INT(random_below(7, &value), 0);
		if (CHECK(value < 7))
			seen[value]++;
	}
	for (unsigned v = 0; v < 7; v++)
		CHECK(seen[v] > 50);
}

/* wolfSSL reseeds after WC_RESEED_INTERVAL generate requests. */
static void test_reseed_from_source(void)
{
	size_t before = seed_requests;
	unsigned i;
	uint8_t byte;

	for (i = 0; i <= WC_RESEED_INTERVAL; i++)
		if (wb_random_bytes(&byte, 1) != 0)
			break;
	CHECK_INT(i, WC_RESEED_INTERVAL + 1);
	CHECK(seed_requests > before);
}

static void test_no_entropy_fails(void)
{
	uint8_t buf[32];
	unsigned i;
	int rc = 0;

	/* The source dies; the DRBG serves until its next reseed, which must
	 * fail: then every request fails. */
	source_works = 0;
	for (i = 0; i <= WC_RESEED_INTERVAL && rc == 0; i++) {
		memset(buf, 0xee, sizeof(buf));
		rc = wb_random_bytes(buf, sizeof(buf));
	}
	CHECK_INT(rc, -ENODEV);
	CHECK(buf[0] == 0 && !memcmp(buf, buf + 1, sizeof(buf) - 1));
	CHECK(wb_entropy_source_name() == NULL);
	CHECK_INT(wb_random_bytes(buf, sizeof(buf)), -ENODEV);
	CHECK_INT(wb_random_bytes(buf, 1), -ENODEV);
}

int main(void)
{
	test_output_does_not_repeat();
	test_long_request();
	test_random_below();
	test_reseed_from_source();
	test_no_entropy_fails();
	return unit_finish();
}
