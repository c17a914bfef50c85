/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef WIREBOOT_ENTROPY_H
#define WIREBOOT_ENTROPY_H

/*
 * Entropy sources: what seeds the DRBG behind random_bytes().
 *
 * The core declares the interface, the platform and the architecture
 * implement it, each source an entry of the "entropy_sources" table, tried
 * in the table's order (the order number of ENTROPY_SOURCE):
 *
 *   10  the platform's source (EFI_RNG_PROTOCOL; getrandom() when hosted)
 *   20  the CPU's generator (RDRAND on x86-64, where CPUID reports it)
 *   90  timing jitter over the CPU's cycle counter (src/core/entropy_jitter.c)
 *
 * The first source whose start() succeeds (present, and passing its
 * start-up health test) is used from then on; when it fails later, the next
 * one is tried. A source that failed is never used again. Each platform
 * provides the object "entropy_platform" and each architecture
 * "entropy_arch" (they may register no source where none exists).
 */

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <wireboot/tables.h>

struct entropy_source {
	const char *name;
	/* Finds and tests the source: 0, or a negative errno when it is absent
	 * or failed its start-up test. */
	int (*start)(void);
	/* Fills buf with len bytes of full-entropy output (already conditioned
	 * where the source needs it): 0 or a negative errno. */
	int (*read)(void *buf, size_t len);
};

TABLE_DECLARE(const struct entropy_source, entropy_sources);
#define ENTROPY_SOURCE(order)                                                \
	TABLE_ENTRY(const struct entropy_source, entropy_sources, order)

/*
 * len bytes from the chosen source (choosing one at the first call): 0, or
 * -ENODEV when no source works. Every output is checked against the one
 * before it: a source that repeats itself is dropped (-EIO from it).
 */
int entropy_get(void *buf, size_t len);

/* Counts every source as failed from now on, as on a machine where none
 * works, so that entropy_get() fails: for tests of what needs randomness
 * (the hosted program's --no-entropy). */
void entropy_refuse_all(void);

/* The name of the source in use, or NULL while none is (not yet chosen,
 * or none works). */
const char *entropy_source_name(void);

/*
 * For CPU generators (x86's RDRAND, arm64's RNDR): read_word() gives one
 * 64-bit value, false when the CPU had none ready after its retries. The
 * start-up check refuses a generator that fails or gives a constant (some
 * CPUs return all ones after a resume, with success reported).
 */
int cpu_entropy_start(bool (*read_word)(uint64_t *word));
int cpu_entropy_read(bool (*read_word)(uint64_t *word), void *buf,
		     size_t len);

#endif
