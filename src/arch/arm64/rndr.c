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
#include <wireboot/entropy.h>

#define RETRIES 10

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
	if (!have_rndr())
		return -ENODEV;
	return cpu_entropy_start(read_word);
}

static int rndr_read(void *buf, size_t len)
{
	return cpu_entropy_read(read_word, buf, len);
}

static const struct entropy_source rndr_source ENTROPY_SOURCE(20) = {
	.name = "rndr",
	.start = rndr_start,
	.read = rndr_read,
};

PROVIDE_OBJECT(entropy_arch);
