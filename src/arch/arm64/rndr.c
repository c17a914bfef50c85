/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The CPU's entropy source on arm64: RNDR (FEAT_RNG, Armv8.5), where
 * ID_AA64ISAR0_EL1.RNDR (bits 63:60) is non-zero. Reading RNDR returns 64
 * bits from the CPU's generator, reseeded from its entropy source, and
 * clears the Z flag; a set Z means no value was ready, so read_word()
 * retries a few times before giving up, as with x86's RDRAND. CPUs without
 * FEAT_RNG register nothing usable: start() says so and the next source
 * (the firmware's EFI_RNG, or the timing jitter) is tried.
 */

#include <errno.h>
#include <stdbool.h>
#include <stdint.h>
#include <string.h>
#include <wireboot/entropy.h>

#define RETRIES 10
#define START_WORDS 8

static bool have_rndr(void)
{
	uint64_t isar0;

	__asm__ __volatile__("mrs %0, id_aa64isar0_el1" : "=r"(isar0));
	return (isar0 >> 60) != 0;
}

static bool read_word(uint64_t *word)
{
	for (unsigned i = 0; i < RETRIES; i++) {
		uint64_t ok;

		/* s3_3_c2_c4_0 is RNDR: named by encoding, so that any
		 * assembler takes it. */
		__asm__ __volatile__("mrs %0, s3_3_c2_c4_0\n\tcset %1, ne"
				     : "=r"(*word), "=r"(ok) : : "cc");
		if (ok)
			return true;
	}
	return false;
}

static int rndr_start(void)
{
	uint64_t first, word;
	bool varies = false;

	if (!have_rndr())
		return -ENODEV;
	if (!read_word(&first))
		return -EIO;
	for (unsigned i = 1; i < START_WORDS; i++) {
		if (!read_word(&word))
			return -EIO;
		varies |= word != first;
	}
	return varies ? 0 : -EIO;
}

static int rndr_read(void *buf, size_t len)
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

static const struct entropy_source rndr_source ENTROPY_SOURCE(20) = {
	.name = "rndr",
	.start = rndr_start,
	.read = rndr_read,
};

PROVIDE_OBJECT(entropy_arch);
