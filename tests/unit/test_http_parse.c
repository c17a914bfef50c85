/* SPDX-License-Identifier: GPL-2.0-or-later */
// FIRMWARE_SOURCES: src/net/http_parse.c src/net/http_chunked.c src/net/http_auth.c src/crypto/md5.c src/core/string.c src/core/vsprintf.c
// WOLFSSL_SOURCES: wolfcrypt/src/md5.c
/*
 * The pure parts of the HTTP client: response heads (fields we act on,
 * bare LF, overlong heads and values, bad and overflowing numbers,
 * conflicting lengths, unknown codings, folding, NUL bytes), the head fed
 * split at every boundary, WWW-Authenticate challenges, the chunked
 * decoder (sizes overflowing, missing CRLF, extensions, trailers, every
 * split of the input), and the Authorization header (RFC 7617 and the
 * RFC 2617 Digest example).
 */

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define http_head_feed wb_http_head_feed
#define http_parse_response wb_http_parse_response
#define http_parse_challenge wb_http_parse_challenge
#define http_chunked_decode wb_http_chunked_decode
#define http_format_authorization wb_http_format_authorization
#include <net/http.h>

#include "unit.h"
#include <wireboot/compiler.h>

static struct http_response rsp;

static int parse(const char *text)
{
	return http_parse_response(text, strlen(text), &rsp);
}

static void test_response_fields(void)
{
	CHECK_INT(parse("HTTP/1.1 200 OK\r\nContent-Length: 1234\r\n"
			"ETag: \"abc\"\r\nLast-Modified: Tue, 01 Dec 2026 10:00:00 GMT\r\n"
			"Location:  /next \r\n\r\n"), 0);
	CHECK_INT(rsp.status, 200);
	CHECK_STR(rsp.status_line, "HTTP/1.1 200 OK");
	CHECK(rsp.has_length && rsp.content_length == 1234);
	CHECK_STR(rsp.etag, "\"abc\"");
	CHECK_STR(rsp.last_modified, "Tue, 01 Dec 2026 10:00:00 GMT");
	CHECK_STR(rsp.location, "/next");
	CHECK(!rsp.chunked);

	/* Bare LF, case-insensitive names, no reason phrase. */
	CHECK_INT(parse("HTTP/1.1 206\ntransfer-encoding: Chunked\n"
			"content-range: bytes 100-199/1000\n"
			"connection: keep-alive, close\n\n"), 0);
	CHECK(rsp.status == 206 && rsp.chunked);
	CHECK(rsp.has_range && rsp.range_first == 100 &&
	      rsp.range_last == 199 && rsp.has_range_total &&
	      rsp.range_total == 1000);
	CHECK_INT(parse("HTTP/1.0 200 OK\r\n\r\n"), 0);
	CHECK_INT(parse("HTTP/1.1 206 P\r\nContent-Range: bytes 5-9/*\r\n\r\n"), 0);
	CHECK(rsp.has_range && !rsp.has_range_total);
	/* A weak ETag is no validator for ranges. */
	CHECK_INT(parse("HTTP/1.1 200 OK\r\nETag: W/\"x\"\r\n\r\n"), 0);
	CHECK_STR(rsp.etag, "");
	/* The same length twice is allowed (RFC 9110 8.6). */
	CHECK_INT(parse("HTTP/1.1 200 OK\r\nContent-Length: 5\r\n"
			"Content-Length: 5\r\n\r\n"), 0);
	/* A status line with control bytes is shown safely. */
	CHECK_INT(parse("HTTP/1.1 500 Bad\x01thing\r\n\r\n"), 0);
	CHECK_STR(rsp.status_line, "HTTP/1.1 500 Bad?thing");
}

