/* SPDX-License-Identifier: GPL-2.0-or-later */
// FIRMWARE_SOURCES: src/net/tcp.c src/net/tcp_packet.c src/net/rtt_estimator.c src/net/tcpip.c src/net/socket.c src/core/random_id.c
// FIRMWARE_SOURCES: src/core/iobuf.c src/core/retry.c src/core/interface.c src/core/xfer.c src/core/settings.c src/core/setting_types.c src/core/inet6.c src/core/string.c src/core/vsprintf.c src/core/errors.c
/*
 * TCP connections driven through a fake network protocol
 * (tcp_harness.h), the test playing the peer: the handshake and its
 * options (and a peer without any), data in order with delayed ACKs, out
 * of order with SACK blocks (their order with more holes than fit, how
 * soon they are sent),
 * duplicates and their D-SACK blocks, the receiver's window closed and
 * reopened, the peer's zero window and persist probes, window scaling,
 * retransmission with back-off and giving up, fast retransmit, RST in
 * every state (RFC 5961 challenge ACKs for inexact ones), a refused
 * connection, both ways of closing, bad segments, sequence numbers across
 * the wrap, the tcp-rcvbuf setting, the checksum, and a long transfer
 * through a lossy, reordering, duplicating peer.
 */

#include "tcp_harness.h"
#include <stdio.h>
#include "unit.h"

static uint32_t peer_seq;	/* the next sequence number the peer sends */
static uint32_t our_seq;	/* the next one we send (from the peer's view) */

static const struct sent_segment *sent_at(unsigned i)
{
	return i < fake_sent_count ? &fake_sent[i] : NULL;
}

/* Opens and completes the handshake with a peer that offers opts (NULL:
 * none) and a window field of window. */
static void establish_with(struct owner *owner, const struct tcp_options *opts,
			   uint16_t window, uint32_t peer_isn)
{
	const struct sent_segment *syn;

	CHECK_INT(owner_connect(owner), 0);
	syn = sent_at(0);
	CHECK(syn && syn->seg.flags == TCP_SYN);
	our_seq = syn->seg.seq + 1;
	peer_seq = peer_isn + 1;
	peer_send(peer_isn, our_seq, TCP_SYN | TCP_ACK, window, opts, NULL, 0);
}

static void establish(struct owner *owner)
{
	struct tcp_options opts = peer_syn_options(1460, 7);

	establish_with(owner, &opts, 65535, 0x10000000);
}

/* Timestamp option for the peer's segments after the handshake. */
static struct tcp_options peer_ts(void)
{
	struct tcp_options opts;

	memset(&opts, 0, sizeof(opts));
	opts.present = TCP_HAVE_TS;
	opts.tsval = 5000 + (uint32_t)(fake_now / 1000);
	opts.tsecr = last_sent() ? last_sent()->seg.opts.tsval : 0;
	return opts;
}

/* Peer data at its next sequence number. */
static void peer_data(const void *data, size_t len)
{
	struct tcp_options ts = peer_ts();

	peer_send(peer_seq, our_seq, TCP_ACK | TCP_PSH, 1000, &ts, data, len);
	peer_seq += (uint32_t)len;
}

static void test_handshake(void)
{
	struct owner owner;
	const struct sent_segment *syn, *ack;

	owner_init(&owner, 0);
	establish(&owner);
	syn = sent_at(0);
	CHECK(syn->csum_ok);
	CHECK_INT(syn->seg.opts.present, TCP_HAVE_MSS | TCP_HAVE_WSCALE |
		  TCP_HAVE_SACK_OK | TCP_HAVE_TS);
	CHECK_INT(syn->seg.opts.mss, 1460);		/* 1500 - 40 */
	CHECK_INT(syn->seg.opts.wscale, 6);		/* 2 MiB in 16 bits */
	CHECK_INT(syn->seg.window, 65535);		/* unscaled in a SYN */
	CHECK(ntohs(our_port) >= 49152);
	/* The ACK of the SYN-ACK, and the owner told it may send. */
	CHECK_INT(fake_sent_count, 2);
	ack = sent_at(1);
	CHECK_INT(ack->seg.flags, TCP_ACK);
	CHECK_INT(ack->seg.ack, 0x10000001);
	CHECK_INT(ack->seg.seq, our_seq);
	CHECK_INT(ack->seg.window, (2 << 20) >> 6);
	CHECK_INT(ack->seg.opts.present, TCP_HAVE_TS);
	CHECK_INT(ack->seg.opts.tsecr, 5000);
	CHECK_INT(owner.window_changes, 1);
	CHECK(wb_xfer_window(&owner.xfer) > 0);
	/* A request goes out at once, as one segment with a timestamp. */
	owner.request = "GET / HTTP/1.0\r\n\r\n";
	owner_window_changed(&owner.xfer);
	CHECK_INT(fake_sent_count, 3);
	CHECK_INT(last_sent()->seg.data_len, strlen(owner.request));
	CHECK(memcmp(last_sent()->data, owner.request, strlen(owner.request)) == 0);
	CHECK_INT(last_sent()->seg.flags, TCP_ACK | TCP_PSH);
	wb_intf_shutdown(&owner.xfer, -1);
	owner_free(&owner);
}

/* A peer with no options at all: 536-byte segments, no scaling, no
 * timestamps. Before the handshake the owner's window is 0. */
static void test_handshake_plain_peer(void)
{
	struct owner owner;
	char big[2000];

	owner_init(&owner, 0);
	CHECK_INT(owner_connect(&owner), 0);
	CHECK_INT(wb_xfer_window(&owner.xfer), 0);
	our_seq = sent_at(0)->seg.seq + 1;
	peer_send(777, our_seq, TCP_SYN | TCP_ACK, 8000, NULL, NULL, 0);
	peer_seq = 778;
	CHECK_INT(last_sent()->seg.opts.present, 0);
	CHECK_INT(last_sent()->seg.window, 65535);	/* capped, unscaled */
	memset(big, 'b', sizeof(big));
	{
		struct io_buffer *iob = wb_xfer_alloc_iob(&owner.xfer, sizeof(big));

		memcpy(iob_put(iob, sizeof(big)), big, sizeof(big));
		CHECK_INT(wb_xfer_deliver(&owner.xfer, iob, NULL), 0);
	}
	/* 536, 536, 536, 392 */
	CHECK_INT(fake_sent_count, 6);
	CHECK_INT(sent_at(2)->seg.data_len, 536);
	CHECK_INT(sent_at(5)->seg.data_len, 2000 - 3 * 536);
	CHECK_INT(sent_at(5)->seg.seq, our_seq + 3 * 536);
	wb_intf_shutdown(&owner.xfer, -1);
	owner_free(&owner);
}

