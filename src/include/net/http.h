/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef NET_HTTP_H
#define NET_HTTP_H

/*
 * HTTP/1.1 (RFC 9110, 9112): the pure parts of the client in src/net/http.c.
 *
 *   - http_parse.c: the response head (status line and the headers the
 *     client acts on), gathered incrementally up to HTTP_HEAD_MAX bytes,
 *     and the WWW-Authenticate challenge;
 *   - http_chunked.c: the chunked transfer coding, decoded incrementally
 *     across any split of the input;
 *   - http_auth.c: the Authorization header (Basic, Digest with MD5).
 *
 * Everything here reads bytes from the network: lengths are bounded,
 * numbers checked for overflow, and a malformed head is an error, never a
 * guess.
 */

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define HTTP_PORT 80
/* The whole response head, status line to the empty line. */
#define HTTP_HEAD_MAX 16384
#define HTTP_STATUS_LINE_MAX 128
#define HTTP_LOCATION_MAX 1024
#define HTTP_VALIDATOR_MAX 128
#define HTTP_CHALLENGE_FIELD_MAX 128

/* ---- the response head ---------------------------------------------------- */

struct http_head {
	char buf[HTTP_HEAD_MAX];
	size_t len;
};

/* Appends data until the head's empty line: returns 1 when the head is
 * complete (*consumed says how much of data was head), 0 when it needs
 * more (all consumed), -E2BIG if the head does not fit. */
int http_head_feed(struct http_head *head, const void *data, size_t len,
		   size_t *consumed);

enum http_auth_scheme { HTTP_AUTH_NONE, HTTP_AUTH_BASIC, HTTP_AUTH_DIGEST };

/* What a WWW-Authenticate challenge asks for (the strongest one offered). */
struct http_challenge {
	enum http_auth_scheme scheme;
	char realm[HTTP_CHALLENGE_FIELD_MAX];
	char nonce[HTTP_CHALLENGE_FIELD_MAX];
	char opaque[HTTP_CHALLENGE_FIELD_MAX];
	bool qop_auth;		/* qop offers "auth" */
};

struct http_response {
	unsigned status;			/* 100..999 */
	char status_line[HTTP_STATUS_LINE_MAX];	/* "HTTP/1.1 404 Not Found" */
	bool has_length;
	uint64_t content_length;
	bool chunked;		/* Transfer-Encoding ends in chunked */
	bool has_range;		/* Content-Range: bytes first-last/total */
	uint64_t range_first, range_last;
	bool has_range_total;
	uint64_t range_total;
	char location[HTTP_LOCATION_MAX];
	char etag[HTTP_VALIDATOR_MAX];		/* strong ETags only */
	char last_modified[HTTP_VALIDATOR_MAX];
	struct http_challenge challenge;
};

/* Parses a complete head (as http_head_feed gathered it): 0, or -EINVAL
 * for a malformed one, -EPROTO for one that contradicts itself (two
 * different lengths, a transfer coding other than chunked). */
int http_parse_response(const char *head, size_t len,
			struct http_response *rsp);
/* Parses one WWW-Authenticate value into chal, keeping what is there if
 * it offers something weaker: 0 or -EINVAL. */
int http_parse_challenge(const char *value, size_t len,
			 struct http_challenge *chal);

/* ---- the chunked transfer coding ------------------------------------------ */

struct http_chunked {
	unsigned state;
	uint64_t remaining;	/* data bytes left in this chunk */
	unsigned digits;	/* of the size so far */
	size_t line_len;	/* of an extension or a trailer */
	size_t trailer_len;	/* all trailers so far */
};

static inline void http_chunked_init(struct http_chunked *chunked)
{
	*chunked = (struct http_chunked){ 0 };
}

/*
 * Decodes from in[0..len): consumes framing and at most one run of data.
 * *consumed is how many bytes of in were used; the data run (if any) is
 * in[*data_start .. *data_start + *data_len). Returns 0 (call again with
 * the rest), 1 when the body has ended (after the trailers' empty line),
 * or -EINVAL for bad framing.
 */
int http_chunked_decode(struct http_chunked *chunked, const uint8_t *in,
			size_t len, size_t *consumed, size_t *data_start,
			size_t *data_len);

/* ---- credentials ----------------------------------------------------------- */

/* The challenge a response carried, and the request that drew it. */
struct http_auth_request {
	const char *user;
	const char *password;
	const char *method;
	const char *uri;	/* the request target, "/path?query" */
	const char *cnonce;	/* the client nonce (Digest with qop) */
};

/* Writes "Authorization: ...\r\n" for chal into buf: its length, or
 * -ENOSPC, -ENOTSUP (no scheme we know). */
int http_format_authorization(char *buf, size_t size,
			      const struct http_challenge *chal,
			      const struct http_auth_request *req);

/* ---- form parameters ------------------------------------------------------- */

/* Writes text percent-encoded for application/x-www-form-urlencoded into
 * buf (NULL: only counts): the length the encoding needs. */
size_t http_form_encode(char *buf, size_t size, const char *text);

#endif
