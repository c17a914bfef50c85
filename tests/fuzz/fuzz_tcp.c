/* SPDX-License-Identifier: GPL-2.0-or-later */
// FIRMWARE_SOURCES: src/net/tcp.c src/net/tcp_packet.c src/net/rtt_estimator.c src/net/tcpip.c src/net/socket.c src/core/random_id.c
// FIRMWARE_SOURCES: src/core/iobuf.c src/core/retry.c src/core/interface.c src/core/xfer.c src/core/settings.c src/core/setting_types.c src/core/inet6.c src/core/string.c src/core/vsprintf.c src/core/errors.c
/*
 * A TCP connection's state machine fed a sequence of segments from the
 * peer (tests/unit/tcp_harness.h plays the network under it), with time
 * passing and the owner acting in between, so that every state, timer and
 * queue is reached, not only the parser.
 *
 * Input: one byte of set-up, then records to the end:
 *   set-up       bit 0: payloads are overwritten with the stream's pattern
 *                (see below); bits 1-2: the receive buffer (2 MiB, 16 KiB,
 *                64 KiB, 1 MiB); bit 3: the owner has a request to send
 *   control (1)  high nibble: time to let pass first (fuzz_delays);
 *                bit 0: the sequence number is relative to the peer's
 *                initial one (PEER_ISN); bit 1: the acknowledgement is
 *                relative to ours; bit 2: the checksum is wrong; bit 3:
 *                the owner acts afterwards (cycling: closes its window,
 *                opens it, closes the connection)
 *   length (2)   big-endian, cut to what is left
 *   segment      the TCP header onwards (ports are set to the
 *                connection's)
 *
 * What must hold: with the pattern on (each payload byte a function of
 * its sequence number), every byte the owner receives is the pattern's
 * byte at its place in the stream (counted from the peer's initial
 * sequence number, which our first ACK names), so data arrives once and
 * in order whatever the peer did; the owner hears at most one close; and
 * once the owner has gone and time has passed, nothing is left (the leak
 * check sees any connection that stayed).
 */

#include "tcp_harness.h"

#define PEER_ISN 0xfffff000u

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const uint64_t fuzz_delays[16] = {
	0, 1000, 10000, 40000, 100000, 250000, 500000, 1000000,
	2000000, 3000000, 5000000, 8000000, 10000000, 16000000, 30000000,
	60000000,
};

/* Time in steps of 10 ms: timers fire a little late, which costs the
 * fuzzer nothing and keeps an input of long waits cheap. */
static void advance(uint64_t us)
{
	uint64_t end = fake_now + us;

	while (fake_now < end) {
		fake_now = end - fake_now < 10000 ? end : fake_now + 10000;
		wb_run_timers();
	}
}

static bool pattern;
static bool have_base;
static uint32_t stream_base;	/* the peer's ISN + 1 */

static uint8_t pattern_byte(uint32_t seq)
{
	return (uint8_t)(seq % 251);
}

static void check_pattern(const uint8_t *bytes, size_t len, size_t offset)
{
	size_t i;

	if (!have_base)
		abort();	/* data before the handshake's ACK */
	for (i = 0; i < len; i++)
		if (bytes[i] != pattern_byte(stream_base + (uint32_t)(offset + i)))
			abort();
}

/* Our first ACK acknowledges the peer's SYN: the stream starts there. */
static void learn_base(void)
{
	unsigned i;

	for (i = 0; i < fake_sent_count && !have_base; i++) {
		if ((fake_sent[i].seg.flags & (TCP_ACK | TCP_RST)) == TCP_ACK) {
			stream_base = fake_sent[i].seg.ack;
			have_base = true;
		}
	}
}

static struct owner owner;
static unsigned owner_actions;

static void owner_act(void)
{
	switch (owner_actions++ % 3) {
	case 0:
		owner.window = 0;
		break;
	case 1:
		owner.window = SIZE_MAX;
		wb_xfer_window_changed(&owner.xfer);
		break;
	default:
		wb_intf_shutdown(&owner.xfer, 0);
		break;
	}
}

static uint32_t get32(const uint8_t *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 |
	       (uint32_t)p[2] << 8 | p[3];
}

static void put32(uint8_t *p, uint32_t v)
{
	p[0] = (uint8_t)(v >> 24);
	p[1] = (uint8_t)(v >> 16);
	p[2] = (uint8_t)(v >> 8);
	p[3] = (uint8_t)v;
}

static void feed(uint8_t control, const uint8_t *bytes, size_t len,
		 uint32_t our_iss)
{
	/* Exact size: ASan sees any read past the segment. */
	uint8_t *segment = malloc(len ? len : 1);

	memcpy(segment, bytes, len);
	if (len >= 4) {
		memcpy(segment, &(uint16_t){ htons(PEER_PORT) }, 2);
		memcpy(segment + 2, &our_port, 2);
	}
	if (len >= 8 && (control & 1))
		put32(segment + 4, get32(segment + 4) + PEER_ISN);
	if (len >= 12 && (control & 2))
		put32(segment + 8, get32(segment + 8) + our_iss);
	if (pattern && len >= TCP_HLEN) {
		size_t hlen = (size_t)(segment[12] >> 4) * 4;
		uint32_t seq = get32(segment + 4);
		size_t i;

		/* A SYN's data sits one after its sequence number. */
		if (segment[13] & TCP_SYN)
			seq++;
		for (i = hlen; i < len; i++)
			segment[i] = pattern_byte(seq + (uint32_t)(i - hlen));
	}
	peer_inject(segment, len, control & 4);
	free(segment);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const rcvbufs[] = { "2097152", "16384", "65536",
					       "1048576" };
	uint64_t start;
	uint32_t our_iss;
	unsigned i;

	if (size < 1)
		return 0;
	fake_now = 1000000;
	start = fake_now;
	pattern = data[0] & 1;
	wb_storef_setting("tcp-rcvbuf:uint", rcvbufs[(data[0] >> 1) & 3]);
	owner_init(&owner, 0);
	owner.request = (data[0] & 8) ? "GET /file HTTP/1.0\r\n\r\n" : NULL;
	owner.check = pattern ? check_pattern : NULL;
	owner_actions = 0;
	have_base = false;
	if (owner_connect(&owner) != 0)
		abort();
	our_iss = fake_sent[0].seg.seq;
	data++;
	size--;
	while (size >= 3) {
		uint8_t control = data[0];
		size_t len = (size_t)data[1] << 8 | data[2];

		data += 3;
		size -= 3;
		if (len > size)
			len = size;
		if (fake_now - start < 120000000ULL)
			advance(fuzz_delays[control >> 4]);
		feed(control, data, len, our_iss);
		learn_base();
		data += len;
		size -= len;
		if ((control & 8) && !owner.closed)
			owner_act();
		if (owner.closes > 1)
			abort();
		learn_base();
		fake_sent_count = 0;
	}
	/* The owner goes (if it has not), then every timer runs out. */
	if (!owner.closed)
		wb_intf_shutdown(&owner.xfer, -1);
	for (i = 0; i < 900; i++) {
		fake_now += 1000000;
		wb_run_timers();
	}
	fake_sent_count = 0;
	owner_free(&owner);
	wb_storef_setting("tcp-rcvbuf", "");
	return 0;
}