static void test_data_in_order(void)
{
	struct owner owner;
	char seg[1448];
	unsigned before;

	owner_init(&owner, 1 << 16);
	establish(&owner);
	memset(seg, 'a', sizeof(seg));
	before = fake_sent_count;
	peer_data(seg, sizeof(seg));
	CHECK_INT(owner.received, sizeof(seg));
	CHECK_INT(fake_sent_count, before);		/* delayed */
	peer_data(seg, sizeof(seg));
	CHECK_INT(fake_sent_count, before + 1);		/* every second */
	CHECK_INT(last_sent()->seg.ack, peer_seq);
	peer_data(seg, 100);
	CHECK_INT(fake_sent_count, before + 1);
	fake_advance(39000);
	CHECK_INT(fake_sent_count, before + 1);
	fake_advance(2000);				/* 40 ms */
	CHECK_INT(fake_sent_count, before + 2);
	CHECK_INT(last_sent()->seg.ack, peer_seq);
	CHECK_INT(owner.received, 2 * sizeof(seg) + 100);
	/* A duplicate: delivered once, ACKed at once. */
	before = fake_sent_count;
	peer_seq -= 100;
	peer_data(seg, 100);
	CHECK_INT(owner.received, 2 * sizeof(seg) + 100);
	CHECK_INT(fake_sent_count, before + 1);
	CHECK_INT(last_sent()->seg.ack, peer_seq);
	/* Overlapping the old and the new: only the new goes up. */
	peer_seq -= 50;
	{
		char mixed[150];

		memset(mixed, 'a', 50);
		memset(mixed + 50, 'n', 100);
		peer_data(mixed, sizeof(mixed));
	}
	CHECK_INT(owner.received, 2 * sizeof(seg) + 200);
	CHECK_INT(owner.data[2 * sizeof(seg) + 100], 'n');
	CHECK_INT(owner.data[2 * sizeof(seg) + 99], 'a');
	wb_intf_shutdown(&owner.xfer, -1);
	owner_free(&owner);
}

static void test_out_of_order_sack(void)
{
	struct owner owner;
	uint8_t data[5000];
	uint32_t base;
	struct tcp_options ts;
	size_t i;

	for (i = 0; i < sizeof(data); i++)
		data[i] = (uint8_t)(i * 7);
	owner_init(&owner, sizeof(data));
	establish(&owner);
	base = peer_seq;
	/* [1000,2000) first: an immediate ACK at base with its SACK block. */
	ts = peer_ts();
	peer_send(base + 1000, our_seq, TCP_ACK, 1000, &ts, data + 1000, 1000);
	CHECK_INT(owner.received, 0);
	CHECK_INT(last_sent()->seg.ack, base);
	CHECK(last_sent()->seg.opts.present & TCP_HAVE_SACK);
	CHECK_INT(last_sent()->seg.opts.sack_count, 1);
	CHECK_INT(last_sent()->seg.opts.sack[0].left, base + 1000);
	CHECK_INT(last_sent()->seg.opts.sack[0].right, base + 2000);
	/* [3000,4000): a second block, first because it is the latest. */
	peer_send(base + 3000, our_seq, TCP_ACK, 1000, &ts, data + 3000, 1000);
	CHECK_INT(last_sent()->seg.opts.sack_count, 2);
	CHECK_INT(last_sent()->seg.opts.sack[0].left, base + 3000);
	CHECK_INT(last_sent()->seg.opts.sack[1].left, base + 1000);
	/* [1500,3500) overlaps both and fills the gap between them; what
	 * it repeats of [1000,2000) is reported first (D-SACK). */
	peer_send(base + 1500, our_seq, TCP_ACK, 1000, &ts, data + 1500, 2000);
	CHECK_INT(last_sent()->seg.opts.sack_count, 2);
	CHECK_INT(last_sent()->seg.opts.sack[0].left, base + 1500);
	CHECK_INT(last_sent()->seg.opts.sack[0].right, base + 2000);
	CHECK_INT(last_sent()->seg.opts.sack[1].left, base + 1000);
	CHECK_INT(last_sent()->seg.opts.sack[1].right, base + 4000);
	/* A duplicate of held data changes nothing but is ACKed, with a
	 * D-SACK block and then the block holding it. */
	peer_send(base + 3000, our_seq, TCP_ACK, 1000, &ts, data + 3000, 500);
	CHECK_INT(last_sent()->seg.opts.sack_count, 2);
	CHECK_INT(last_sent()->seg.opts.sack[0].left, base + 3000);
	CHECK_INT(last_sent()->seg.opts.sack[0].right, base + 3500);
	CHECK_INT(last_sent()->seg.opts.sack[1].left, base + 1000);
	CHECK_INT(last_sent()->seg.opts.sack[1].right, base + 4000);
	/* The hole filled: everything up in order, an ACK at once. */
	peer_send(base, our_seq, TCP_ACK, 1000, &ts, data, 1000);
	CHECK_INT(owner.received, 4000);
	CHECK(memcmp(owner.data, data, 4000) == 0);
	CHECK_INT(last_sent()->seg.ack, base + 4000);
	CHECK(!(last_sent()->seg.opts.present & TCP_HAVE_SACK));
	wb_intf_shutdown(&owner.xfer, -1);
	owner_free(&owner);
}

