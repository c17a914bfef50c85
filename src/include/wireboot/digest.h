/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef WIREBOOT_DIGEST_H
#define WIREBOOT_DIGEST_H

/*
 * Message digests for the user (md5sum, sha1sum, sha256sum, and whatever
 * else needs one by name): wolfSSL computes them (src/crypto/digest.c), so
 * no hash is written here. Each algorithm is a table entry; an image links
 * only the algorithms something references by symbol.
 */

#include <stddef.h>
#include <stdint.h>

#define DIGEST_MAX_LEN 32

struct digest_algorithm {
	const char *name;	/* "md5", "sha1", "sha256" */
	size_t digest_len;
	/* Computes the digest of len bytes at data into out (digest_len
	 * bytes); 0 or a negative error. */
	int (*digest)(const void *data, size_t len, uint8_t *out);
};

extern const struct digest_algorithm digest_md5;
extern const struct digest_algorithm digest_sha1;
extern const struct digest_algorithm digest_sha256;

#endif
