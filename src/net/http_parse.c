/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * HTTP response heads (see net/http.h). The head is gathered whole (it is
 * small and bounded) and then parsed line by line: the status line, then
 * "Name: value" fields, of which only those the client acts on are kept.
 * Bare LF line ends are accepted (RFC 9112 section 2.2), obsolete line
 * folding and NUL bytes are not. Numbers are plain decimal with an
 * overflow check: a sign, a space inside or an empty number is an error,
 * and two Content-Length values that differ are a smuggling attempt.
 */

#include <ctype.h>
#include <errno.h>
#include <string.h>
#include <net/http.h>

int http_head_feed(struct http_head *head, const void *data, size_t len,
		   size_t *consumed)
{
	const char *in = data;
	size_t i;

	for (i = 0; i < len; i++) {
		if (head->len == sizeof(head->buf)) {
			*consumed = i;
			return -E2BIG;
		}
		head->buf[head->len++] = in[i];
		/* The head ends with an empty line: LF (CR) LF. */
		if (in[i] == '\n' && head->len >= 2 &&
		    (head->buf[head->len - 2] == '\n' ||
		     (head->len >= 3 && head->buf[head->len - 2] == '\r' &&
		      head->buf[head->len - 3] == '\n'))) {
			*consumed = i + 1;
			return 1;
		}
	}
	*consumed = len;
	return 0;
}

static int parse_decimal(const char *text, size_t len, uint64_t *value)
{
	uint64_t result = 0;
	size_t i;

	if (!len)
		return -EINVAL;
	for (i = 0; i < len; i++) {
		unsigned digit;

		if (!isdigit((unsigned char)text[i]))
			return -EINVAL;
		digit = (unsigned)(text[i] - '0');
		if (result > (UINT64_MAX - digit) / 10)
			return -EINVAL;
		result = result * 10 + digit;
	}
	*value = result;
	return 0;
}

static bool is_ows(char c)
{
	return c == ' ' || c == '\t';
}

/* Copies a value that must fit whole (a truncated Location or ETag would
 * be a different one). */
static int copy_value(char *dest, size_t size, const char *value, size_t len)
{
	if (len >= size)
		return -EINVAL;
	memcpy(dest, value, len);
	dest[len] = '\0';
	return 0;
}

static bool token_equals(const char *text, size_t len, const char *token)
{
	return strlen(token) == len && strncasecmp(text, token, len) == 0;
}

/* "HTTP/1.x NNN reason" */
static int parse_status_line(const char *line, size_t len,
			     struct http_response *rsp)
{
	uint64_t status;

	if (len < 12 || strncmp(line, "HTTP/1.", 7) != 0 ||
	    !isdigit((unsigned char)line[7]) || line[8] != ' ' ||
	    (len > 12 && line[12] != ' ') ||
	    parse_decimal(line + 9, 3, &status) || status < 100)
		return -EINVAL;
	rsp->status = (unsigned)status;
	/* The line is for messages: shortened if it must be. */
	if (len >= sizeof(rsp->status_line))
		len = sizeof(rsp->status_line) - 1;
	memcpy(rsp->status_line, line, len);
	rsp->status_line[len] = '\0';
	for (size_t i = 0; i < len; i++) {
		if (!isprint((unsigned char)rsp->status_line[i]))
			rsp->status_line[i] = '?';
	}
	return 0;
}

/* "bytes first-last/total" (total may be "*"); RFC 9110 section 14.4. */
static int parse_content_range(const char *value, size_t len,
			       struct http_response *rsp)
{
	const char *dash, *slash, *end = value + len;

	if (len < 6 || strncasecmp(value, "bytes ", 6) != 0)
		return -EINVAL;
	value += 6;
	dash = memchr(value, '-', (size_t)(end - value));
	slash = dash ? memchr(dash, '/', (size_t)(end - dash)) : NULL;
	if (!slash ||
	    parse_decimal(value, (size_t)(dash - value), &rsp->range_first) ||
	    parse_decimal(dash + 1, (size_t)(slash - dash - 1),
			  &rsp->range_last) ||
	    rsp->range_last < rsp->range_first)
		return -EINVAL;
	rsp->has_range_total = !(end - slash == 2 && slash[1] == '*');
	if (rsp->has_range_total &&
	    (parse_decimal(slash + 1, (size_t)(end - slash - 1),
			   &rsp->range_total) ||
	     rsp->range_last >= rsp->range_total))
		return -EINVAL;
	rsp->has_range = true;
	return 0;
}

