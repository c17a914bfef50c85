/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * md5_digest() (wireboot/md5.h) over wolfSSL's MD5, so that the protocols
 * never include wolfSSL's headers (see random_drbg.c).
 */

#include <errno.h>
#include <wireboot/md5.h>

#include <wolfssl/wolfcrypt/settings.h>
#include <wolfssl/wolfcrypt/md5.h>

int md5_digest(const void *data, size_t len, uint8_t digest[MD5_DIGEST_LEN])
{
	wc_Md5 md5;
	int rc;

	if (len > UINT32_MAX)
		return -EINVAL;
	rc = wc_InitMd5(&md5);
	if (rc == 0)
		rc = wc_Md5Update(&md5, data, (word32)len);
	if (rc == 0)
		rc = wc_Md5Final(&md5, digest);
	wc_Md5Free(&md5);
	return rc ? -EIO : 0;
}
