/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef WIREBOOT_X509_H
#define WIREBOOT_X509_H

/*
 * The outline of a DER X.509 certificate (RFC 5280), as far as the
 * certificate store needs it to tell one certificate from anything else
 * and to show it: issuer, subject and validity. Verification is TLS's
 * business (wolfSSL); this parser only reads, defensively.
 */

#include <stddef.h>
#include <stdint.h>

/* A UTCTime or GeneralizedTime, as written (always UTC). */
struct x509_time {
	uint16_t year;
	uint8_t month, day, hour, minute, second;
};

struct x509_outline {
	const uint8_t *issuer;	/* the Name, DER, tag and length included */
	size_t issuer_len;
	const uint8_t *subject;
	size_t subject_len;
	struct x509_time not_before, not_after;
};

/* Reads the certificate that is exactly der[0..len); 0, or -EINVAL for
 * anything else (trailing bytes, a truncated or malformed structure). */
int x509_outline(const uint8_t *der, size_t len, struct x509_outline *out);

/* Writes a Name as "CN=x, O=y, C=z" (the attributes it knows, in
 * certificate order) into buf (always terminated when size > 0); returns
 * the length the whole text needs, or -EINVAL for a malformed Name. */
int x509_name_format(const uint8_t *name, size_t len, char *buf, size_t size);

/* The value of the last common name (CN) of a Name, into buf as above;
 * -ENOENT when there is none. */
int x509_name_cn(const uint8_t *name, size_t len, char *buf, size_t size);

/* "YYYY-MM-DD HH:MM:SS" (20 bytes with the terminator). */
#define X509_TIME_TEXT 20
void x509_time_format(const struct x509_time *time, char buf[X509_TIME_TEXT]);

#endif
