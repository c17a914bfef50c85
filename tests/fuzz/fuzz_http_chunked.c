/* SPDX-License-Identifier: GPL-2.0-or-later */
// FIRMWARE_SOURCES: src/net/http_chunked.c
/* The chunked decoder over arbitrary bytes, fed in pieces the first byte
 * decides, each piece in a buffer of its exact size (ASan sees overruns):
 * data runs stay inside the piece, the decoder always moves forward, and
 * the data it yields is the same however the input is split. */

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define http_chunked_decode wb_http_chunked_decode
#include <net/http.h>

/* Decodes in pieces of piece bytes: the data length and its checksum. */
static int decode(const uint8_t *data, size_t size, size_t piece,
		  size_t *out_len, uint64_t *sum)
{
	struct http_chunked chunked;
	size_t pos = 0;
	int rc = 0;

	http_chunked_init(&chunked);
	*out_len = 0;
	*sum = 0;
	while (pos < size && rc == 0) {
		size_t len = size - pos < piece ? size - pos : piece, off = 0;
		uint8_t *copy = malloc(len);

		memcpy(copy, data + pos, len);
		while (off < len && rc == 0) {
			size_t consumed, start, data_len, i;

			rc = wb_http_chunked_decode(&chunked, copy + off,
						    len - off, &consumed,
						    &start, &data_len);
			if (rc < 0)
				break;
			if (consumed > len - off || start + data_len > consumed ||
			    (rc == 0 && consumed == 0))
				__builtin_trap();
			for (i = 0; i < data_len; i++)
				*sum = *sum * 31 + copy[off + start + i];
			*out_len += data_len;
			off += consumed;
		}
		free(copy);
		pos += off;
		if (rc == 1)
			break;
	}
	return rc;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	size_t piece, len_whole, len_split;
	uint64_t sum_whole, sum_split;
	int rc_whole, rc_split;

	if (size < 1)
		return 0;
	piece = data[0] ? data[0] : 1;
	rc_whole = decode(data + 1, size - 1, size, &len_whole, &sum_whole);
	rc_split = decode(data + 1, size - 1, piece, &len_split, &sum_split);
	if (rc_whole != rc_split ||
	    (rc_whole >= 0 && (len_whole != len_split || sum_whole != sum_split)))
		__builtin_trap();
	return 0;
}
