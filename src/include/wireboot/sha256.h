/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef WIREBOOT_SHA256_H
#define WIREBOOT_SHA256_H

/* SHA-256 (FIPS 180-4), incremental. */

#include <stddef.h>
#include <stdint.h>

#define SHA256_DIGEST_LEN 32
#define SHA256_BLOCK_LEN 64

struct sha256_context {
	uint32_t state[8];
	uint64_t length;		/* bytes hashed so far */
	uint8_t block[SHA256_BLOCK_LEN];	/* a partial block */
};

void sha256_init(struct sha256_context *ctx);
void sha256_update(struct sha256_context *ctx, const void *data, size_t len);
void sha256_final(struct sha256_context *ctx,
		  uint8_t digest[SHA256_DIGEST_LEN]);

#endif
