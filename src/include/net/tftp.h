/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef NET_TFTP_H
#define NET_TFTP_H

/*
 * TFTP (RFC 1350) with the option extension (RFC 2347): blksize (RFC
 * 2348), tsize and timeout (RFC 2349), windowsize (RFC 7440). The client
 * registers the "tftp" URI opener; the packet helpers below need no
 * network, so tests and fuzzers use them directly.
 */

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define TFTP_PORT 69

enum {
	TFTP_RRQ = 1,
	TFTP_WRQ = 2,
	TFTP_DATA = 3,
	TFTP_ACK = 4,
	TFTP_ERROR = 5,
	TFTP_OACK = 6,
};

/* Error codes of ERROR packets. */
enum {
	TFTP_ERR_UNDEFINED = 0,
	TFTP_ERR_NOT_FOUND = 1,
	TFTP_ERR_ACCESS = 2,
	TFTP_ERR_DISK_FULL = 3,
	TFTP_ERR_ILLEGAL_OP = 4,
	TFTP_ERR_UNKNOWN_TID = 5,
	TFTP_ERR_EXISTS = 6,
	TFTP_ERR_NO_USER = 7,
	TFTP_ERR_OPTIONS = 8,
};

#define TFTP_DEFAULT_BLKSIZE 512
#define TFTP_MIN_BLKSIZE 8
#define TFTP_MAX_BLKSIZE 65464
#define TFTP_MAX_WINDOWSIZE 65535
#define TFTP_MAX_TIMEOUT 255

/* Transfer options; 0 means "not requested" in a request. */
struct tftp_options {
	unsigned blksize;
	unsigned windowsize;
	unsigned timeout;	/* seconds */
	bool tsize;		/* request: ask for it; reply: tsize_value is set */
	uint64_t tsize_value;
};

/*
 * Writes a read request for filename ("octet" mode) with the requested
 * options into buf; returns its length or -ENOSPC / -EINVAL.
 */
int tftp_build_rrq(void *buf, size_t len, const char *filename,
		   const struct tftp_options *request);

/*
 * Parses an OACK's body (after the opcode) against what was requested:
 * every option must be one we asked for, appear once, be a plain decimal
 * number and lie in range (blksize 8..requested, windowsize 1..requested,
 * timeout equal to the request). accepted starts from the RFC 1350
 * defaults. Returns 0 or -EINVAL.
 */
int tftp_parse_oack(const void *data, size_t len,
		    const struct tftp_options *request,
		    struct tftp_options *accepted);

/*
 * Parses an ERROR packet's body (after the opcode): the code and the
 * message, made printable and NUL-terminated in msg. Returns 0 or -EINVAL
 * if the body is shorter than a code.
 */
int tftp_parse_error(const void *data, size_t len, unsigned *code, char *msg,
		     size_t msg_len);

/* The error number for a TFTP error code (e.g. 1 gives -ENOENT). */
int tftp_error_rc(unsigned code);

#endif