static void test_response_bad(void)
{
	static const char *const bad[] = {
		"", "\r\n\r\n", "HTTP/1.1 200 OK\r\n",	/* no end */
		"HTTP/2 200 OK\r\n\r\n", "HTTP/1.1 20 OK\r\n\r\n",
		"HTTP/1.1 2000 OK\r\n\r\n", "HTTP/1.1 099 Low\r\n\r\n",
		"HTTP/1.1  200 OK\r\n\r\n", "HTTP/1.1 2x0 OK\r\n\r\n",
		"ICY 200 OK\r\n\r\n",
		"HTTP/1.1 200 OK\r\nContent-Length: -1\r\n\r\n",
		"HTTP/1.1 200 OK\r\nContent-Length: +5\r\n\r\n",
		"HTTP/1.1 200 OK\r\nContent-Length: 1 2\r\n\r\n",
		"HTTP/1.1 200 OK\r\nContent-Length: \r\n\r\n",
		"HTTP/1.1 200 OK\r\nContent-Length: 0x10\r\n\r\n",
		"HTTP/1.1 200 OK\r\nContent-Length: 18446744073709551616\r\n\r\n",
		"HTTP/1.1 200 OK\r\nContent-Length: 99999999999999999999999\r\n\r\n",
		"HTTP/1.1 200 OK\r\nNo colon here\r\n\r\n",
		"HTTP/1.1 200 OK\r\n: empty name\r\n\r\n",
		"HTTP/1.1 200 OK\r\nBad Name: x\r\n\r\n",
		"HTTP/1.1 200 OK\r\nX: a\r\n folded\r\n\r\n",
		"HTTP/1.1 200 OK\r\nX: a\rb\r\n\r\n",
		"HTTP/1.1 200 OK\r\nX: a\x7f\r\n\r\n",
		"HTTP/1.1 200 OK\r\n\r\nextra",
		"HTTP/1.1 206 P\r\nContent-Range: bytes 9-5/10\r\n\r\n",
		"HTTP/1.1 206 P\r\nContent-Range: bytes 5-10/10\r\n\r\n",
		"HTTP/1.1 206 P\r\nContent-Range: bytes 5-/10\r\n\r\n",
		"HTTP/1.1 206 P\r\nContent-Range: items 1-2/3\r\n\r\n",
	};
	char head[600];
	unsigned i;

	for (i = 0; i < ARRAY_SIZE(bad); i++) {
		if (!CHECK(parse(bad[i]) < 0))
			printf("  accepted: %s\n", bad[i]);
	}
	/* Smuggling: two different lengths, a coding we do not know. */
	CHECK_INT(parse("HTTP/1.1 200 OK\r\nContent-Length: 5\r\n"
			"Content-Length: 6\r\n\r\n"), -EPROTO);
	CHECK_INT(parse("HTTP/1.1 200 OK\r\nTransfer-Encoding: gzip, chunked\r\n\r\n"),
		  -EPROTO);
	CHECK_INT(parse("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n"
			"Transfer-Encoding: chunked\r\n\r\n"), -EPROTO);
	/* A NUL inside a line. */
	CHECK_INT(http_parse_response("HTTP/1.1 200 OK\r\nX: a\0b\r\n\r\n", 27,
				      &rsp), -EINVAL);
	/* A Location or ETag too long to keep whole. */
	memset(head, 0, sizeof(head));
	strcpy(head, "HTTP/1.1 200 OK\r\nETag: \"");
	memset(head + strlen(head), 'e', HTTP_VALIDATOR_MAX);
	strcat(head, "\"\r\n\r\n");
	CHECK_INT(parse(head), -EINVAL);
}

/* The head fed in pieces of every size ends at the same byte. */
static void test_head_feed(void)
{
	static const char text[] = "HTTP/1.1 200 OK\r\nContent-Length: 3\r\n\r\nabc";
	size_t head_len = strlen(text) - 3, piece, consumed;
	static struct http_head head;
	char *big;
	int rc;

	for (piece = 1; piece <= sizeof(text); piece++) {
		size_t pos = 0;

		head.len = 0;
		rc = 0;
		while (rc == 0 && pos < strlen(text)) {
			size_t len = strlen(text) - pos < piece ?
				     strlen(text) - pos : piece;

			rc = http_head_feed(&head, text + pos, len, &consumed);
			pos += consumed;
		}
		CHECK_INT(rc, 1);
		CHECK_INT(pos, head_len);
		CHECK_INT(head.len, head_len);
	}
	CHECK_INT(http_parse_response(head.buf, head.len, &rsp), 0);
	/* Bare LF heads end too. */
	head.len = 0;
	CHECK_INT(http_head_feed(&head, "HTTP/1.1 200 OK\n\nxy", 19, &consumed), 1);
	CHECK_INT(consumed, 17);
	/* Too long: refused, never overrun. */
	big = malloc(HTTP_HEAD_MAX + 10);
	memset(big, 'a', HTTP_HEAD_MAX + 10);
	head.len = 0;
	CHECK_INT(http_head_feed(&head, big, HTTP_HEAD_MAX + 10, &consumed), -E2BIG);
	CHECK_INT(head.len, HTTP_HEAD_MAX);
	free(big);
}

