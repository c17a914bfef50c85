/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * gzip files (RFC 1952) around DEFLATE streams: the member header with
 * its optional fields (each bounded by the input), the stream
 * (inflate.c), and the trailer's CRC-32 and length, which must match what
 * was decoded. Members may follow each other (gzip concatenates them);
 * after the last only zero bytes may come (the padding an initramfs
 * often has).
 */

#include <errno.h>
#include <string.h>
#include <wireboot/errfile.h>
#include <wireboot/inflate.h>

#define ERRFILE ERRFILE_inflate

#define GZIP_ID1 0x1f
#define GZIP_ID2 0x8b
#define GZIP_CM_DEFLATE 8
#define GZIP_HEADER_LEN 10
#define GZIP_TRAILER_LEN 8
#define FLG_FHCRC 0x02
#define FLG_FEXTRA 0x04
#define FLG_FNAME 0x08
#define FLG_FCOMMENT 0x10
#define FLG_RESERVED 0xe0
#define CRC32_POLY 0xedb88320u
/* Site numbers after inflate.c's, which shares the error file. */
#define SITE(n) (16 + (n))

static uint32_t crc32_update(uint32_t crc, const uint8_t *data, size_t len)
{
	static uint32_t table[256];
	size_t i;

	if (!table[1]) {
		uint32_t n, k, c;

		for (n = 0; n < 256; n++) {
			for (c = n, k = 0; k < 8; k++)
				c = (c & 1) ? CRC32_POLY ^ (c >> 1) : c >> 1;
			table[n] = c;
		}
	}
	crc = ~crc;
	for (i = 0; i < len; i++)
		crc = table[(crc ^ data[i]) & 0xff] ^ (crc >> 8);
	return ~crc;
}

static uint32_t le32(const uint8_t *p)
{
	return p[0] | p[1] << 8 | p[2] << 16 | (uint32_t)p[3] << 24;
}

int gzip_probe(const uint8_t *data, size_t len)
{
	return len >= GZIP_HEADER_LEN && data[0] == GZIP_ID1 &&
	       data[1] == GZIP_ID2 && data[2] == GZIP_CM_DEFLATE;
}

/* Skips a NUL-terminated field starting at *pos. */
static int skip_string(const uint8_t *in, size_t len, size_t *pos)
{
	const uint8_t *end = memchr(in + *pos, 0, len - *pos);

	if (!end)
		return -EUNIQ(EINVAL, SITE(1));
	*pos = (size_t)(end - in) + 1;
	return 0;
}

/* The header's length, after checking it. */
static int member_header(const uint8_t *in, size_t len, size_t *header_len)
{
	size_t pos = GZIP_HEADER_LEN;
	uint8_t flags;
	int rc;

	if (!gzip_probe(in, len))
		return -EUNIQ(EINVAL, SITE(2));
	flags = in[3];
	if (flags & FLG_RESERVED)
		return -EUNIQ(EINVAL, SITE(3));
	if (flags & FLG_FEXTRA) {
		size_t xlen;

		if (len - pos < 2)
			return -EUNIQ(EINVAL, SITE(4));
		xlen = in[pos] | in[pos + 1] << 8;
		pos += 2;
		if (len - pos < xlen)
			return -EUNIQ(EINVAL, SITE(5));
		pos += xlen;
	}
	if ((flags & FLG_FNAME) && (rc = skip_string(in, len, &pos)))
		return rc;
	if ((flags & FLG_FCOMMENT) && (rc = skip_string(in, len, &pos)))
		return rc;
	if (flags & FLG_FHCRC) {
		if (len - pos < 2)
			return -EUNIQ(EINVAL, SITE(6));
		if ((crc32_update(0, in, pos) & 0xffff) !=
		    (uint32_t)(in[pos] | in[pos + 1] << 8))
			return -EUNIQ(EBADMSG, SITE(7));
		pos += 2;
	}
	*header_len = pos;
	return 0;
}

static int only_zeros(const uint8_t *data, size_t len)
{
	while (len--) {
		if (*data++)
			return 0;
	}
	return 1;
}

int gunzip(const uint8_t *in, size_t len, struct inflate_output *out)
{
	size_t pos = 0;

	do {
		size_t header, used, start = out->len;
		int rc = member_header(in + pos, len - pos, &header);

		if (rc)
			return rc;
		pos += header;
		rc = inflate(in + pos, len - pos, out, &used);
		if (rc)
			return rc;
		pos += used;
		if (len - pos < GZIP_TRAILER_LEN)
			return -EUNIQ(EINVAL, SITE(8));
		if (le32(in + pos) != (out->len > start ?
				       crc32_update(0, out->data + start,
						    out->len - start) : 0) ||
		    le32(in + pos + 4) != (uint32_t)(out->len - start))
			return -EUNIQ(EBADMSG, SITE(9));
		pos += GZIP_TRAILER_LEN;
	} while (gzip_probe(in + pos, len - pos));
	return only_zeros(in + pos, len - pos) ? 0 : -EUNIQ(EINVAL, SITE(10));
}
