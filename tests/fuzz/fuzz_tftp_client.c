/* SPDX-License-Identifier: GPL-2.0-or-later */
// FIRMWARE_SOURCES: src/net/tftp.c src/net/tftp_packet.c src/net/rtt_estimator.c src/net/named_socket.c src/net/resolv.c src/net/socket.c src/net/inet.c src/core/open.c src/core/process.c src/core/interface.c src/core/xfer.c src/core/iobuf.c src/core/retry.c src/core/uri.c src/core/string.c src/core/strtoul.c src/core/vsprintf.c src/core/errors.c
/*
 * The TFTP client's state machine on sequences of datagrams (see
 * fuzz_sequence.h): one transfer, opened through the "tftp" URI opener,
 * receives whatever the input holds (OACKs, data blocks, errors, garbage)
 * with time passing in between. The first input byte picks the URI (and
 * so the options asked for); control bits 2-3 pick the sender (the
 * server's transfer port, another port, the request port, another
 * address).
 *
 * What must hold: the receiver gets the file in order, each byte once
 * (the n-th block delivered is the payload of a DATA block n the input
 * brought: the one arriving, or one kept from before), in
 * blocks no larger than asked for (or than a server ignoring options
 * may send); the client sends only requests,
 * acknowledgements and errors; and the transfer ends (or is cancelled)
 * without leaving a socket.
 */

#include "fake_inet_family.h"
#include "fuzz_sequence.h"

#include <wireboot/uri.h>

struct uri *wb_parse_uri(const char *text);
int wb_xfer_open_uri(struct interface *receiver, struct uri *uri);

#define SERVER_IP 0x0a000001
#define SERVER_TID 40000

/* No settings: the URI decides. */
int fetchf_setting(const char *name, char *buf, size_t len)
{
	(void)name;
	(void)buf;
	(void)len;
	return -ENOENT;
}

static void fake_server(const struct fake_sent *sent)
{
	unsigned opcode;

	if (sent->len < 4)
		__builtin_trap();
	opcode = (unsigned)sent->data[0] << 8 | sent->data[1];
	if (opcode != 1 && opcode != 4 && opcode != 5)
		__builtin_trap();
}

/* The DATA packets of the input (the client may keep blocks that arrive
 * early and deliver them later). */
#define MAX_DATA_RECORDS 4096
static struct fuzz_record data_records[MAX_DATA_RECORDS];
static unsigned data_record_count;

/* The n-th block delivered is the payload of a DATA packet numbered n
 * (modulo 2^16) that the input brought. */
static void check_block(struct sink *sink, const void *data, size_t len,
			uint64_t offset)
{
	unsigned number = sink->deliveries & 0xffff;
	unsigned i;

	(void)offset;
	for (i = 0; i < data_record_count; i++) {
		const struct fuzz_record *r = &data_records[i];

		if (r->len - 4 == len &&
		    ((unsigned)r->data[2] << 8 | r->data[3]) == number &&
		    memcmp(r->data + 4, data, len) == 0)
			return;
	}
	__builtin_trap();
}

static uint16_t transfer_port;

static void queue_datagram(const struct fuzz_record *record)
{
	static const uint32_t senders[4] = {
		SERVER_IP, SERVER_IP, SERVER_IP, SERVER_IP + 1,
	};
	static const uint16_t ports[4] = {
		SERVER_TID, SERVER_TID + 1, 69, SERVER_TID,
	};
	unsigned who = (record->control >> 2) & 3;

	if (fake_last_socket)
		transfer_port = ntohs(fake_last_socket->local.st_port);
	if (record->len >= 4 && record->data[0] == 0 && record->data[1] == 3 &&
	    data_record_count < MAX_DATA_RECORDS)
		data_records[data_record_count++] = *record;
	fake_reply_port(transfer_port, NULL, record->data, record->len,
			fake_addr(senders[who], ports[who]));
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const urls[4] = {
		"tftp://10.0.0.1/f",
		"tftp://10.0.0.1/f?blksize=8&windowsize=4",
		"tftp://10.0.0.1/f?blksize=0&windowsize=0&tsize=0",
		"tftp://10.0.0.1/f?blksize=512&windowsize=1&timeout=1",
	};
	/* The largest block each may bring: what was asked for, or the
	 * 512 bytes of RFC 1350 from a server that ignores options. */
	static const size_t blksizes[4] = { 1432, 512, 512, 512 };
	static struct sink rx;
	struct uri *uri;

	if (size < 1)
		return 0;
	fuzz_reset();
	data_record_count = 0;
	sink_init(&rx, 0);
	rx.capacity = SIZE_MAX;		/* count, do not keep */
	rx.check = check_block;
	uri = wb_parse_uri(urls[data[0] & 3]);
	if (!uri || wb_xfer_open_uri(&rx.intf, uri) != 0)
		__builtin_trap();
	uri_put(uri);
	/* The name resolves and the request goes out. */
	fake_pass();
	fake_pass();
	fuzz_feed_records(data + 1, size - 1, queue_datagram);
	if (rx.discontiguous || rx.relative_seen)
		__builtin_trap();
	if (rx.max_delivery > blksizes[data[0] & 3])
		__builtin_trap();
	fuzz_finish(&rx);
	return 0;
}
