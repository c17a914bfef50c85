/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef WIREBOOT_MD5_H
#define WIREBOOT_MD5_H

/*
 * MD5 (RFC 1321), from wolfSSL (src/crypto/md5.c), for HTTP Digest
 * authentication (RFC 7616), which still names it. Not for anything that
 * needs collision resistance.
 */

#include <stddef.h>
#include <stdint.h>

#define MD5_DIGEST_LEN 16

/* The digest of data: 0 or a negative error. */
int md5_digest(const void *data, size_t len, uint8_t digest[MD5_DIGEST_LEN]);

#endif