/* The SACK blocks of one ACK, as (left, right) offsets from base. */
static void check_sacks(uint32_t base, unsigned count, const uint32_t *edges)
{
	const struct tcp_options *opts = &last_sent()->seg.opts;
	unsigned i;

	CHECK_INT(opts->sack_count, count);
	for (i = 0; i < count && i < opts->sack_count; i++) {
		CHECK_INT(opts->sack[i].left, base + edges[2 * i]);
		CHECK_INT(opts->sack[i].right, base + edges[2 * i + 1]);
	}
}

/* More holes than blocks fit beside the timestamp (three): every
 * segment beyond a hole is ACKed at once; the block of the latest
 * arrival goes first, then those reported most recently (RFC 2018 4),
 * not the lowest ones, so a block is repeated in the ACKs after it
 * stopped growing; the hole filled, the blocks it passed go. */
static void test_sack_block_order(void)
{
	static const uint32_t first[] = { 1000, 2000 };
	static const uint32_t two[] = { 3000, 4000, 1000, 2000 };
	static const uint32_t three[] = { 5000, 6000, 3000, 4000, 1000, 2000 };
	static const uint32_t four[] = { 7000, 8000, 5000, 6000, 3000, 4000 };
	static const uint32_t grown[] = { 1000, 2500, 7000, 8000, 5000, 6000 };
	static const uint32_t filled[] = { 7000, 8000, 5000, 6000 };
	struct owner owner;
	uint8_t data[8000];
	struct tcp_options ts;
	uint32_t base;
	unsigned sent;

	memset(data, 0x5a, sizeof(data));
	owner_init(&owner, sizeof(data));
	establish(&owner);
	base = peer_seq;
	ts = peer_ts();
	sent = fake_sent_count;
	peer_send(base + 1000, our_seq, TCP_ACK, 1000, &ts, data, 1000);
	CHECK_INT(fake_sent_count, sent + 1);
	check_sacks(base, 1, first);
	peer_send(base + 3000, our_seq, TCP_ACK, 1000, &ts, data, 1000);
	check_sacks(base, 2, two);
	peer_send(base + 5000, our_seq, TCP_ACK, 1000, &ts, data, 1000);
	check_sacks(base, 3, three);
	/* A fourth: the oldest reported, [1000,2000), no longer fits. */
	peer_send(base + 7000, our_seq, TCP_ACK, 1000, &ts, data, 1000);
	CHECK_INT(fake_sent_count, sent + 4);
	check_sacks(base, 3, four);
	CHECK_INT(last_sent()->seg.ack, base);
	/* It grows: first again. */
	peer_send(base + 2000, our_seq, TCP_ACK, 1000, &ts, data, 500);
	check_sacks(base, 3, grown);
	/* The first two holes filled: RCV.NXT passes the lower blocks. */
	peer_send(base, our_seq, TCP_ACK, 1000, &ts, data, 1000);
	peer_send(base + 2500, our_seq, TCP_ACK, 1000, &ts, data, 500);
	CHECK_INT(last_sent()->seg.ack, base + 4000);
	check_sacks(base, 2, filled);
	peer_send(base + 4000, our_seq, TCP_ACK, 1000, &ts, data, 1000);
	peer_send(base + 6000, our_seq, TCP_ACK, 1000, &ts, data, 1000);
	CHECK_INT(last_sent()->seg.ack, base + 8000);
	CHECK(!(last_sent()->seg.opts.present & TCP_HAVE_SACK));
	CHECK_INT(owner.received, 8000);
	wb_intf_shutdown(&owner.xfer, -1);
	owner_free(&owner);
}

/* Beyond a hole: the first segment (a new block) is ACKed at once, and
 * so is one that narrows the hole or repeats held bytes; those that only
 * extend the first block are ACKed every second one, the odd one within
 * a millisecond. */
static void test_sack_ack_pace(void)
{
	static const uint32_t grown[] = { 1000, 4000 };
	struct owner owner;
	uint8_t data[6000];
	struct tcp_options ts;
	uint32_t base;
	unsigned sent;

	memset(data, 0x3c, sizeof(data));
	owner_init(&owner, sizeof(data));
	establish(&owner);
	base = peer_seq;
	ts = peer_ts();
	sent = fake_sent_count;
	peer_send(base + 1000, our_seq, TCP_ACK, 1000, &ts, data, 1000);
	CHECK_INT(fake_sent_count, sent + 1);
	peer_send(base + 2000, our_seq, TCP_ACK, 1000, &ts, data, 1000);
	CHECK_INT(fake_sent_count, sent + 1);
	peer_send(base + 3000, our_seq, TCP_ACK, 1000, &ts, data, 1000);
	CHECK_INT(fake_sent_count, sent + 2);
	check_sacks(base, 1, grown);
	peer_send(base + 4000, our_seq, TCP_ACK, 1000, &ts, data, 1000);
	CHECK_INT(fake_sent_count, sent + 2);
	fake_advance(1000);
	CHECK_INT(fake_sent_count, sent + 3);
	CHECK_INT(last_sent()->seg.opts.sack[0].right, base + 5000);
	/* A duplicate of held bytes: at once. */
	peer_send(base + 4000, our_seq, TCP_ACK, 1000, &ts, data, 1000);
	CHECK_INT(fake_sent_count, sent + 4);
	/* The hole filled: at once. */
	peer_send(base, our_seq, TCP_ACK, 1000, &ts, data, 1000);
	CHECK_INT(fake_sent_count, sent + 5);
	CHECK_INT(last_sent()->seg.ack, base + 5000);
	CHECK_INT(owner.received, 5000);
	wb_intf_shutdown(&owner.xfer, -1);
	owner_free(&owner);
}

/* A segment that arrives twice (a needless retransmission, a duplicate
 * on the way) is reported once in a D-SACK block (RFC 2883) ahead of the
 * SACK blocks: below RCV.NXT, partly below it, and the next ACK without
 * it. */
