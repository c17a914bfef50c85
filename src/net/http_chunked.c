/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The chunked transfer coding (RFC 9112 section 7.1), decoded as a state
 * machine over single bytes of framing, so that input split anywhere (one
 * byte per TCP segment, a size line across two) decodes the same. Data is
 * never copied: the caller is told where the run of data lies in its own
 * buffer. Sizes have at most 16 hex digits and are checked for overflow;
 * extensions and trailers are skipped, within bounds; a missing CRLF
 * after a chunk's data is an error (it would mean the sizes lie). A bare
 * LF ends a line as well as CRLF does.
 */

#include <ctype.h>
#include <errno.h>
#include <net/http.h>

#define CHUNK_SIZE_DIGITS_MAX 16
#define CHUNK_LINE_MAX 4096		/* an extension or one trailer */
#define CHUNK_TRAILERS_MAX 16384

enum chunked_state {
	CHUNK_SIZE,		/* hex digits */
	CHUNK_EXT,		/* after ';' up to the line end */
	CHUNK_SIZE_LF,		/* CR seen after the size */
	CHUNK_DATA,
	CHUNK_DATA_CR,		/* the CRLF after the data */
	CHUNK_DATA_LF,
	CHUNK_TRAILER_START,	/* a trailer line or the final empty line */
	CHUNK_TRAILER,
	CHUNK_TRAILER_LF,
	CHUNK_FINAL_LF,		/* CR of the final empty line seen */
	CHUNK_DONE,
};

static int hex_value(uint8_t c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	c = (uint8_t)tolower(c);
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	return -1;
}

/* The size line has ended: data follows, or the trailers after size 0. */
static void size_line_done(struct http_chunked *chunked)
{
	chunked->state = chunked->remaining ? CHUNK_DATA : CHUNK_TRAILER_START;
}

/* One byte of framing: 0, or -EINVAL. */
static int framing_byte(struct http_chunked *chunked, uint8_t c)
{
	int digit;

	switch (chunked->state) {
	case CHUNK_SIZE:
		digit = hex_value(c);
		if (digit >= 0) {
			if (++chunked->digits > CHUNK_SIZE_DIGITS_MAX)
				return -EINVAL;
			chunked->remaining = chunked->remaining << 4 |
					     (unsigned)digit;
			return 0;
		}
		if (!chunked->digits)
			return -EINVAL;
		if (c == ';' || c == ' ' || c == '\t') {
			chunked->state = CHUNK_EXT;
			chunked->line_len = 0;
		} else if (c == '\r') {
			chunked->state = CHUNK_SIZE_LF;
		} else if (c == '\n') {
			size_line_done(chunked);
		} else {
			return -EINVAL;
		}
		return 0;
	case CHUNK_EXT:
		if (c == '\r')
			chunked->state = CHUNK_SIZE_LF;
		else if (c == '\n')
			size_line_done(chunked);
		else if (++chunked->line_len > CHUNK_LINE_MAX || c == 0)
			return -EINVAL;
		return 0;
	case CHUNK_SIZE_LF:
		if (c != '\n')
			return -EINVAL;
		size_line_done(chunked);
		return 0;
	case CHUNK_DATA_CR:
		if (c == '\n') {
			chunked->state = CHUNK_SIZE;
			chunked->digits = 0;
			return 0;
		}
		if (c != '\r')
			return -EINVAL;
		chunked->state = CHUNK_DATA_LF;
		return 0;
	case CHUNK_DATA_LF:
		if (c != '\n')
			return -EINVAL;
		chunked->state = CHUNK_SIZE;
		chunked->digits = 0;
		return 0;
	case CHUNK_TRAILER_START:
		if (c == '\r') {
			chunked->state = CHUNK_FINAL_LF;
			return 0;
		}
		if (c == '\n') {
			chunked->state = CHUNK_DONE;
			return 0;
		}
		/* The byte belongs to the trailer. */
		chunked->state = CHUNK_TRAILER;
		chunked->line_len = 0;
		/* fall through */
	case CHUNK_TRAILER:
		if (++chunked->trailer_len > CHUNK_TRAILERS_MAX)
			return -EINVAL;
		if (c == '\r')
			chunked->state = CHUNK_TRAILER_LF;
		else if (c == '\n')
			chunked->state = CHUNK_TRAILER_START;
		else if (++chunked->line_len > CHUNK_LINE_MAX || c == 0)
			return -EINVAL;
		return 0;
	case CHUNK_TRAILER_LF:
		if (c != '\n')
			return -EINVAL;
		chunked->state = CHUNK_TRAILER_START;
		return 0;
	case CHUNK_FINAL_LF:
		if (c != '\n')
			return -EINVAL;
		chunked->state = CHUNK_DONE;
		return 0;
	default:
		return -EINVAL;
	}
}

int http_chunked_decode(struct http_chunked *chunked, const uint8_t *in,
			size_t len, size_t *consumed, size_t *data_start,
			size_t *data_len)
{
	size_t pos = 0;
	int rc;

	*data_start = 0;
	*data_len = 0;
	while (pos < len && chunked->state != CHUNK_DONE) {
		if (chunked->state == CHUNK_DATA) {
			size_t run = len - pos;

			if (run > chunked->remaining)
				run = (size_t)chunked->remaining;
			*data_start = pos;
			*data_len = run;
			chunked->remaining -= run;
			pos += run;
			if (!chunked->remaining)
				chunked->state = CHUNK_DATA_CR;
			break;
		}
		rc = framing_byte(chunked, in[pos]);
		if (rc) {
			*consumed = pos;
			return rc;
		}
		pos++;
	}
	*consumed = pos;
	return chunked->state == CHUNK_DONE;
}
