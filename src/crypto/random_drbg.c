/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * random_bytes() (wireboot/random.h) over wolfSSL's Hash_DRBG.
 *
 * src/crypto/ is the one place that includes wolfSSL's headers: it adapts
 * wolfSSL to the firmware (its settings, user_settings.h, and this glue),
 * so the core and the protocols see only wireboot/random.h (and, for TLS
 * later, interfaces of the same kind). It depends on the core only (the
 * entropy source), never the other way round.
 *
 * The DRBG is instantiated at the first request, which is also when the
 * entropy source is chosen; wolfSSL runs its known-answer self-test then,
 * asks our seed hook for the seed and nonce, and reseeds through the same
 * hook when the reseed counter runs out (SP 800-90A, 10.1.1.5). Any
 * failure, at the start or at a reseed, fails the request; a DRBG that
 * failed is torn down, and the next request starts over with a fresh seed
 * (it fails too while no entropy source works).
 */

#include <errno.h>
#include <stdbool.h>
#include <string.h>
#include <wireboot/entropy.h>
#include <wireboot/random.h>

#include <wolfssl/wolfcrypt/settings.h>
#include <wolfssl/wolfcrypt/random.h>

static WC_RNG drbg;
static bool instantiated;
/* Why the last seed request failed, for the caller of random_bytes(). */
static int seed_error;

/* wolfSSL's seed hook (CUSTOM_RAND_GENERATE_SEED in user_settings.h). */
int wireboot_drbg_seed(unsigned char *output, unsigned int size)
{
	seed_error = entropy_get(output, size);
	return seed_error ? -1 : 0;
}

static int instantiate(void)
{
	seed_error = 0;
	if (wc_InitRng(&drbg) != 0)
		return seed_error ? seed_error : -EIO;
	instantiated = true;
	return 0;
}

static void uninstantiate(void)
{
	wc_FreeRng(&drbg);
	instantiated = false;
}

static int generate(unsigned char *out, size_t len)
{
	size_t chunk;
	int rc;

	if (!instantiated && (rc = instantiate()) != 0)
		return rc;
	while (len) {
		chunk = len < RNG_MAX_BLOCK_LEN ? len : RNG_MAX_BLOCK_LEN;
		seed_error = 0;
		if (wc_RNG_GenerateBlock(&drbg, out, (word32)chunk) != 0) {
			rc = seed_error ? seed_error : -EIO;
			uninstantiate();
			return rc;
		}
		out += chunk;
		len -= chunk;
	}
	return 0;
}

int random_bytes(void *buf, size_t len)
{
	int rc = generate(buf, len);

	/* A failed request leaves nothing a careless caller could use. */
	if (rc)
		memset(buf, 0, len);
	return rc;
}