static void test_dsack(void)
{
	static const uint32_t old[] = { 0, 1000 };
	static const uint32_t old_and_block[] = { 1000, 2000, 3000, 4000 };
	static const uint32_t half_and_block[] = { 1500, 2000, 3000, 4000 };
	static const uint32_t block[] = { 3000, 4000 };
	struct owner owner;
	uint8_t data[4000];
	struct tcp_options ts;
	uint32_t base;

	memset(data, 0xa5, sizeof(data));
	owner_init(&owner, sizeof(data));
	establish(&owner);
	base = peer_seq;
	peer_data(data, 1000);
	peer_data(data, 1000);
	CHECK_INT(last_sent()->seg.ack, base + 2000);
	/* All of it old. */
	ts = peer_ts();
	peer_send(base, our_seq, TCP_ACK, 1000, &ts, data, 1000);
	CHECK_INT(last_sent()->seg.ack, base + 2000);
	check_sacks(base, 1, old);
	/* Beyond a hole, a segment all old again, then one half old and
	 * half new: the old part is the D-SACK block, the SACK block
	 * follows, the new half goes up in order. */
	peer_send(base + 3000, our_seq, TCP_ACK, 1000, &ts, data, 1000);
	check_sacks(base, 1, block);
	peer_send(base + 1000, our_seq, TCP_ACK, 1000, &ts, data, 1000);
	CHECK_INT(last_sent()->seg.ack, base + 2000);
	check_sacks(base, 2, old_and_block);
	peer_send(base + 1500, our_seq, TCP_ACK, 1000, &ts, data, 1000);
	CHECK_INT(last_sent()->seg.ack, base + 2500);
	check_sacks(base, 2, half_and_block);
	/* The next ACK has no D-SACK block any more. */
	peer_send(base + 2500, our_seq, TCP_ACK, 1000, &ts, data, 500);
	CHECK_INT(last_sent()->seg.ack, base + 4000);
	CHECK(!(last_sent()->seg.opts.present & TCP_HAVE_SACK));
	CHECK_INT(owner.received, 4000);
	wb_intf_shutdown(&owner.xfer, -1);
	owner_free(&owner);
}

/* The owner takes nothing: data is held, the window shrinks; it opens
 * again: the data goes up and a window update follows. */
static void test_receiver_window(void)
{
	struct owner owner;
	char seg[1448];
	uint16_t field;
	unsigned before;
	int i;

	owner_init(&owner, 1 << 20);
	establish(&owner);
	owner.window = 0;
	memset(seg, 'w', sizeof(seg));
	for (i = 0; i < 10; i++)
		peer_data(seg, sizeof(seg));
	CHECK_INT(owner.received, 0);
	field = last_sent()->seg.window;
	CHECK_INT(field, ((2 << 20) - 10 * 1448) >> 6);
	CHECK_INT(last_sent()->seg.ack, peer_seq);	/* ACKs keep flowing */
	/* Part of it: 2000 bytes, the rest stays held. */
	owner.window = 2000;
	before = fake_sent_count;
	wb_xfer_window_changed(&owner.xfer);
	CHECK_INT(owner.received, 2000);
	/* 2000 freed: more than a segment, so an update. */
	CHECK_INT(fake_sent_count, before + 1);
	owner.window = SIZE_MAX;
	wb_xfer_window_changed(&owner.xfer);
	CHECK_INT(owner.received, 10 * 1448);
	CHECK_INT(last_sent()->seg.window, (2 << 20) >> 6);
	CHECK_INT(fake_sent_count, before + 2);
	for (i = 0; i < 10 * 1448; i++)
		if (owner.data[i] != 'w')
			break;
	CHECK_INT(i, 10 * 1448);
	wb_intf_shutdown(&owner.xfer, -1);
	owner_free(&owner);
}

/* A receive buffer of 64 KiB (the setting): no scaling needed; filled to
 * the brim the window is 0 and data beyond it is refused, not lost. */
static void test_rcvbuf_setting(void)
{
	struct owner owner;
	struct tcp_options opts = peer_syn_options(1460, 0);
	char seg[1000];
	int i;

	CHECK_INT(wb_storef_setting("tcp-rcvbuf:uint", "20000"), 0);
	owner_init(&owner, 1 << 16);
	establish_with(&owner, &opts, 65535, 1);
	CHECK_INT(sent_at(0)->seg.opts.wscale, 0);
	CHECK_INT(sent_at(0)->seg.window, 20000);
	owner.window = 0;
	memset(seg, 's', sizeof(seg));
	for (i = 0; i < 20; i++)
		peer_data(seg, sizeof(seg));
	CHECK_INT(last_sent()->seg.window, 0);
	CHECK_INT(last_sent()->seg.ack, peer_seq);
	/* Beyond the window: dropped, and the ACK says where we are. */
	peer_data(seg, sizeof(seg));
	CHECK_INT(last_sent()->seg.ack, peer_seq - sizeof(seg));
	peer_seq -= sizeof(seg);
	owner.window = SIZE_MAX;
	wb_xfer_window_changed(&owner.xfer);
	CHECK_INT(owner.received, 20000);
	CHECK_INT(last_sent()->seg.window, 20000);
	wb_intf_shutdown(&owner.xfer, -1);
	owner_free(&owner);
	CHECK_INT(wb_storef_setting("tcp-rcvbuf", ""), 0);
}

/* The peer's window is 0: nothing goes until a persist probe is answered
 * with an open window. */
static void test_zero_window_persist(void)
{
	struct owner owner;
	struct tcp_options opts = peer_syn_options(1460, 2);
	unsigned before;

	owner_init(&owner, 0);
	owner.request = "hello";
	establish_with(&owner, &opts, 0, 500);
	CHECK(owner.request_sent);
	before = fake_sent_count;
	CHECK_INT(last_sent()->seg.data_len, 0);
	fake_advance(990000);
	CHECK_INT(fake_sent_count, before);
	fake_advance(20000);			/* the first probe after 1 s */
	CHECK_INT(fake_sent_count, before + 1);
	CHECK_INT(last_sent()->seg.seq, our_seq - 1);
	CHECK_INT(last_sent()->seg.data_len, 0);
	{
		struct tcp_options ts = peer_ts();

		peer_send(peer_seq, our_seq, TCP_ACK, 0, &ts, NULL, 0);
	}
	fake_advance(1900000);			/* backed off: 2 s */
	CHECK_INT(fake_sent_count, before + 1);
	fake_advance(200000);
	CHECK_INT(fake_sent_count, before + 2);
	/* The window opens (scaled by 4): the data goes. */
	{
		struct tcp_options ts = peer_ts();

		peer_send(peer_seq, our_seq, TCP_ACK, 25, &ts, NULL, 0);
	}
	CHECK_INT(fake_sent_count, before + 3);
	CHECK_INT(last_sent()->seg.data_len, 5);
	CHECK_INT(last_sent()->seg.seq, our_seq);
	wb_intf_shutdown(&owner.xfer, -1);
	owner_free(&owner);
}