/* The last coding must be chunked, and we know no other (RFC 9112
 * section 6.1): "gzip, chunked" would hand compressed data on. */
static int parse_transfer_encoding(const char *value, size_t len,
				   struct http_response *rsp)
{
	if (!token_equals(value, len, "chunked"))
		return -EPROTO;
	if (rsp->chunked)
		return -EPROTO;
	rsp->chunked = true;
	return 0;
}

static int parse_field(const char *name, size_t name_len, const char *value,
		       size_t len, struct http_response *rsp)
{
	uint64_t length;

	if (token_equals(name, name_len, "Content-Length")) {
		if (parse_decimal(value, len, &length))
			return -EINVAL;
		if (rsp->has_length && length != rsp->content_length)
			return -EPROTO;
		rsp->has_length = true;
		rsp->content_length = length;
	} else if (token_equals(name, name_len, "Transfer-Encoding")) {
		return parse_transfer_encoding(value, len, rsp);
	} else if (token_equals(name, name_len, "Location")) {
		return copy_value(rsp->location, sizeof(rsp->location), value,
				  len);
	} else if (token_equals(name, name_len, "ETag")) {
		/* A weak validator must not guard a range (RFC 9110 13.1.5). */
		if (len >= 2 && value[0] == 'W' && value[1] == '/')
			return 0;
		return copy_value(rsp->etag, sizeof(rsp->etag), value, len);
	} else if (token_equals(name, name_len, "Last-Modified")) {
		return copy_value(rsp->last_modified,
				  sizeof(rsp->last_modified), value, len);
	} else if (token_equals(name, name_len, "Content-Range")) {
		return parse_content_range(value, len, rsp);
	} else if (token_equals(name, name_len, "WWW-Authenticate")) {
		/* One we cannot read does not spoil the response. */
		http_parse_challenge(value, len, &rsp->challenge);
	}
	return 0;
}

static bool is_tchar(char c)
{
	return isalnum((unsigned char)c) || (c && strchr("!#$%&'*+-.^_`|~", c));
}

static int parse_field_line(const char *line, size_t len,
			    struct http_response *rsp)
{
	const char *colon = memchr(line, ':', len);
	const char *value, *end = line + len;
	size_t i;

	/* No name, or white space before the colon (RFC 9112 5.1). */
	if (!colon || colon == line)
		return -EINVAL;
	for (i = 0; line + i < colon; i++) {
		if (!is_tchar(line[i]))
			return -EINVAL;
	}
	value = colon + 1;
	while (value < end && is_ows(*value))
		value++;
	while (end > value && is_ows(end[-1]))
		end--;
	for (i = 0; value + i < end; i++) {
		unsigned char c = (unsigned char)value[i];

		if ((c < 0x20 && c != '\t') || c == 0x7f)
			return -EINVAL;
	}
	return parse_field(line, (size_t)(colon - line), value,
			   (size_t)(end - value), rsp);
}

int http_parse_response(const char *head, size_t len,
			struct http_response *rsp)
{
	const char *end = head + len;
	bool first = true;
	int rc;

	*rsp = (struct http_response){ 0 };
	while (head < end) {
		const char *lf = memchr(head, '\n', (size_t)(end - head));
		size_t line_len;

		if (!lf)
			return -EINVAL;		/* not a complete head */
		line_len = (size_t)(lf - head);
		if (line_len && head[line_len - 1] == '\r')
			line_len--;
		if (!line_len)
			/* The empty line: the head must end here. */
			return (!first && lf + 1 == end) ? 0 : -EINVAL;
		if (memchr(head, '\0', line_len) || memchr(head, '\r', line_len))
			return -EINVAL;
		if (first)
			rc = parse_status_line(head, line_len, rsp);
		else if (is_ows(head[0]))
			rc = -EINVAL;		/* obsolete line folding */
		else
			rc = parse_field_line(head, line_len, rsp);
		if (rc)
			return rc;
		first = false;
		head = lf + 1;
	}
	return -EINVAL;
}

