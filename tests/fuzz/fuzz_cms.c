/* SPDX-License-Identifier: GPL-2.0-or-later */
// FIRMWARE_SOURCES: src/crypto/cms.c src/crypto/tls_time.c src/core/x509_parse.c src/core/wallclock.c src/core/string.c src/core/vsprintf.c
// WOLFSSL_SOURCES: wolfcrypt/src/pkcs7.c wolfcrypt/src/random.c wolfcrypt/src/sha256.c wolfcrypt/src/md5.c wolfcrypt/src/sha.c src/ssl.c src/internal.c src/keys.c src/tls.c src/tls13.c src/wolfio.c wolfcrypt/src/aes.c wolfcrypt/src/chacha.c wolfcrypt/src/poly1305.c wolfcrypt/src/chacha20_poly1305.c wolfcrypt/src/curve25519.c wolfcrypt/src/fe_operations.c wolfcrypt/src/ecc.c wolfcrypt/src/rsa.c wolfcrypt/src/sp_int.c wolfcrypt/src/sp_c64.c wolfcrypt/src/wolfmath.c wolfcrypt/src/asn.c wolfcrypt/src/coding.c wolfcrypt/src/hmac.c wolfcrypt/src/hash.c wolfcrypt/src/sha512.c wolfcrypt/src/kdf.c wolfcrypt/src/memory.c wolfcrypt/src/wc_port.c wolfcrypt/src/wc_encrypt.c wolfcrypt/src/logging.c wolfcrypt/src/error.c wolfcrypt/src/signature.c
/*
 * The CMS check (src/crypto/cms.c) on any input: a root certificate for
 * the store (16-bit length, then its DER), the signed data (the same), and
 * the rest as the signature, each in a buffer of exactly its size. The
 * seeds are real signatures openssl makes (tests/fuzz/seeds/fuzz_cms.py),
 * so mutations reach the certificates, the signer info and the chain.
 * Whatever it says, a verdict is a terminated sentence, and success names
 * a signer.
 */

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <wireboot/certstore.h>
#include <wireboot/cms.h>
#include <wireboot/settings.h>
#include "fuzz_input.h"

int wb_cms_verify(const uint8_t *sig, size_t sig_len, const uint8_t *data,
		  size_t len, const char *signer_cn, int64_t now,
		  struct cms_verdict *verdict);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* wallclock.c's platform and settings, never read by cms.c. */
struct settings global_settings;
int platform_wallclock(int64_t *seconds) { *seconds = 0; return 0; }
uint64_t monotonic_us(void) { return 0; }
void *zalloc(size_t size) { return calloc(1, size); }
int wireboot_drbg_seed(unsigned char *output, unsigned int size)
{
	memset(output, 0, size);
	return -1;
}

static const uint8_t *root;
static size_t root_len;

int certstore_foreach(int (*fn)(const struct cert_entry *cert, void *ctx),
		      void *ctx)
{
	struct cert_entry entry = {
		.der = root, .len = root_len, .origin = CERT_BUILTIN,
	};

	return root_len ? fn(&entry, ctx) : 0;
}

static uint8_t *take_copy(size_t len)
{
	uint8_t *copy = malloc(len ? len : 1);

	take_bytes(copy, len);
	return copy;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct cms_verdict verdict;
	uint8_t *content, *sig, *cert;
	size_t content_len, sig_len;
	int rc;

	fuzz_input(data, size);
	root_len = take16();
	if (root_len > fuzz_in_left)
		root_len = fuzz_in_left;
	cert = take_copy(root_len);
	root = cert;
	content_len = take16();
	if (content_len > fuzz_in_left)
		content_len = fuzz_in_left;
	content = take_copy(content_len);
	sig_len = fuzz_in_left;
	sig = take_copy(sig_len);
	/* 2030-01-01, inside the seeds' validity. */
	rc = wb_cms_verify(sig, sig_len, content, content_len, NULL,
			   1893456000LL, &verdict);
	if (strnlen(verdict.reason, sizeof(verdict.reason)) ==
		    sizeof(verdict.reason) ||
	    strnlen(verdict.signer, sizeof(verdict.signer)) ==
		    sizeof(verdict.signer) ||
	    (rc == 0 && !verdict.signer[0]) || (rc != 0 && !verdict.reason[0]))
		abort();
	free(sig);
	free(content);
	free(cert);
	return 0;
}
