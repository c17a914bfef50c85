/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * TFTP packet building and parsing (see net/tftp.h). OACK and ERROR bodies
 * come from the network: every string must end inside the packet, numbers
 * are checked for overflow, and anything we did not ask for is refused.
 */

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <net/tftp.h>

/* Appends text with its NUL; false if it does not fit. */
static bool put_string(char *buf, size_t len, size_t *pos, const char *text)
{
	size_t text_len = strlen(text) + 1;

	if (text_len > len - *pos)
		return false;
	memcpy(buf + *pos, text, text_len);
	*pos += text_len;
	return true;
}

static bool put_number_option(char *buf, size_t len, size_t *pos,
			      const char *name, unsigned value)
{
	char number[12];

	snprintf(number, sizeof(number), "%u", value);
	return put_string(buf, len, pos, name) &&
	       put_string(buf, len, pos, number);
}

int tftp_build_rrq(void *buf, size_t len, const char *filename,
		   const struct tftp_options *request)
{
	char *out = buf;
	size_t pos = 2;
	bool ok;

	if (!filename[0])
		return -EINVAL;
	if (len < 2)
		return -ENOSPC;
	out[0] = 0;
	out[1] = TFTP_RRQ;
	ok = put_string(out, len, &pos, filename) &&
	     put_string(out, len, &pos, "octet");
	if (ok && request->blksize)
		ok = put_number_option(out, len, &pos, "blksize", request->blksize);
	if (ok && request->tsize)
		ok = put_number_option(out, len, &pos, "tsize", 0);
	if (ok && request->timeout)
		ok = put_number_option(out, len, &pos, "timeout", request->timeout);
	if (ok && request->windowsize)
		ok = put_number_option(out, len, &pos, "windowsize",
				       request->windowsize);
	return ok ? (int)pos : -ENOSPC;
}

/* A decimal number with no sign, spaces or leading junk, within max. */
static int parse_number(const char *text, uint64_t max, uint64_t *value)
{
	uint64_t result = 0;

	if (!*text)
		return -EINVAL;
	for (; *text; text++) {
		unsigned digit;

		if (*text < '0' || *text > '9')
			return -EINVAL;
		digit = (unsigned)(*text - '0');
		if (result > (max - digit) / 10)
			return -EINVAL;
		result = result * 10 + digit;
	}
	*value = result;
	return 0;
}

/* The next NUL-terminated string at *pos, or NULL if it runs off the end. */
static const char *next_string(const char *data, size_t len, size_t *pos)
{
	const char *start = data + *pos;
	const char *nul = memchr(start, '\0', len - *pos);

	if (!nul)
		return NULL;
	*pos += (size_t)(nul - start) + 1;
	return start;
}

enum { SEEN_BLKSIZE = 1, SEEN_TSIZE = 2, SEEN_TIMEOUT = 4, SEEN_WINDOWSIZE = 8 };

static int accept_option(const char *name, uint64_t value,
			 const struct tftp_options *request,
			 struct tftp_options *accepted, unsigned *seen)
{
	unsigned flag;

	if (strcasecmp(name, "blksize") == 0 && request->blksize) {
		flag = SEEN_BLKSIZE;
		if (value < TFTP_MIN_BLKSIZE || value > request->blksize)
			return -EINVAL;
		accepted->blksize = (unsigned)value;
	} else if (strcasecmp(name, "windowsize") == 0 && request->windowsize) {
		flag = SEEN_WINDOWSIZE;
		if (value < 1 || value > request->windowsize)
			return -EINVAL;
		accepted->windowsize = (unsigned)value;
	} else if (strcasecmp(name, "timeout") == 0 && request->timeout) {
		flag = SEEN_TIMEOUT;
		if (value != request->timeout)
			return -EINVAL;
		accepted->timeout = (unsigned)value;
	} else if (strcasecmp(name, "tsize") == 0 && request->tsize) {
		flag = SEEN_TSIZE;
		accepted->tsize = true;
		accepted->tsize_value = value;
	} else {
		return -EINVAL;
	}
	if (*seen & flag)
		return -EINVAL;
	*seen |= flag;
	return 0;
}

int tftp_parse_oack(const void *data, size_t len,
		    const struct tftp_options *request,
		    struct tftp_options *accepted)
{
	const char *text = data;
	unsigned seen = 0;
	size_t pos = 0;

	memset(accepted, 0, sizeof(*accepted));
	accepted->blksize = TFTP_DEFAULT_BLKSIZE;
	accepted->windowsize = 1;
	while (pos < len) {
		const char *name = next_string(text, len, &pos);
		const char *value_text;
		uint64_t value;

		if (!name)
			return -EINVAL;
		/* Some servers pad with NULs after the last option. */
		if (!*name) {
			while (pos < len && !text[pos])
				pos++;
			if (pos == len)
				break;
			return -EINVAL;
		}
		value_text = pos < len ? next_string(text, len, &pos) : NULL;
		if (!value_text || parse_number(value_text, UINT64_MAX, &value) ||
		    accept_option(name, value, request, accepted, &seen))
			return -EINVAL;
	}
	return 0;
}

int tftp_parse_error(const void *data, size_t len, unsigned *code, char *msg,
		     size_t msg_len)
{
	const uint8_t *bytes = data;
	size_t i, out = 0;

	if (len < 2 || msg_len == 0)
		return -EINVAL;
	*code = (unsigned)bytes[0] << 8 | bytes[1];
	for (i = 2; i < len && bytes[i] && out + 1 < msg_len; i++)
		msg[out++] = (bytes[i] >= 0x20 && bytes[i] < 0x7f) ? (char)bytes[i] : '?';
	msg[out] = '\0';
	return 0;
}

int tftp_error_rc(unsigned code)
{
	switch (code) {
	case TFTP_ERR_NOT_FOUND:
		return -ENOENT;
	case TFTP_ERR_ACCESS:
	case TFTP_ERR_NO_USER:
		return -EACCES;
	case TFTP_ERR_DISK_FULL:
		return -ENOSPC;
	case TFTP_ERR_ILLEGAL_OP:
	case TFTP_ERR_UNKNOWN_TID:
		return -EPROTO;
	case TFTP_ERR_EXISTS:
		return -EEXIST;
	case TFTP_ERR_OPTIONS:
		return -ENOTSUP;
	default:
		return -EIO;
	}
}
