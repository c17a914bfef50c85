/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef WIREBOOT_INFLATE_H
#define WIREBOOT_INFLATE_H

/*
 * DEFLATE (RFC 1951) and gzip (RFC 1952) decoding of a file in memory into
 * a buffer that grows, for images that arrive compressed (imgextract).
 * The input is untrusted (it was downloaded): every length, code and
 * distance is checked, the output is bounded, and malformed data fails
 * with -EINVAL (-ENOSPC when the output would exceed its limit, -EBADMSG
 * when gzip's check values disagree).
 */

#include <stddef.h>
#include <stdint.h>

struct inflate_output {
	uint8_t *data;		/* len bytes written, capacity available */
	size_t len;
	size_t capacity;
	size_t limit;		/* the most len may become */
	/* Makes capacity at least need (data may move); 0 or an error. */
	int (*reserve)(struct inflate_output *out, size_t need);
};

/* Decodes one raw DEFLATE stream from in (len bytes), appending to out;
 * *used receives the bytes the stream took (whole bytes). 0 or an error. */
int inflate(const uint8_t *in, size_t len, struct inflate_output *out,
	    size_t *used);

/* True if data starts like a gzip file. */
int gzip_probe(const uint8_t *data, size_t len);
/* Decodes a gzip file (one or more members, then nothing but zero bytes)
 * into out, checking each member's CRC-32 and length. */
int gunzip(const uint8_t *in, size_t len, struct inflate_output *out);

#endif
