/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * PEM certificates (see wireboot/pem.h). The body is decoded as RFC 7468
 * asks of a lax reader: whitespace anywhere is skipped, padding only at
 * the end, nothing but base64 in between. The text need not be
 * NUL-terminated (it is an image or a file's bytes).
 */

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <wireboot/pem.h>

static const char begin_line[] = "-----BEGIN CERTIFICATE-----";
static const char end_line[] = "-----END CERTIFICATE-----";

/* Where needle first occurs in hay[0..len), or NULL. */
static const char *find(const char *hay, size_t len, const char *needle)
{
	size_t n = strlen(needle), i;

	for (i = 0; i + n <= len; i++)
		if (hay[i] == needle[0] && memcmp(hay + i, needle, n) == 0)
			return hay + i;
	return NULL;
}

static int sextet(char c)
{
	if (c >= 'A' && c <= 'Z')
		return c - 'A';
	if (c >= 'a' && c <= 'z')
		return c - 'a' + 26;
	if (c >= '0' && c <= '9')
		return c - '0' + 52;
	if (c == '+')
		return 62;
	if (c == '/')
		return 63;
	return -1;
}

static int is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

/* Decodes body[0..len) into out (room for len * 3 / 4 bytes). */
static int decode(const char *body, size_t len, uint8_t *out, size_t *out_len)
{
	uint32_t group = 0;
	unsigned count = 0, pad = 0;
	size_t used = 0, i;

	for (i = 0; i < len; i++) {
		int value;

		if (is_space(body[i]))
			continue;
		if (body[i] == '=') {
			pad++;
			value = 0;
		} else {
			value = sextet(body[i]);
			if (value < 0 || pad)
				return -EINVAL;
		}
		group = group << 6 | (uint32_t)value;
		if (++count < 4)
			continue;
		if (pad > 2)
			return -EINVAL;
		out[used++] = (uint8_t)(group >> 16);
		if (pad < 2)
			out[used++] = (uint8_t)(group >> 8);
		if (pad < 1)
			out[used++] = (uint8_t)group;
		count = 0;
		group = 0;
		if (pad)
			break;
	}
	/* A whole number of groups, and after padding only whitespace. */
	if (count)
		return -EINVAL;
	for (i++; i < len; i++)
		if (!is_space(body[i]))
			return -EINVAL;
	if (!used)
		return -EINVAL;
	*out_len = used;
	return 0;
}

int pem_next_certificate(const void *text, size_t len, size_t *offset,
			 uint8_t **der, size_t *der_len)
{
	const char *start = (const char *)text + *offset;
	size_t left = *offset <= len ? len - *offset : 0;
	const char *begin, *body, *end;
	uint8_t *out;
	int rc;

	begin = find(start, left, begin_line);
	if (!begin)
		return -ENOENT;
	body = begin + strlen(begin_line);
	end = find(body, left - (size_t)(body - start), end_line);
	if (!end)
		return -EINVAL;
	out = malloc((size_t)(end - body) / 4 * 3 + 1);
	if (!out)
		return -ENOMEM;
	rc = decode(body, (size_t)(end - body), out, der_len);
	if (rc) {
		free(out);
		return rc;
	}
	*der = out;
	*offset = (size_t)(end - (const char *)text) + strlen(end_line);
	return 0;
}