/* Window scaling: the peer's shift 3 makes a field of 1000 8000 bytes. */
static void test_window_scaling(void)
{
	struct owner owner;
	struct tcp_options opts = peer_syn_options(1000, 3);
	static char big[20000];
	struct io_buffer *iob;
	uint32_t sent = 0;
	unsigned i;

	owner_init(&owner, 0);
	establish_with(&owner, &opts, 1000, 900);
	{
		struct tcp_options ts = peer_ts();

		peer_send(peer_seq, our_seq, TCP_ACK, 1000, &ts, NULL, 0);
	}
	iob = wb_xfer_alloc_iob(&owner.xfer, sizeof(big));
	memset(iob_put(iob, sizeof(big)), 'z', sizeof(big));
	CHECK_INT(wb_xfer_deliver(&owner.xfer, iob, NULL), 0);
	for (i = 0; i < fake_sent_count; i++)
		sent += (uint32_t)fake_sent[i].seg.data_len;
	CHECK_INT(sent, 8000);
	/* MSS 1000 less the 12 bytes of timestamps. */
	CHECK_INT(last_sent()->seg.data_len, 8000 - 8 * 988);
	wb_intf_shutdown(&owner.xfer, -1);
	owner_free(&owner);
}

/* SYNs at 0, 1, 3, 7 s; ETIMEDOUT at 15 s. */
static void test_syn_timeout(void)
{
	struct owner owner;

	owner_init(&owner, 0);
	CHECK_INT(owner_connect(&owner), 0);
	fake_advance(999000);
	CHECK_INT(fake_sent_count, 1);
	fake_advance(2000);
	CHECK_INT(fake_sent_count, 2);
	CHECK_INT(last_sent()->seg.flags, TCP_SYN);
	CHECK_INT(last_sent()->seg.seq, sent_at(0)->seg.seq);
	fake_advance(2000000);
	CHECK_INT(fake_sent_count, 3);
	fake_advance(4000000);
	CHECK_INT(fake_sent_count, 4);
	CHECK(!owner.closed);
	fake_advance(7990000);
	CHECK(!owner.closed);
	fake_advance(20000);
	CHECK(owner.closed);
	CHECK_INT(err_base(owner.rc), -FW_ETIMEDOUT);
	CHECK_INT(fake_sent_count, 4);
	owner_free(&owner);
}

/* Data never acknowledged: resent with doubling timeouts, then given
 * up. An ACK of part of it restarts the count. */
static void test_data_retransmission(void)
{
	struct owner owner;
	unsigned before, i;
	uint64_t last_us = 0, gap = 0;

	owner_init(&owner, 0);
	owner.request = "request";
	establish(&owner);
	before = fake_sent_count;
	CHECK_INT(last_sent()->seg.data_len, 7);
	for (i = 0; i < 400 && !owner.closed; i++) {
		unsigned count = fake_sent_count;

		fake_advance(1000000);
		if (fake_sent_count != count) {
			CHECK_INT(last_sent()->seg.seq, our_seq);
			CHECK_INT(last_sent()->seg.data_len, 7);
			if (last_us)
				CHECK(fake_now - last_us >= gap);
			gap = last_us ? fake_now - last_us : 0;
			last_us = fake_now;
		}
	}
	CHECK(owner.closed);
	CHECK_INT(err_base(owner.rc), -FW_ETIMEDOUT);
	CHECK_INT(fake_sent_count - before, 8);		/* TCP_DATA_RETRIES */
	owner_free(&owner);
}

/* Five segments out, the first lost: three duplicate ACKs resend it at
 * once, and the ACK of all ends recovery. */
static void test_fast_retransmit(void)
{
	struct owner owner;
	struct tcp_options opts = peer_syn_options(500, 0);
	static char big[5 * 488];
	struct io_buffer *iob;
	struct tcp_options ts;
	unsigned before;
	int i;

	owner_init(&owner, 0);
	establish_with(&owner, &opts, 65535, 42);
	iob = wb_xfer_alloc_iob(&owner.xfer, sizeof(big));
	memset(iob_put(iob, sizeof(big)), 'f', sizeof(big));
	wb_xfer_deliver(&owner.xfer, iob, NULL);
	before = fake_sent_count;
	ts = peer_ts();
	for (i = 0; i < 3; i++)
		peer_send(peer_seq, our_seq, TCP_ACK, 65535, &ts, NULL, 0);
	CHECK_INT(fake_sent_count, before + 1);
	CHECK_INT(last_sent()->seg.seq, our_seq);
	CHECK_INT(last_sent()->seg.data_len, 488);
	peer_send(peer_seq, our_seq + sizeof(big), TCP_ACK, 65535, &ts, NULL, 0);
	/* All acknowledged: no timer left to fire. */
	before = fake_sent_count;
	fake_advance(5000000);
	CHECK_INT(fake_sent_count, before);
	wb_intf_shutdown(&owner.xfer, -1);
	owner_free(&owner);
}

