/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef TESTS_UNIT_CERT_FIXTURE_H
#define TESTS_UNIT_CERT_FIXTURE_H

/*
 * Certificates made by hand for the certificate store's tests: DER built
 * element by element, so that a test can name exactly what it changes.
 * The key and signature are placeholders (the store reads only the
 * outline; verification is wolfSSL's and is tested end to end).
 */

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

struct der_buf {
	uint8_t data[4096];
	size_t len;
};

static inline void der_put(struct der_buf *out, const void *data, size_t len)
{
	memcpy(out->data + out->len, data, len);
	out->len += len;
}

/* Appends tag, definite length and content. */
static inline void der_tlv(struct der_buf *out, uint8_t tag, const void *data,
			   size_t len)
{
	uint8_t header[4] = { tag };
	size_t n = 2;

	if (len < 128) {
		header[1] = (uint8_t)len;
	} else if (len < 256) {
		header[1] = 0x81;
		header[2] = (uint8_t)len;
		n = 3;
	} else {
		header[1] = 0x82;
		header[2] = (uint8_t)(len >> 8);
		header[3] = (uint8_t)len;
		n = 4;
	}
	der_put(out, header, n);
	der_put(out, data, len);
}

/* Name { SET { SEQUENCE { 2.5.4.id, UTF8String value } } } per pair. */
static inline void der_name(struct der_buf *out, const char *o, const char *cn)
{
	struct der_buf rdns = { .len = 0 };
	const char *values[2] = { o, cn };
	const uint8_t ids[2] = { 10, 3 };

	for (int i = 0; i < 2; i++) {
		struct der_buf attr = { .len = 0 }, set = { .len = 0 };
		const uint8_t oid[3] = { 0x55, 0x04, ids[i] };

		if (!values[i])
			continue;
		der_tlv(&attr, 0x06, oid, 3);
		der_tlv(&attr, 0x0c, values[i], strlen(values[i]));
		der_tlv(&set, 0x30, attr.data, attr.len);
		der_tlv(&rdns, 0x31, set.data, set.len);
	}
	der_tlv(out, 0x30, rdns.data, rdns.len);
}

/* A certificate for subject cn, issued by issuer_cn, valid between two
 * UTCTime texts (13 characters, "YYMMDDHHMMSSZ"). */
static inline void make_cert(struct der_buf *out, const char *issuer_cn,
			     const char *cn, const char *from, const char *to)
{
	static const uint8_t alg[] = { 0x06, 0x08, 0x2a, 0x86, 0x48, 0xce,
				       0x3d, 0x04, 0x03, 0x02 };
	static const uint8_t version[] = { 0x02, 0x01, 0x02 };
	static const uint8_t serial[] = { 0x01, 0x02, 0x03 };
	static const uint8_t key[] = { 0x00, 0x04, 0x01, 0x02, 0x03 };
	struct der_buf tbs = { .len = 0 }, validity = { .len = 0 };
	struct der_buf spki = { .len = 0 }, cert = { .len = 0 };

	der_tlv(&tbs, 0xa0, version, sizeof(version));
	der_tlv(&tbs, 0x02, serial, sizeof(serial));
	der_tlv(&tbs, 0x30, alg, sizeof(alg));
	der_name(&tbs, "Test Org", issuer_cn);
	der_tlv(&validity, 0x17, from, strlen(from));
	der_tlv(&validity, 0x17, to, strlen(to));
	der_tlv(&tbs, 0x30, validity.data, validity.len);
	der_name(&tbs, "Test Org", cn);
	der_tlv(&spki, 0x30, alg, sizeof(alg));
	der_tlv(&spki, 0x03, key, sizeof(key));
	der_tlv(&tbs, 0x30, spki.data, spki.len);
	der_tlv(&cert, 0x30, tbs.data, tbs.len);
	der_tlv(&cert, 0x30, alg, sizeof(alg));
	der_tlv(&cert, 0x03, key, sizeof(key));
	out->len = 0;
	der_tlv(out, 0x30, cert.data, cert.len);
}

/* An exact-size heap copy, so that the sanitizer sees any overrun. */
static inline uint8_t *exact_copy(const void *data, size_t len)
{
	uint8_t *copy = malloc(len ? len : 1);

	memcpy(copy, data, len);
	return copy;
}

#endif
