/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The Authorization header for a challenge (see net/http.h): Basic
 * (RFC 7617: base64 of "user:password") and Digest with MD5 (RFC 7616:
 * the password never travels; with qop=auth the client's nonce and a
 * count of 1 enter the response, since every challenge gets one fresh
 * request here). The credentials come from the URI's user information.
 * Names and values that would need escaping inside a quoted string are
 * refused rather than sent half-right.
 */

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <net/http.h>
#include <wireboot/md5.h>

#define DIGEST_INPUT_MAX 1024
#define MD5_HEX_LEN (2 * MD5_DIGEST_LEN)

static size_t base64_encode(char *out, const uint8_t *in, size_t len)
{
	static const char alphabet[] =
		"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
		"0123456789+/";
	size_t i, pos = 0;

	for (i = 0; i < len; i += 3) {
		uint32_t group = (uint32_t)in[i] << 16;

		if (i + 1 < len)
			group |= (uint32_t)in[i + 1] << 8;
		if (i + 2 < len)
			group |= in[i + 2];
		out[pos++] = alphabet[group >> 18 & 63];
		out[pos++] = alphabet[group >> 12 & 63];
		out[pos++] = i + 1 < len ? alphabet[group >> 6 & 63] : '=';
		out[pos++] = i + 2 < len ? alphabet[group & 63] : '=';
	}
	out[pos] = '\0';
	return pos;
}

static int format_basic(char *buf, size_t size,
			const struct http_auth_request *req)
{
	char plain[256], encoded[4 * sizeof(plain) / 3 + 4];
	int len = snprintf(plain, sizeof(plain), "%s:%s", req->user,
			   req->password ? req->password : "");

	/* RFC 7617 2: the user id must not contain a colon. */
	if (len < 0 || (size_t)len >= sizeof(plain) || strchr(req->user, ':'))
		return -EINVAL;
	base64_encode(encoded, (const uint8_t *)plain, (size_t)len);
	len = snprintf(buf, size, "Authorization: Basic %s\r\n", encoded);
	return (len < 0 || (size_t)len >= size) ? -ENOSPC : len;
}

/* The lowercase hex MD5 of the formatted text. */
static int md5_hex(char hex[MD5_HEX_LEN + 1], const char *format, ...)
	__attribute__((format(printf, 2, 3)));
static int md5_hex(char hex[MD5_HEX_LEN + 1], const char *format, ...)
{
	char input[DIGEST_INPUT_MAX];
	uint8_t digest[MD5_DIGEST_LEN];
	va_list args;
	int len, rc;
	unsigned i;

	va_start(args, format);
	len = vsnprintf(input, sizeof(input), format, args);
	va_end(args);
	if (len < 0 || (size_t)len >= sizeof(input))
		return -EINVAL;
	rc = md5_digest(input, (size_t)len, digest);
	if (rc)
		return rc;
	for (i = 0; i < MD5_DIGEST_LEN; i++)
		snprintf(&hex[2 * i], 3, "%02x", digest[i]);
	return 0;
}

static bool quotable(const char *text)
{
	for (; *text; text++) {
		if (*text == '"' || *text == '\\' || (unsigned char)*text < 0x20)
			return false;
	}
	return true;
}

static int format_digest(char *buf, size_t size,
			 const struct http_challenge *chal,
			 const struct http_auth_request *req)
{
	const char *password = req->password ? req->password : "";
	char ha1[MD5_HEX_LEN + 1], ha2[MD5_HEX_LEN + 1];
	char response[MD5_HEX_LEN + 1];
	int len, rc;

	if (!quotable(req->user) || !quotable(req->uri) ||
	    !quotable(chal->realm) || !quotable(chal->nonce) ||
	    !quotable(chal->opaque) ||
	    (chal->qop_auth && (!req->cnonce || !quotable(req->cnonce))))
		return -EINVAL;
	rc = md5_hex(ha1, "%s:%s:%s", req->user, chal->realm, password);
	if (!rc)
		rc = md5_hex(ha2, "%s:%s", req->method, req->uri);
	if (!rc && chal->qop_auth)
		rc = md5_hex(response, "%s:%s:00000001:%s:auth:%s", ha1,
			     chal->nonce, req->cnonce, ha2);
	else if (!rc)
		rc = md5_hex(response, "%s:%s:%s", ha1, chal->nonce, ha2);
	if (rc)
		return rc;
	len = snprintf(buf, size,
		       "Authorization: Digest username=\"%s\", realm=\"%s\", "
		       "nonce=\"%s\", uri=\"%s\", algorithm=MD5, "
		       "response=\"%s\"%s%s%s%s%s%s\r\n",
		       req->user, chal->realm, chal->nonce, req->uri, response,
		       chal->opaque[0] ? ", opaque=\"" : "", chal->opaque,
		       chal->opaque[0] ? "\"" : "",
		       chal->qop_auth ? ", qop=auth, nc=00000001, cnonce=\"" : "",
		       chal->qop_auth ? req->cnonce : "",
		       chal->qop_auth ? "\"" : "");
	return (len < 0 || (size_t)len >= size) ? -ENOSPC : len;
}

int http_format_authorization(char *buf, size_t size,
			      const struct http_challenge *chal,
			      const struct http_auth_request *req)
{
	if (!req->user)
		return -EACCES;
	switch (chal->scheme) {
	case HTTP_AUTH_BASIC:
		return format_basic(buf, size, req);
	case HTTP_AUTH_DIGEST:
		return format_digest(buf, size, chal, req);
	default:
		return -ENOTSUP;
	}
}
