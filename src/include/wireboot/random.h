/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef WIREBOOT_RANDOM_H
#define WIREBOOT_RANDOM_H

/*
 * Random numbers for every protocol: DNS IDs, ephemeral ports, DHCP
 * transaction IDs, TCP initial sequence numbers, and TLS later.
 *
 * The output comes from an SP 800-90A Hash_DRBG (wolfSSL's, see
 * src/crypto/random_drbg.c), seeded and reseeded from the one entropy source
 * chosen at first use (wireboot/entropy.h). When no entropy can be had,
 * every call fails: there is no predictable fallback.
 */

#include <errno.h>
#include <stddef.h>
#include <stdint.h>

/* Fills buf with len random bytes. 0, or a negative errno (nothing is
 * written that a caller may use) when no entropy source works. */
int random_bytes(void *buf, size_t len);

static inline int random_u32(uint32_t *value)
{
	return random_bytes(value, sizeof(*value));
}

/*
 * A uniformly distributed value in [0, bound) (bound > 0), e.g. an
 * ephemeral port offset: the 2^32 mod bound lowest draws are drawn again,
 * so no result is more likely than another.
 */
static inline int random_below(uint32_t bound, uint32_t *value)
{
	uint32_t limit, draw;
	int rc;

	if (!bound)
		return -EINVAL;
	limit = -bound % bound;	/* 2^32 mod bound */
	do {
		rc = random_u32(&draw);
		if (rc)
			return rc;
	} while (draw < limit);
	*value = draw % bound;
	return 0;
}

#endif