static void test_refused(void)
{
	struct owner owner;

	owner_init(&owner, 0);
	CHECK_INT(owner_connect(&owner), 0);
	our_seq = sent_at(0)->seg.seq + 1;
	/* A RST without an ACK, or with a wrong one, does nothing. */
	peer_send(0, 0, TCP_RST, 0, NULL, NULL, 0);
	CHECK(!owner.closed);
	peer_send(0, our_seq + 5, TCP_RST | TCP_ACK, 0, NULL, NULL, 0);
	CHECK(!owner.closed);
	/* A SYN-ACK acknowledging the wrong thing earns a RST. */
	peer_send(300, our_seq + 1, TCP_SYN | TCP_ACK, 100, NULL, NULL, 0);
	CHECK(!owner.closed);
	CHECK_INT(last_sent()->seg.flags, TCP_RST);
	CHECK_INT(last_sent()->seg.seq, our_seq + 1);
	peer_send(0, our_seq, TCP_RST | TCP_ACK, 0, NULL, NULL, 0);
	CHECK(owner.closed);
	CHECK_INT(err_base(owner.rc), -FW_ECONNREFUSED);
	owner_free(&owner);
}

/* States before a RST: 0 ESTABLISHED, 1 FIN-WAIT-1, 2 FIN-WAIT-2, 3
 * LAST-ACK, 4 CLOSE-WAIT (the owner still reading), 5 TIME-WAIT, 6
 * CLOSING. */
static void reset_in_state(int state)
{
	struct owner owner;
	struct tcp_options ts;
	unsigned before;

	owner_init(&owner, 100);
	establish(&owner);
	ts = peer_ts();
	if (state == 1 || state == 2 || state == 5 || state == 6) {
		wb_intf_shutdown(&owner.xfer, 0);	/* our FIN */
		CHECK(last_sent()->seg.flags & TCP_FIN);
		if (state == 6) {
			/* Theirs crosses ours. */
			peer_send(peer_seq, our_seq, TCP_ACK | TCP_FIN, 1000, &ts,
				  NULL, 0);
			peer_seq++;
		}
		our_seq++;
		if (state == 2 || state == 5)
			peer_send(peer_seq, our_seq, TCP_ACK, 1000, &ts, NULL, 0);
		if (state == 5) {
			peer_send(peer_seq, our_seq, TCP_ACK | TCP_FIN, 1000, &ts,
				  NULL, 0);
			peer_seq++;
			CHECK_INT(last_sent()->seg.ack, peer_seq);
		}
	} else if (state == 4) {
		owner.window = 0;
		peer_send(peer_seq, our_seq, TCP_ACK | TCP_FIN, 1000, &ts, "ab", 2);
		peer_seq += 3;
		CHECK(!owner.closed);
		CHECK_INT(last_sent()->seg.ack, peer_seq);
	} else if (state == 3) {
		peer_send(peer_seq, our_seq, TCP_ACK | TCP_FIN, 1000, &ts, NULL, 0);
		peer_seq++;
		/* The owner heard the end; we closed our side (LAST-ACK). */
		CHECK(owner.closed);
		CHECK_INT(owner.rc, 0);
		CHECK(last_sent()->seg.flags & TCP_FIN);
		our_seq++;
	}
	/* Out of the window: ignored; in it but not exact: a challenge. */
	before = fake_sent_count;
	peer_send(peer_seq + 5000000, 0, TCP_RST, 0, NULL, NULL, 0);
	CHECK_INT(fake_sent_count, before);
	peer_send(peer_seq + 10, 0, TCP_RST, 0, NULL, NULL, 0);
	CHECK_INT(fake_sent_count, before + 1);
	CHECK_INT(last_sent()->seg.flags, TCP_ACK);
	CHECK_INT(last_sent()->seg.ack, peer_seq);
	/* A SYN in the window: a challenge ACK too, no reset. */
	peer_send(peer_seq, 0, TCP_SYN, 0, NULL, NULL, 0);
	CHECK_INT(fake_sent_count, before + 2);
	CHECK_INT(last_sent()->seg.flags, TCP_ACK);
	if (state != 3)
		CHECK(!owner.closed);
	peer_send(peer_seq, 0, TCP_RST, 0, NULL, NULL, 0);
	if (state == 0 || state == 4) {
		CHECK(owner.closed);
		CHECK_INT(err_base(owner.rc), -FW_ECONNRESET);
	}
	/* Gone: the next segment is answered by a RST. */
	peer_send(peer_seq, our_seq, TCP_ACK, 1000, &ts, "x", 1);
	CHECK_INT(last_sent()->seg.flags, TCP_RST);
	CHECK_INT(last_sent()->seg.seq, our_seq);
	owner_free(&owner);
}

static void test_resets(void)
{
	struct owner owner;
	unsigned before;
	int state, i;

	for (state = 0; state < 7; state++) {
		reset_in_state(state);
		fake_advance(1000000);	/* a new second of challenges */
	}
	/* A flood of RSTs in the window: ten challenges a second. */
	owner_init(&owner, 100);
	establish(&owner);
	fake_advance(1000000);
	before = fake_sent_count;
	for (i = 0; i < 50; i++)
		peer_send(peer_seq + 10 + i, 0, TCP_RST, 0, NULL, NULL, 0);
	CHECK_INT(fake_sent_count, before + 10);
	fake_advance(1000000);
	peer_send(peer_seq + 10, 0, TCP_RST, 0, NULL, NULL, 0);
	CHECK_INT(fake_sent_count, before + 11);
	CHECK(!owner.closed);
	wb_intf_shutdown(&owner.xfer, -1);
	owner_free(&owner);
}

/* The peer closes: data, FIN; the owner gets all, then close(0); our FIN
 * follows and its ACK ends the connection. */
