/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * MD5, SHA-1 and SHA-256 (wireboot/digest.h) from wolfSSL. The image data
 * is handed over in pieces of at most 4 GiB, as wolfSSL counts lengths in
 * 32 bits.
 */

#include <errno.h>
#include <wireboot/digest.h>
#include <wireboot/errfile.h>

#define ERRFILE ERRFILE_digest

#include <wolfssl/wolfcrypt/settings.h>
#include <wolfssl/wolfcrypt/md5.h>
#include <wolfssl/wolfcrypt/sha.h>
#include <wolfssl/wolfcrypt/sha256.h>

#define PIECE 0x80000000u

/* One wolfSSL hash's functions over its own context type. */
#define WOLFSSL_DIGEST(id, label, ctx_type, init, update, final, free_ctx, \
		       len) \
	static int digest_##id##_run(const void *data, size_t size, \
				     uint8_t *out) \
	{ \
		const uint8_t *p = data; \
		ctx_type ctx; \
		int rc = init(&ctx); \
		while (rc == 0 && size) { \
			word32 piece = size > PIECE ? PIECE : (word32)size; \
			rc = update(&ctx, p, piece); \
			p += piece; \
			size -= piece; \
		} \
		if (rc == 0) \
			rc = final(&ctx, out); \
		free_ctx(&ctx); \
		return rc ? -EUNIQ(EIO, 1) : 0; \
	} \
	const struct digest_algorithm digest_##id = { \
		.name = label, .digest_len = len, \
		.digest = digest_##id##_run, \
	}

WOLFSSL_DIGEST(md5, "md5", wc_Md5, wc_InitMd5, wc_Md5Update, wc_Md5Final,
	       wc_Md5Free, WC_MD5_DIGEST_SIZE);
WOLFSSL_DIGEST(sha1, "sha1", wc_Sha, wc_InitSha, wc_ShaUpdate, wc_ShaFinal,
	       wc_ShaFree, WC_SHA_DIGEST_SIZE);
WOLFSSL_DIGEST(sha256, "sha256", wc_Sha256, wc_InitSha256, wc_Sha256Update,
	       wc_Sha256Final, wc_Sha256Free, WC_SHA256_DIGEST_SIZE);