static void test_challenge(void)
{
	struct http_challenge chal = { 0 };

	CHECK_INT(parse("HTTP/1.1 401 Unauthorized\r\n"
			"WWW-Authenticate: Basic realm=\"x\"\r\n"
			"WWW-Authenticate: Digest realm=\"r \\\"q\\\"\", qop=\"auth-int, auth\", "
			"nonce=\"n1\", opaque=\"o1\", algorithm=MD5\r\n\r\n"), 0);
	CHECK_INT(rsp.challenge.scheme, HTTP_AUTH_DIGEST);
	CHECK_STR(rsp.challenge.realm, "r \"q\"");
	CHECK_STR(rsp.challenge.nonce, "n1");
	CHECK_STR(rsp.challenge.opaque, "o1");
	CHECK(rsp.challenge.qop_auth);
	/* Digest first, Basic after: Digest stays. */
	CHECK_INT(http_parse_challenge("Digest nonce=abc", 16, &chal), 0);
	CHECK_INT(http_parse_challenge("Basic realm=x", 13, &chal), 0);
	CHECK_INT(chal.scheme, HTTP_AUTH_DIGEST);
	CHECK(!chal.qop_auth);
	/* What we cannot answer. */
	memset(&chal, 0, sizeof(chal));
	CHECK(http_parse_challenge("Digest realm=x", 14, &chal) < 0);
	CHECK(http_parse_challenge("Digest nonce=\"unterminated", 26, &chal) < 0);
	CHECK(http_parse_challenge("Digest nonce=a, algorithm=SHA-256", 33, &chal) < 0);
	CHECK(http_parse_challenge("Digest nonce=a, qop=auth-int", 28, &chal) < 0);
	CHECK(http_parse_challenge("Negotiate abc", 13, &chal) < 0);
	CHECK(http_parse_challenge("Digest nonce", 12, &chal) < 0);
	CHECK_INT(chal.scheme, HTTP_AUTH_NONE);
	/* An overlong value is refused, not truncated. */
	{
		char text[300] = "Digest nonce=\"";

		memset(text + 14, 'n', 200);
		strcat(text, "\"");
		CHECK(http_parse_challenge(text, strlen(text), &chal) < 0);
	}
}

/* ---- chunked -------------------------------------------------------------- */

/* Decodes text fed in pieces of piece bytes: the data, or NULL on error;
 * *done says whether the end was seen. */
static char *dechunk(const char *text, size_t len, size_t piece, int *result)
{
	struct http_chunked chunked;
	char *out = calloc(1, len + 1);
	size_t pos = 0, out_len = 0;
	int rc = 0;

	http_chunked_init(&chunked);
	while (pos < len && rc == 0) {
		size_t avail = len - pos < piece ? len - pos : piece;
		/* exact-size copies so ASan sees any overrun */
		uint8_t *copy = malloc(avail);
		size_t off = 0;

		memcpy(copy, text + pos, avail);
		while (off < avail && rc == 0) {
			size_t consumed, start, data_len;

			rc = http_chunked_decode(&chunked, copy + off,
						 avail - off, &consumed, &start,
						 &data_len);
			if (rc < 0)
				break;
			CHECK(start + data_len <= avail - off);
			CHECK(consumed <= avail - off);
			memcpy(out + out_len, copy + off + start, data_len);
			out_len += data_len;
			off += consumed;
			if (!consumed && rc == 0)
				break;
		}
		free(copy);
		pos += off;
	}
	*result = rc;
	return out;
}

static void test_chunked(void)
{
	static const char good[] = "5\r\nhello\r\n1;ext=1\r\n \r\nA\r\n0123456789\r\n"
				   "0\r\nTrailer: x\r\n\r\n";
	static const char lf_only[] = "3\nabc\n0\n\n";
	size_t piece;
	int rc;
	char *out;

	for (piece = 1; piece <= sizeof(good); piece++) {
		out = dechunk(good, sizeof(good) - 1, piece, &rc);
		CHECK_INT(rc, 1);
		CHECK_STR(out, "hello 0123456789");
		free(out);
	}
	out = dechunk(lf_only, sizeof(lf_only) - 1, 100, &rc);
	CHECK_INT(rc, 1);
	CHECK_STR(out, "abc");
	free(out);
	/* Upper-case hex, a 16-digit size with leading zeros. */
	out = dechunk("000000000000000B\r\nhello world\r\n0\r\n\r\n", 37, 7, &rc);
	CHECK_INT(rc, 1);
	CHECK_STR(out, "hello world");
	free(out);
	/* Not yet ended. */
	out = dechunk("5\r\nhel", 6, 2, &rc);
	CHECK_INT(rc, 0);
	free(out);
}

