/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef NET_TLS_RECORD_H
#define NET_TLS_RECORD_H

/*
 * The glue between TCP and the TLS library: a queue of what TCP delivered
 * that the library's receive callback reads from, in any amounts, and a
 * look at the first bytes a server sends, to tell a TLS server from one
 * that speaks something else (RFC 8446 5.1: a record is type, legacy
 * version 3.x, length of at most 2^14 + 2048).
 */

#include <stddef.h>
#include <stdint.h>
#include <wireboot/list.h>

struct io_buffer;

struct tls_rxq {
	struct list_head bufs;	/* io_buffers, oldest first */
	size_t len;		/* bytes in all of them */
};

void tls_rxq_init(struct tls_rxq *q);
/* Appends iob (the queue owns it; an empty one is freed). */
void tls_rxq_push(struct tls_rxq *q, struct io_buffer *iob);
/* Copies up to len bytes from the front into buf and removes them;
 * returns how many (0 when empty). */
size_t tls_rxq_pull(struct tls_rxq *q, void *buf, size_t len);
/* Copies up to len bytes from the front without removing them. */
size_t tls_rxq_peek(const struct tls_rxq *q, void *buf, size_t len);
/* Drops everything. */
void tls_rxq_flush(struct tls_rxq *q);

#define TLS_RECORD_HEADER 5
#define TLS_RECORD_MAX (16384 + 2048)

enum tls_sniff {
	TLS_SNIFF_MORE,		/* fewer than TLS_RECORD_HEADER bytes */
	TLS_SNIFF_TLS,		/* a plausible record header */
	TLS_SNIFF_HTTP,		/* "HTTP/": a plain HTTP server */
	TLS_SNIFF_OTHER,	/* anything else */
};

/* What the first len bytes a server sent look like. */
enum tls_sniff tls_sniff(const uint8_t *data, size_t len);

#endif
