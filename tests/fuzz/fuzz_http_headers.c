/* SPDX-License-Identifier: GPL-2.0-or-later */
// FIRMWARE_SOURCES: src/net/http_parse.c src/core/string.c
/* HTTP response heads from arbitrary bytes, gathered by http_head_feed()
 * in pieces the first byte decides, then parsed; what the parser accepts
 * must hold together (a range inside its total, strings terminated). The
 * input is copied to a buffer of its exact size so that ASan sees any
 * read past it. */

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define http_head_feed wb_http_head_feed
#define http_parse_response wb_http_parse_response
#define http_parse_challenge wb_http_parse_challenge
#include <net/http.h>

static struct http_head head;

static void check_string(const char *text, size_t size)
{
	if (!memchr(text, '\0', size))
		__builtin_trap();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct http_response rsp;
	struct http_challenge chal = { 0 };
	size_t piece, pos = 0, consumed;
	uint8_t *copy;
	int rc = 0;

	if (size < 1)
		return 0;
	piece = data[0] ? data[0] : 1;
	data++;
	size--;
	copy = malloc(size ? size : 1);
	memcpy(copy, data, size);
	head.len = 0;
	while (pos < size && rc == 0) {
		size_t len = size - pos < piece ? size - pos : piece;

		rc = wb_http_head_feed(&head, copy + pos, len, &consumed);
		if (consumed > len || head.len > HTTP_HEAD_MAX)
			__builtin_trap();
		pos += consumed;
	}
	if (rc == 1 && wb_http_parse_response(head.buf, head.len, &rsp) == 0) {
		if (rsp.status < 100 || rsp.status > 999)
			__builtin_trap();
		if (rsp.has_range && (rsp.range_last < rsp.range_first ||
				      (rsp.has_range_total &&
				       rsp.range_last >= rsp.range_total)))
			__builtin_trap();
		check_string(rsp.status_line, sizeof(rsp.status_line));
		check_string(rsp.location, sizeof(rsp.location));
		check_string(rsp.etag, sizeof(rsp.etag));
		check_string(rsp.challenge.nonce, sizeof(rsp.challenge.nonce));
	}
	/* The same bytes as a challenge on their own. */
	if (wb_http_parse_challenge((const char *)copy, size, &chal) == 0 &&
	    chal.scheme == HTTP_AUTH_DIGEST && !chal.nonce[0])
		__builtin_trap();
	free(copy);
	return 0;
}