/* ---- WWW-Authenticate (RFC 9110 section 11.6.1, RFC 7616, RFC 7617) ---- */

/* Reads one auth-param "name=token" or name="quoted string" at *pos. */
static int next_param(const char **pos, const char *end, const char **name,
		      size_t *name_len, char *value, size_t size)
{
	const char *p = *pos;
	size_t out = 0;

	while (p < end && (is_ows(*p) || *p == ','))
		p++;
	*name = p;
	while (p < end && is_tchar(*p))
		p++;
	*name_len = (size_t)(p - *name);
	while (p < end && is_ows(*p))
		p++;
	if (!*name_len || p == end || *p != '=')
		return -EINVAL;
	p++;
	while (p < end && is_ows(*p))
		p++;
	if (p < end && *p == '"') {
		for (p++; p < end && *p != '"'; p++) {
			if (*p == '\\' && p + 1 < end)
				p++;
			if (out + 1 >= size)
				return -EINVAL;
			value[out++] = *p;
		}
		if (p == end)
			return -EINVAL;		/* unterminated */
		p++;
	} else {
		for (; p < end && is_tchar(*p); p++) {
			if (out + 1 >= size)
				return -EINVAL;
			value[out++] = *p;
		}
	}
	value[out] = '\0';
	*pos = p;
	return 0;
}

/* "auth-int" and others may be offered beside "auth": we use "auth". */
static bool offers_qop_auth(const char *list)
{
	while (*list) {
		size_t len;

		while (*list == ' ' || *list == ',' || *list == '\t')
			list++;
		len = strcspn(list, " ,\t");
		if (len == 4 && strncasecmp(list, "auth", 4) == 0)
			return true;
		list += len;
	}
	return false;
}

static int parse_digest_params(const char *p, const char *end,
			       struct http_challenge *chal)
{
	char value[HTTP_CHALLENGE_FIELD_MAX];
	bool has_qop = false;

	while (p < end) {
		const char *name;
		size_t name_len;

		while (p < end && (is_ows(*p) || *p == ','))
			p++;
		if (p == end)
			break;
		if (next_param(&p, end, &name, &name_len, value, sizeof(value)))
			return -EINVAL;
		if (token_equals(name, name_len, "realm"))
			strlcpy(chal->realm, value, sizeof(chal->realm));
		else if (token_equals(name, name_len, "nonce"))
			strlcpy(chal->nonce, value, sizeof(chal->nonce));
		else if (token_equals(name, name_len, "opaque"))
			strlcpy(chal->opaque, value, sizeof(chal->opaque));
		else if (token_equals(name, name_len, "qop")) {
			has_qop = true;
			chal->qop_auth = offers_qop_auth(value);
		} else if (token_equals(name, name_len, "algorithm") &&
			   strcasecmp(value, "MD5") != 0)
			return -EINVAL;		/* SHA-256, MD5-sess: not ours */
	}
	/* A qop list without "auth" (only auth-int) is one we cannot meet. */
	if (!chal->nonce[0] || (has_qop && !chal->qop_auth))
		return -EINVAL;
	return 0;
}

int http_parse_challenge(const char *value, size_t len,
			 struct http_challenge *chal)
{
	struct http_challenge parsed = { 0 };
	const char *end = value + len, *scheme = value, *p;

	while (scheme < end && is_ows(*scheme))
		scheme++;
	for (p = scheme; p < end && is_tchar(*p); p++)
		;
	if (token_equals(scheme, (size_t)(p - scheme), "Digest")) {
		parsed.scheme = HTTP_AUTH_DIGEST;
		if (parse_digest_params(p, end, &parsed))
			return -EINVAL;
	} else if (token_equals(scheme, (size_t)(p - scheme), "Basic")) {
		parsed.scheme = HTTP_AUTH_BASIC;
	} else {
		return -EINVAL;
	}
	/* Digest never sends the password: prefer it when both are offered. */
	if (parsed.scheme > chal->scheme)
		*chal = parsed;
	return 0;
}
