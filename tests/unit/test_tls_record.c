/* SPDX-License-Identifier: GPL-2.0-or-later */
// FIRMWARE_SOURCES: src/net/tls_record.c src/core/iobuf.c src/core/string.c
/*
 * The TLS receive queue and the first-record check: reads of every size
 * across segment edges give the bytes in order and nothing else, peeking
 * leaves them, empty segments and an empty queue are harmless, flushing
 * frees everything (the sanitizer sees leaks); record headers of every
 * type and version TLS has, and what a plain HTTP server, garbage, an
 * oversized or empty record look like.
 */

#include <stdlib.h>
#include <string.h>
#include <net/tls_record.h>
#include <wireboot/iobuf.h>
#include "unit.h"

struct io_buffer *wb_alloc_iob(size_t len);
void wb_free_iob(struct io_buffer *iob);
void wb_tls_rxq_init(struct tls_rxq *q);
void wb_tls_rxq_push(struct tls_rxq *q, struct io_buffer *iob);
size_t wb_tls_rxq_pull(struct tls_rxq *q, void *buf, size_t len);
size_t wb_tls_rxq_peek(const struct tls_rxq *q, void *buf, size_t len);
void wb_tls_rxq_flush(struct tls_rxq *q);
enum tls_sniff wb_tls_sniff(const uint8_t *data, size_t len);

static void push_bytes(struct tls_rxq *q, const uint8_t *data, size_t len)
{
	struct io_buffer *iob = wb_alloc_iob(len ? len : 1);

	memcpy(iob_put(iob, len), data, len);
	wb_tls_rxq_push(q, iob);
}

static void test_queue(void)
{
	static uint8_t data[10000], out[10000];
	struct tls_rxq q;
	size_t segment, piece, done, i;

	for (i = 0; i < sizeof(data); i++)
		data[i] = (uint8_t)(i * 7 + i / 251);
	for (segment = 1; segment <= 4097; segment += 1024) {
		for (piece = 1; piece <= 16389; piece += 2730) {
			wb_tls_rxq_init(&q);
			for (done = 0; done < sizeof(data); done += segment)
				push_bytes(&q, data + done,
					   sizeof(data) - done < segment ?
					   sizeof(data) - done : segment);
			push_bytes(&q, data, 0);	/* freed, not queued */
			CHECK_INT(q.len, sizeof(data));
			CHECK_INT(wb_tls_rxq_peek(&q, out, 5), 5);
			CHECK(memcmp(out, data, 5) == 0);
			for (done = 0; done < sizeof(data);) {
				size_t got = wb_tls_rxq_pull(&q, out + done, piece);

				if (!CHECK(got > 0))
					break;
				done += got;
			}
			CHECK_INT(done, sizeof(data));
			CHECK(memcmp(out, data, sizeof(data)) == 0);
			CHECK_INT(q.len, 0);
			CHECK_INT(wb_tls_rxq_pull(&q, out, 10), 0);
			CHECK_INT(wb_tls_rxq_peek(&q, out, 10), 0);
		}
	}
	/* A peek longer than the queue; flushing what is left. */
	wb_tls_rxq_init(&q);
	push_bytes(&q, data, 3);
	push_bytes(&q, data + 3, 4);
	CHECK_INT(wb_tls_rxq_peek(&q, out, 100), 7);
	CHECK_INT(wb_tls_rxq_pull(&q, out, 2), 2);
	CHECK_INT(q.len, 5);
	wb_tls_rxq_flush(&q);
	CHECK_INT(q.len, 0);
	CHECK_INT(wb_tls_rxq_pull(&q, out, 10), 0);
}

static void test_sniff(void)
{
	static const uint8_t hello[] = { 22, 3, 3, 0, 122 };
	static const uint8_t alert[] = { 21, 3, 1, 0, 2 };
	static const uint8_t tls13_data[] = { 23, 3, 3, 0x48, 0x00 };
	static const uint8_t too_long[] = { 23, 3, 3, 0x48, 0x01 };
	static const uint8_t empty[] = { 22, 3, 3, 0, 0 };
	static const uint8_t sslv2[] = { 0x80, 0x2e, 0x01, 0x03, 0x01 };
	static const uint8_t version4[] = { 22, 4, 0, 0, 10 };
	static const uint8_t type24[] = { 24, 3, 3, 0, 10 };

	CHECK_INT(wb_tls_sniff(hello, sizeof(hello)), TLS_SNIFF_TLS);
	CHECK_INT(wb_tls_sniff(alert, sizeof(alert)), TLS_SNIFF_TLS);
	CHECK_INT(wb_tls_sniff(tls13_data, sizeof(tls13_data)), TLS_SNIFF_TLS);
	CHECK_INT(wb_tls_sniff(hello, 4), TLS_SNIFF_MORE);
	CHECK_INT(wb_tls_sniff(hello, 0), TLS_SNIFF_MORE);
	CHECK_INT(wb_tls_sniff(too_long, sizeof(too_long)), TLS_SNIFF_OTHER);
	CHECK_INT(wb_tls_sniff(empty, sizeof(empty)), TLS_SNIFF_OTHER);
	CHECK_INT(wb_tls_sniff(sslv2, sizeof(sslv2)), TLS_SNIFF_OTHER);
	CHECK_INT(wb_tls_sniff(version4, sizeof(version4)), TLS_SNIFF_OTHER);
	CHECK_INT(wb_tls_sniff(type24, sizeof(type24)), TLS_SNIFF_OTHER);
	CHECK_INT(wb_tls_sniff((const uint8_t *)"HTTP/1.1 400 Bad Request", 24),
		  TLS_SNIFF_HTTP);
	CHECK_INT(wb_tls_sniff((const uint8_t *)"<html>", 6), TLS_SNIFF_OTHER);
}

int main(void)
{
	test_queue();
	test_sniff();
	return unit_finish();
}