static void test_chunked_bad(void)
{
	static const char *const bad[] = {
		"\r\n",				/* no size */
		"g\r\n",			/* not hex */
		"-5\r\nhello\r\n",
		"5\rxhello\r\n",		/* CR not followed by LF */
		"5\r\nhelloX\r\n",		/* data longer than said */
		"5\r\nhello\rX",
		"10000000000000000\r\n",	/* 17 digits: overflows */
		"FFFFFFFFFFFFFFFFF\r\n",
		"0\r\nTrailer\rX",
		"0\r\n\rX",
		"5 x\r\nhello\r\n0\r\n\r\nX",	/* X after the end: done first */
	};
	char ext[6000];
	unsigned i;
	int rc;
	char *out;

	for (i = 0; i < ARRAY_SIZE(bad); i++) {
		out = dechunk(bad[i], strlen(bad[i]), 3, &rc);
		if (i == ARRAY_SIZE(bad) - 1)
			CHECK_INT(rc, 1);
		else if (!CHECK(rc < 0))
			printf("  accepted: %s\n", bad[i]);
		free(out);
	}
	/* Endless extensions and trailers are cut off. */
	memset(ext, 'e', sizeof(ext));
	memcpy(ext, "5;", 2);
	out = dechunk(ext, sizeof(ext), 1000, &rc);
	CHECK(rc < 0);
	free(out);
	memcpy(ext, "0\r\nT", 4);
	out = dechunk(ext, sizeof(ext), 1000, &rc);
	CHECK(rc < 0);
	free(out);
}

/* ---- Authorization ------------------------------------------------------- */

static void test_authorization(void)
{
	struct http_challenge basic = { .scheme = HTTP_AUTH_BASIC };
	struct http_challenge digest = { .scheme = HTTP_AUTH_DIGEST,
					 .realm = "testrealm@host.com",
					 .nonce = "dcd98b7102dd2f0e8b11d0f600bfb0c093",
					 .opaque = "5ccc069c403ebaf9f0171e9517f40e41",
					 .qop_auth = true };
	struct http_auth_request req = { .user = "Aladdin",
					 .password = "open sesame",
					 .method = "GET", .uri = "/" };
	char buf[512];

	CHECK(http_format_authorization(buf, sizeof(buf), &basic, &req) > 0);
	CHECK_STR(buf, "Authorization: Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==\r\n");
	CHECK_INT(http_format_authorization(buf, 20, &basic, &req), -ENOSPC);
	req.user = "a:b";
	CHECK_INT(http_format_authorization(buf, sizeof(buf), &basic, &req), -EINVAL);
	req.user = NULL;
	CHECK_INT(http_format_authorization(buf, sizeof(buf), &basic, &req), -EACCES);

	/* RFC 2617 section 3.5. */
	req = (struct http_auth_request){ .user = "Mufasa",
					  .password = "Circle Of Life",
					  .method = "GET",
					  .uri = "/dir/index.html",
					  .cnonce = "0a4f113b" };
	CHECK(http_format_authorization(buf, sizeof(buf), &digest, &req) > 0);
	CHECK(strstr(buf, "response=\"6629fae49393a05397450978507c4ef1\"") != NULL);
	CHECK(strstr(buf, "qop=auth, nc=00000001, cnonce=\"0a4f113b\"") != NULL);
	CHECK(strstr(buf, "opaque=\"5ccc069c403ebaf9f0171e9517f40e41\"") != NULL);
	CHECK(strncmp(buf, "Authorization: Digest username=\"Mufasa\"", 39) == 0);
	/* A quote in a name would break the header. */
	req.user = "Mu\"fasa";
	CHECK_INT(http_format_authorization(buf, sizeof(buf), &digest, &req), -EINVAL);
	strcpy(digest.realm, "a\"b");
	req.user = "Mufasa";
	CHECK_INT(http_format_authorization(buf, sizeof(buf), &digest, &req), -EINVAL);
}

int main(void)
{
	test_response_fields();
	test_response_bad();
	test_head_feed();
	test_challenge();
	test_chunked();
	test_chunked_bad();
	test_authorization();
	return unit_finish();
}
