/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The TLS receive queue and the first-record check (see net/tls_record.h).
 * The library asks for a record header, then the record, in whatever
 * pieces it likes; TCP hands over segments. The queue keeps the segments
 * as they came and copies out across their edges, so nothing is copied
 * twice and nothing is assembled that the library does not ask for.
 */

#include <string.h>
#include <net/tls_record.h>
#include <wireboot/iobuf.h>

void tls_rxq_init(struct tls_rxq *q)
{
	INIT_LIST_HEAD(&q->bufs);
	q->len = 0;
}

void tls_rxq_push(struct tls_rxq *q, struct io_buffer *iob)
{
	if (!iob_len(iob)) {
		free_iob(iob);
		return;
	}
	q->len += iob_len(iob);
	list_add_tail(&iob->list, &q->bufs);
}

static size_t copy_out(const struct tls_rxq *q, uint8_t *out, size_t len)
{
	struct io_buffer *iob;
	size_t done = 0;

	list_for_each_entry(iob, &q->bufs, list) {
		size_t n = iob_len(iob);

		if (done == len)
			break;
		if (n > len - done)
			n = len - done;
		memcpy(out + done, iob->data, n);
		done += n;
	}
	return done;
}

size_t tls_rxq_peek(const struct tls_rxq *q, void *buf, size_t len)
{
	return copy_out(q, buf, len);
}

size_t tls_rxq_pull(struct tls_rxq *q, void *buf, size_t len)
{
	size_t done = copy_out(q, buf, len), left = done;
	struct io_buffer *iob, *next;

	list_for_each_entry_safe(iob, next, &q->bufs, list) {
		size_t n = iob_len(iob);

		if (!left)
			break;
		if (n > left) {
			iob_pull(iob, left);
			break;
		}
		left -= n;
		list_del(&iob->list);
		free_iob(iob);
	}
	q->len -= done;
	return done;
}

void tls_rxq_flush(struct tls_rxq *q)
{
	struct io_buffer *iob, *next;

	list_for_each_entry_safe(iob, next, &q->bufs, list) {
		list_del(&iob->list);
		free_iob(iob);
	}
	q->len = 0;
}

enum tls_sniff tls_sniff(const uint8_t *data, size_t len)
{
	unsigned type, length;

	if (len >= 5 && memcmp(data, "HTTP/", 5) == 0)
		return TLS_SNIFF_HTTP;
	if (len < TLS_RECORD_HEADER)
		return TLS_SNIFF_MORE;
	type = data[0];
	length = (unsigned)data[3] << 8 | data[4];
	/* change_cipher_spec, alert, handshake, application_data. */
	if (type < 20 || type > 23 || data[1] != 3 || data[2] > 4 ||
	    length == 0 || length > TLS_RECORD_MAX)
		return TLS_SNIFF_OTHER;
	return TLS_SNIFF_TLS;
}