static void test_peer_closes(void)
{
	struct owner owner;
	struct tcp_options ts;

	owner_init(&owner, 100);
	establish(&owner);
	owner.window = 3;
	ts = peer_ts();
	peer_send(peer_seq, our_seq, TCP_ACK | TCP_FIN, 1000, &ts, "hello", 5);
	peer_seq += 6;
	/* Held behind a small window: not closed until all is read. */
	CHECK_INT(owner.received, 3);
	CHECK(!owner.closed);
	CHECK_INT(last_sent()->seg.ack, peer_seq);
	owner.window = 100;
	wb_xfer_window_changed(&owner.xfer);
	CHECK_INT(owner.received, 5);
	CHECK(memcmp(owner.data, "hello", 5) == 0);
	CHECK(owner.closed);
	CHECK_INT(owner.rc, 0);
	CHECK_INT(last_sent()->seg.flags, TCP_ACK | TCP_FIN);
	CHECK_INT(last_sent()->seg.seq, our_seq);
	/* The FIN is resent until acknowledged. */
	fake_advance(1100000);
	CHECK_INT(last_sent()->seg.flags, TCP_ACK | TCP_FIN);
	peer_send(peer_seq, our_seq + 1, TCP_ACK, 1000, &ts, NULL, 0);
	peer_send(peer_seq, our_seq + 1, TCP_ACK, 1000, &ts, NULL, 0);
	CHECK_INT(last_sent()->seg.flags, TCP_RST);	/* gone */
	owner_free(&owner);
}

/* We close first: FIN-WAIT-1, -2, the peer's FIN, TIME-WAIT answering a
 * repeated FIN, then gone. Also both at once (CLOSING). */
static void test_we_close(void)
{
	struct owner owner;
	struct tcp_options ts;
	unsigned before;

	owner_init(&owner, 100);
	establish(&owner);
	wb_intf_shutdown(&owner.xfer, 0);
	CHECK_INT(last_sent()->seg.flags, TCP_ACK | TCP_FIN);
	ts = peer_ts();
	peer_send(peer_seq, our_seq + 1, TCP_ACK, 1000, &ts, NULL, 0);
	before = fake_sent_count;
	peer_send(peer_seq, our_seq + 1, TCP_ACK | TCP_FIN, 1000, &ts, NULL, 0);
	CHECK_INT(fake_sent_count, before + 1);
	CHECK_INT(last_sent()->seg.ack, peer_seq + 1);
	/* TIME-WAIT: the FIN again is ACKed again. */
	peer_send(peer_seq, our_seq + 1, TCP_ACK | TCP_FIN, 1000, &ts, NULL, 0);
	CHECK_INT(fake_sent_count, before + 2);
	CHECK_INT(last_sent()->seg.flags, TCP_ACK);
	fake_advance(2100000);
	peer_send(peer_seq + 1, our_seq + 1, TCP_ACK, 1000, &ts, NULL, 0);
	CHECK_INT(last_sent()->seg.flags, TCP_RST);
	owner_free(&owner);

	/* Simultaneous: our FIN crosses theirs. */
	owner_init(&owner, 100);
	establish(&owner);
	wb_intf_shutdown(&owner.xfer, 0);
	ts = peer_ts();
	peer_send(peer_seq, our_seq, TCP_ACK | TCP_FIN, 1000, &ts, NULL, 0);
	CHECK_INT(last_sent()->seg.ack, peer_seq + 1);
	peer_send(peer_seq + 1, our_seq + 1, TCP_ACK, 1000, &ts, NULL, 0);
	before = fake_sent_count;
	fake_advance(2100000);
	CHECK_INT(fake_sent_count, before);	/* TIME-WAIT, then gone */
	peer_send(peer_seq + 1, our_seq + 1, TCP_ACK, 1000, &ts, NULL, 0);
	CHECK_INT(last_sent()->seg.flags, TCP_RST);
	owner_free(&owner);

	/* The owner closes with data unread: a RST, not a FIN. */
	owner_init(&owner, 100);
	establish(&owner);
	owner.window = 0;
	peer_data("unread", 6);
	wb_intf_shutdown(&owner.xfer, 0);
	CHECK_INT(last_sent()->seg.flags, TCP_RST | TCP_ACK);
	owner_free(&owner);
}

/* Segments that must change nothing: a bad checksum, a data offset
 * below 5, data beyond the window, an ACK of what was never sent. */
static void test_bad_segments(void)
{
	struct owner owner;
	uint8_t raw[24];
	unsigned before;
	struct tcp_options ts;

	owner_init(&owner, 100);
	establish(&owner);
	before = fake_sent_count;
	memset(raw, 0, sizeof(raw));
	memcpy(raw, &(uint16_t){ htons(PEER_PORT) }, 2);
	memcpy(raw + 2, &our_port, 2);
	memcpy(raw + 4, &(uint32_t){ htonl(peer_seq) }, 4);
	memcpy(raw + 8, &(uint32_t){ htonl(our_seq) }, 4);
	raw[13] = TCP_ACK;
	raw[12] = 0x40;				/* offset 4 */
	CHECK(peer_inject(raw, sizeof(raw), false) != 0);
	raw[12] = 0x50;
	CHECK(peer_inject(raw, sizeof(raw), true) != 0);
	CHECK_INT(err_base(peer_inject(raw, 19, false)), -22);	/* EINVAL */
	CHECK_INT(fake_sent_count, before);
	CHECK_INT(owner.received, 0);
	/* An ACK of the future: answered with our ACK, then dropped with
	 * its data. */
	ts = peer_ts();
	peer_send(peer_seq, our_seq + 1000, TCP_ACK, 1000, &ts, "zz", 2);
	CHECK_INT(owner.received, 0);
	CHECK_INT(last_sent()->seg.ack, peer_seq);
	/* An old timestamp (PAWS): dropped. */
	ts.tsval = 1;
	peer_send(peer_seq, our_seq, TCP_ACK, 1000, &ts, "zz", 2);
	CHECK_INT(owner.received, 0);
	CHECK(!owner.closed);
	wb_intf_shutdown(&owner.xfer, -1);
	owner_free(&owner);
}

