/* SPDX-License-Identifier: GPL-2.0-or-later */
// FIRMWARE_SOURCES: src/core/sha256.c src/core/string.c
/* SHA-256 against the FIPS 180-4 / NIST example vectors, incremental
 * feeding in odd pieces, and a long message. */

#include <stdio.h>
#include <wireboot/sha256.h>
#include "unit.h"

void wb_sha256_init(struct sha256_context *ctx);
void wb_sha256_update(struct sha256_context *ctx, const void *data, size_t len);
void wb_sha256_final(struct sha256_context *ctx, uint8_t *digest);

static void hex(const uint8_t *digest, char *out)
{
	for (int i = 0; i < SHA256_DIGEST_LEN; i++)
		sprintf(out + 2 * i, "%02x", digest[i]);
}

/* Hashes data fed in pieces of piece bytes. */
static void check_hash(const char *data, size_t len, size_t piece,
		       const char *want)
{
	struct sha256_context ctx;
	uint8_t digest[SHA256_DIGEST_LEN];
	char text[2 * SHA256_DIGEST_LEN + 1];
	size_t done;

	wb_sha256_init(&ctx);
	for (done = 0; done < len; done += piece)
		wb_sha256_update(&ctx, data + done,
				 len - done < piece ? len - done : piece);
	wb_sha256_final(&ctx, digest);
	hex(digest, text);
	if (!CHECK_STR(text, want))
		printf("     %zu bytes in pieces of %zu\n", len, piece);
}

int main(void)
{
	static const char two_blocks[] =
		"abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq";
	static const char four_blocks[] =
		"abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmn"
		"hijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu";
	static char million[1000000];
	size_t piece;

	check_hash("", 0, 1,
		   "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
	check_hash("abc", 3, 1,
		   "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
	for (piece = 1; piece <= 64; piece += 7)
		check_hash(two_blocks, sizeof(two_blocks) - 1, piece,
			   "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
	check_hash(four_blocks, sizeof(four_blocks) - 1, 1000,
		   "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1");
	memset(million, 'a', sizeof(million));
	check_hash(million, sizeof(million), sizeof(million),
		   "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
	check_hash(million, sizeof(million), 4097,
		   "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
	return unit_finish();
}
