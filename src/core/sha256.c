/* SPDX-License-Identifier: GPL-2.0-or-later */
/* SHA-256 as FIPS 180-4 defines it (sections 4.1.2, 4.2.2, 5.1.1, 6.2). */

#include <string.h>
#include <wireboot/sha256.h>

/* The first 32 bits of the fractional parts of the cube roots of the first
 * 64 primes. */
static const uint32_t round_constants[64] = {
	0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1,
	0x923f82a4, 0xab1c5ed5, 0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3,
	0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786,
	0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
	0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147,
	0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13,
	0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b,
	0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
	0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a,
	0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208,
	0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
};

static uint32_t rotr(uint32_t x, unsigned n)
{
	return (x >> n) | (x << (32 - n));
}

static void compress(uint32_t state[8], const uint8_t block[SHA256_BLOCK_LEN])
{
	uint32_t w[64], v[8];
	unsigned i;

	for (i = 0; i < 16; i++)
		w[i] = ((uint32_t)block[4 * i] << 24) |
		       ((uint32_t)block[4 * i + 1] << 16) |
		       ((uint32_t)block[4 * i + 2] << 8) | block[4 * i + 3];
	for (i = 16; i < 64; i++) {
		uint32_t s0 = rotr(w[i - 15], 7) ^ rotr(w[i - 15], 18) ^
			      (w[i - 15] >> 3);
		uint32_t s1 = rotr(w[i - 2], 17) ^ rotr(w[i - 2], 19) ^
			      (w[i - 2] >> 10);
		w[i] = w[i - 16] + s0 + w[i - 7] + s1;
	}
	memcpy(v, state, sizeof(v));
	for (i = 0; i < 64; i++) {
		/* v: a b c d e f g h */
		uint32_t sum1 = rotr(v[4], 6) ^ rotr(v[4], 11) ^ rotr(v[4], 25);
		uint32_t choice = (v[4] & v[5]) ^ (~v[4] & v[6]);
		uint32_t t1 = v[7] + sum1 + choice + round_constants[i] + w[i];
		uint32_t sum0 = rotr(v[0], 2) ^ rotr(v[0], 13) ^ rotr(v[0], 22);
		uint32_t majority = (v[0] & v[1]) ^ (v[0] & v[2]) ^ (v[1] & v[2]);

		/* Shift the eight words along, spelt out: a memmove per round
		 * would cost more than the round itself. */
		v[7] = v[6];
		v[6] = v[5];
		v[5] = v[4];
		v[4] = v[3] + t1;
		v[3] = v[2];
		v[2] = v[1];
		v[1] = v[0];
		v[0] = t1 + sum0 + majority;
	}
	for (i = 0; i < 8; i++)
		state[i] += v[i];
}

void sha256_init(struct sha256_context *ctx)
{
	static const uint32_t initial[8] = {
		0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a,
		0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19,
	};

	memcpy(ctx->state, initial, sizeof(initial));
	ctx->length = 0;
}

void sha256_update(struct sha256_context *ctx, const void *data, size_t len)
{
	const uint8_t *bytes = data;

	while (len) {
		size_t used = ctx->length % SHA256_BLOCK_LEN;
		size_t take = SHA256_BLOCK_LEN - used;

		if (take > len)
			take = len;
		if (used == 0 && take == SHA256_BLOCK_LEN) {
			/* Whole blocks straight from the caller's buffer. */
			compress(ctx->state, bytes);
		} else {
			memcpy(ctx->block + used, bytes, take);
			if (used + take == SHA256_BLOCK_LEN)
				compress(ctx->state, ctx->block);
		}
		ctx->length += take;
		bytes += take;
		len -= take;
	}
}

void sha256_final(struct sha256_context *ctx,
		  uint8_t digest[SHA256_DIGEST_LEN])
{
	uint64_t bits = ctx->length * 8;
	static const uint8_t pad = 0x80;
	static const uint8_t zero;
	uint8_t length_be[8];
	unsigned i;

	/* 0x80, zeros up to 56 mod 64, then the length in bits, big-endian. */
	sha256_update(ctx, &pad, 1);
	while (ctx->length % SHA256_BLOCK_LEN != SHA256_BLOCK_LEN - 8)
		sha256_update(ctx, &zero, 1);
	for (i = 0; i < 8; i++)
		length_be[i] = (uint8_t)(bits >> (56 - 8 * i));
	sha256_update(ctx, length_be, sizeof(length_be));
	for (i = 0; i < 8; i++) {
		digest[4 * i] = (uint8_t)(ctx->state[i] >> 24);
		digest[4 * i + 1] = (uint8_t)(ctx->state[i] >> 16);
		digest[4 * i + 2] = (uint8_t)(ctx->state[i] >> 8);
		digest[4 * i + 3] = (uint8_t)ctx->state[i];
	}
}
