/* SPDX-License-Identifier: GPL-2.0-or-later */
// FIRMWARE_SOURCES: src/net/tls_record.c src/core/iobuf.c src/core/string.c
/*
 * The TLS receive queue as the I/O callbacks drive it, on any sequence:
 * the input is a program of steps (a segment of n bytes pushed, a pull or
 * a peek of n bytes, a flush, the first-record check). A model of the
 * queue (one flat buffer) must agree with it at every step.
 */

#include <stdlib.h>
#include <string.h>
#include <net/tls_record.h>
#include <wireboot/iobuf.h>
#include "fuzz_input.h"

struct io_buffer *wb_alloc_iob(size_t len);
void wb_tls_rxq_init(struct tls_rxq *q);
void wb_tls_rxq_push(struct tls_rxq *q, struct io_buffer *iob);
size_t wb_tls_rxq_pull(struct tls_rxq *q, void *buf, size_t len);
size_t wb_tls_rxq_peek(const struct tls_rxq *q, void *buf, size_t len);
void wb_tls_rxq_flush(struct tls_rxq *q);
enum tls_sniff wb_tls_sniff(const uint8_t *data, size_t len);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define MODEL_MAX 65536

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static uint8_t model[MODEL_MAX], out[MODEL_MAX];
	size_t model_len = 0;
	struct tls_rxq q;

	fuzz_input(data, size);
	wb_tls_rxq_init(&q);
	while (fuzz_in_left) {
		uint8_t op = take8();
		size_t n = take16() % 20000, got;
		struct io_buffer *iob;
		uint8_t *buf;

		switch (op % 5) {
		case 0:
			if (n > fuzz_in_left)
				n = fuzz_in_left;
			if (model_len + n > MODEL_MAX)
				break;
			iob = wb_alloc_iob(n ? n : 1);
			if (!iob)
				break;
			take_bytes(iob_put(iob, n), n);
			memcpy(model + model_len, iob->data, n);
			model_len += n;
			wb_tls_rxq_push(&q, iob);
			break;
		case 1:
		case 2:
			buf = malloc(n ? n : 1);	/* exact size */
			if (!buf)
				break;
			got = op % 5 == 1 ? wb_tls_rxq_pull(&q, buf, n)
					  : wb_tls_rxq_peek(&q, buf, n);
			if (got != (n < model_len ? n : model_len) ||
			    memcmp(buf, model, got) != 0)
				abort();
			if (op % 5 == 1) {
				memmove(model, model + got, model_len - got);
				model_len -= got;
			}
			free(buf);
			break;
		case 3:
			wb_tls_rxq_flush(&q);
			model_len = 0;
			break;
		default:
			got = wb_tls_rxq_peek(&q, out, TLS_RECORD_HEADER);
			if (wb_tls_sniff(out, got) == TLS_SNIFF_MORE &&
			    got >= TLS_RECORD_HEADER)
				abort();
			break;
		}
		if (q.len != model_len)
			abort();
	}
	wb_tls_rxq_flush(&q);
	return 0;
}