/* The peer's sequence numbers wrap inside the transfer. */
static void test_sequence_wrap(void)
{
	struct owner owner;
	struct tcp_options opts = peer_syn_options(1460, 7);
	uint8_t data[6000];
	size_t i;

	for (i = 0; i < sizeof(data); i++)
		data[i] = (uint8_t)(i ^ (i >> 8));
	owner_init(&owner, sizeof(data));
	establish_with(&owner, &opts, 65535, 0xfffff000u);
	/* Out of order across the wrap, then the hole. */
	{
		struct tcp_options ts = peer_ts();
		uint32_t base = peer_seq;

		peer_send(base + 3000, our_seq, TCP_ACK, 1000, &ts, data + 3000, 3000);
		CHECK_INT(last_sent()->seg.opts.sack[0].left, base + 3000);
		CHECK_INT(last_sent()->seg.opts.sack[0].right, base + 6000);
		CHECK(last_sent()->seg.opts.sack[0].right < 0x2000);
		peer_send(base, our_seq, TCP_ACK, 1000, &ts, data, 3000);
		CHECK_INT(last_sent()->seg.ack, base + 6000);
	}
	CHECK_INT(owner.received, sizeof(data));
	CHECK(memcmp(owner.data, data, sizeof(data)) == 0);
	wb_intf_shutdown(&owner.xfer, -1);
	owner_free(&owner);
}

/* The checksum every segment passes through, eight bytes at a time,
 * against RFC 1071's plain 16-bit sum, at every length and alignment. */
static void test_checksum(void)
{
	uint8_t buf[300];
	size_t len, off, i;

	for (i = 0; i < sizeof(buf); i++)
		buf[i] = (uint8_t)(i * 151 + 7 + (i >> 3));
	memset(buf + 100, 0xff, 40);
	for (off = 0; off < 8; off++) {
		for (len = 0; len + off <= sizeof(buf); len++) {
			uint64_t sum = 0x1234;
			uint16_t word;

			for (i = 0; i + 1 < len; i += 2) {
				memcpy(&word, buf + off + i, 2);
				sum += word;
			}
			if (len & 1) {
				word = 0;
				memcpy(&word, buf + off + len - 1, 1);
				sum += word;
			}
			while (sum >> 16)
				sum = (sum & 0xffff) + (sum >> 16);
			if (!CHECK_INT(wb_tcpip_chksum(0x1234, buf + off, len), sum))
				return;
		}
	}
}

/* No route, no peer: opening fails with a reason. Without randomness it
 * still connects (sequence numbers from random_id()'s clock fallback). */
static void test_open_failures(void)
{
	struct owner owner;

	owner_init(&owner, 0);
	fake_no_route = true;
	CHECK(owner_connect(&owner) != 0);
	fake_no_route = false;
	fake_random_fail = -5;
	CHECK_INT(owner_connect(&owner), 0);
	CHECK_INT(fake_sent_count, 1);		/* the SYN went out */
	wb_intf_shutdown(&owner.xfer, -1);
	fake_random_fail = 0;
	fake_sent_count = 0;
	CHECK(wb_xfer_open_socket(&owner.xfer, SOCK_STREAM, NULL, NULL) != 0);
	CHECK_INT(fake_sent_count, 0);
	owner_free(&owner);
}

/*
 * A long transfer from a peer that loses, repeats and reorders segments
 * (a fixed pseudo-random sequence), and resends from what we ACK and SACK
 * after a "timeout" of its own: every byte must arrive once, in order.
 */
static uint32_t lossy_state = 12345;

static unsigned lossy_rand(unsigned n)
{
	lossy_state = lossy_state * 1103515245u + 12345u;
	return (lossy_state >> 16) % n;
}

static void test_lossy_transfer(void)
{
	enum { TOTAL = 3 << 20, MSS = 1448 };
	struct owner owner;
	uint8_t *data = malloc(TOTAL), seg[MSS];
	uint32_t base, sent_up_to = 0;
	uint32_t held_back_off = 0, acked = 0;
	bool have_held = false;
	unsigned rounds = 0;
	size_t i;

	for (i = 0; i < TOTAL; i++)
		data[i] = (uint8_t)(i * 31 + (i >> 12));
	owner_init(&owner, TOTAL);
	establish(&owner);
	base = peer_seq;
	while (owner.received < TOTAL && rounds++ < 20000) {
		unsigned burst = 32, n;

		/* What we acknowledged: resend from there when stuck. */
		if (acked > sent_up_to || lossy_rand(8) == 0)
			sent_up_to = acked;
		for (n = 0; n < burst && sent_up_to < TOTAL; n++) {
			uint32_t off = sent_up_to;
			size_t len = TOTAL - off < MSS ? TOTAL - off : MSS;
			struct tcp_options ts = peer_ts();
			unsigned fate = lossy_rand(100);

			sent_up_to += (uint32_t)len;
			memcpy(seg, data + off, len);
			if (fate < 3)
				continue;			/* lost */
			if (fate < 5 && !have_held) {		/* late */
				held_back_off = off;
				have_held = true;
				continue;
			}
			peer_send(base + off, our_seq, TCP_ACK, 1000, &ts, seg, len);
			if (fate < 7)				/* twice */
				peer_send(base + off, our_seq, TCP_ACK, 1000, &ts,
					  seg, len);
			if (have_held && lossy_rand(4) == 0) {
				size_t hlen = TOTAL - held_back_off < MSS ?
					      TOTAL - held_back_off : MSS;

				peer_send(base + held_back_off, our_seq, TCP_ACK,
					  1000, &ts, data + held_back_off, hlen);
				have_held = false;
			}
		}
		fake_advance(1000);
		if (fake_sent_count) {
			acked = last_sent()->seg.ack - base;
			fake_sent[0] = *last_sent();
			fake_sent_count = 1;
		}
	}
	CHECK_INT(owner.received, TOTAL);
	CHECK(memcmp(owner.data, data, TOTAL) == 0);
	wb_intf_shutdown(&owner.xfer, -1);
	owner_free(&owner);
	free(data);
}

int main(void)
{
	test_handshake();
	test_handshake_plain_peer();
	test_data_in_order();
	test_out_of_order_sack();
	test_sack_block_order();
	test_sack_ack_pace();
	test_dsack();
	test_receiver_window();
	test_rcvbuf_setting();
	test_zero_window_persist();
	test_window_scaling();
	test_syn_timeout();
	test_data_retransmission();
	test_fast_retransmit();
	test_refused();
	test_resets();
	test_peer_closes();
	test_we_close();
	test_bad_segments();
	test_sequence_wrap();
	test_open_failures();
	test_checksum();
	test_lossy_transfer();
	return unit_finish();
}
