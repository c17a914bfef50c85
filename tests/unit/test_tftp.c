/* SPDX-License-Identifier: GPL-2.0-or-later */
// FIRMWARE_SOURCES: src/net/tftp.c src/net/tftp_packet.c src/net/rtt_estimator.c src/net/named_socket.c src/net/resolv.c src/net/socket.c src/net/inet.c src/core/open.c src/core/process.c src/core/interface.c src/core/xfer.c src/core/iobuf.c src/core/retry.c src/core/uri.c src/core/string.c src/core/strtoul.c src/core/vsprintf.c src/core/errors.c
/*
 * TFTP: the packet functions (RRQ, OACK validation, ERROR) and the client,
 * opened through the "tftp" URI opener with a test receiver, against
 * simulated servers at the socket level: options negotiated or ignored,
 * the size hint (64 bits), windows, lost, duplicated and reordered blocks
 * (costing a round trip at most, and no restart for the latter two),
 * a stranger's transfer ID, server errors with their text as the reason,
 * a server that vanishes, block number wraparound, a receiver that fails,
 * cancellation by closing the receiver (from inside a delivery, during
 * the transfer, before the server's name is resolved), and two transfers
 * from two servers at once.
 */

/* First: they map names the headers' inline functions use. */
#include "fake_inet_family.h"
#include "intf_sink.h"

#include <errno.h>
#include <stdio.h>
#include <wireboot/open.h>
#include <wireboot/uri.h>

#define tftp_build_rrq wb_tftp_build_rrq
#define tftp_parse_oack wb_tftp_parse_oack
#define tftp_parse_error wb_tftp_parse_error
#define tftp_error_rc wb_tftp_error_rc
#include <net/tftp.h>

#include "unit.h"

struct uri *wb_parse_uri(const char *text);
int wb_xfer_open_uri(struct interface *receiver, struct uri *uri);

#define SERVER_IP 0x0a000001
#define SERVER2_IP 0x0a000002
#define SERVER_TID 40000

/* ---- fakes: settings ------------------------------------------------------ */

static const char *windowsize_setting;

int fetchf_setting(const char *name, char *buf, size_t len)
{
	if (strcmp(name, "tftp-windowsize") != 0 || !windowsize_setting)
		return -ENOENT;
	return snprintf(buf, len, "%s", windowsize_setting);
}

/* ---- packet functions ----------------------------------------------------- */

static void test_rrq(void)
{
	struct tftp_options request = { .blksize = 1432, .windowsize = 8,
					.timeout = 3, .tsize = true };
	static const char want[] = "\0\1boot.efi\0octet\0blksize\0001432\0"
		"tsize\0000\0timeout\0003\0windowsize\0008";
	char buf[128];

	CHECK_INT(tftp_build_rrq(buf, sizeof(buf), "boot.efi", &request),
		  sizeof(want));
	CHECK(memcmp(buf, want, sizeof(want)) == 0);
	CHECK_INT(tftp_build_rrq(buf, 20, "boot.efi", &request), -ENOSPC);
	CHECK_INT(tftp_build_rrq(buf, sizeof(buf), "", &request), -EINVAL);
}

static int oack(const char *body, size_t len, struct tftp_options *got)
{
	struct tftp_options request = { .blksize = 1432, .windowsize = 8,
					.timeout = 3, .tsize = true };

	return tftp_parse_oack(body, len, &request, got);
}
#define OACK(text, got) oack(text, sizeof(text) - 1, got)

static void test_oack(void)
{
	struct tftp_options got;
	struct tftp_options only_blksize = { .blksize = 1024 };

	CHECK_INT(OACK("blksize\0001024\0tsize\00012345678901\0WindowSize\0004\0", &got), 0);
	CHECK_INT(got.blksize, 1024);
	CHECK_INT(got.windowsize, 4);
	CHECK(got.tsize && got.tsize_value == 12345678901ULL);
	CHECK_INT(got.timeout, 0);
	CHECK_INT(OACK("", &got), 0);
	CHECK_INT(got.blksize, 512);
	CHECK_INT(got.windowsize, 1);
	CHECK_INT(OACK("timeout\0003\0\0\0", &got), 0);	/* NUL padding */
	CHECK_INT(got.timeout, 3);
	/* Out of range, not numeric, unterminated, repeated, unrequested. */
	CHECK_INT(OACK("blksize\0002000\0", &got), -EINVAL);
	CHECK_INT(OACK("blksize\0007\0", &got), -EINVAL);
	CHECK_INT(OACK("windowsize\0000\0", &got), -EINVAL);
	CHECK_INT(OACK("windowsize\0009\0", &got), -EINVAL);
	CHECK_INT(OACK("timeout\0004\0", &got), -EINVAL);
	CHECK_INT(OACK("blksize\000-512\0", &got), -EINVAL);
	CHECK_INT(OACK("blksize\000 512\0", &got), -EINVAL);
	CHECK_INT(OACK("blksize\0\0", &got), -EINVAL);
	CHECK_INT(OACK("tsize\000184467440737095516160\0", &got), -EINVAL);
	CHECK_INT(OACK("blksize\000512", &got), -EINVAL);
	CHECK_INT(OACK("blksize", &got), -EINVAL);
	CHECK_INT(OACK("blksize\000512\0blksize\000512\0", &got), -EINVAL);
	CHECK_INT(OACK("multicast\0001\0", &got), -EINVAL);
	CHECK_INT(tftp_parse_oack("tsize\0001\0", 8, &only_blksize, &got), -EINVAL);
}

static void test_error_packet(void)
{
	char msg[16];
	unsigned code;

	CHECK_INT(tftp_parse_error("\0\1File not found\0", 17, &code, msg,
				   sizeof(msg)), 0);
	CHECK_INT(code, 1);
	CHECK_STR(msg, "File not found");
	/* Unterminated, too long, unprintable: still a safe string. */
	CHECK_INT(tftp_parse_error("\0\2ab\x1b" "cdefghijklmnopqrstuvwxyz", 28,
				   &code, msg, sizeof(msg)), 0);
	CHECK_STR(msg, "ab?cdefghijklmn");
	CHECK_INT(tftp_parse_error("\0", 1, &code, msg, sizeof(msg)), -EINVAL);
	CHECK_INT(tftp_error_rc(1), -ENOENT);
	CHECK_INT(tftp_error_rc(2), -EACCES);
	CHECK_INT(tftp_error_rc(8), -ENOTSUP);
	CHECK_INT(tftp_error_rc(99), -EIO);
}

/* ---- simulated servers --------------------------------------------------- */

struct server {
	uint32_t ip;
	uint16_t tid;
	/* what it serves and how */
	uint8_t *file;
	size_t size;
	bool options;		/* understands options (sends an OACK) */
	const char *bogus_oack;	/* sends this OACK body instead */
	size_t bogus_oack_len;
	uint64_t tsize;		/* announces this size instead (0: the file's) */
	unsigned error_code;	/* answers the request with this error */
	unsigned max_windowsize;
	uint64_t drop_block;	/* lost once */
	uint64_t dup_block;	/* sent twice */
	uint64_t swap_block;	/* sent after the block that follows it, once */
	uint64_t vanish_after;	/* nothing after this block */
	uint64_t stranger_block; /* a second transfer port sends data too */
	unsigned drop_rrqs;
	/* what it negotiated and saw */
	unsigned blksize, windowsize;
	uint64_t sent_max;
	bool dropped, swapped, sent_ahead;
	unsigned rrqs, acks;
	unsigned errors_seen, last_error_code;
	uint16_t last_error_port;
	char rrq[512];
	size_t rrq_len;
};

static struct server servers[2];
#define srv servers[0]

/* The absolute block an acknowledgement of a 16-bit number means. */
static uint64_t absolute_block(struct server *s, uint16_t number)
{
	return s->sent_max - (uint16_t)(s->sent_max - number);
}

static void server_packet(struct server *s, const struct fake_sent *sent,
			  uint64_t block, uint8_t *packet, size_t *len)
{
	size_t offset = (size_t)(block - 1) * s->blksize;

	*len = s->size - offset < s->blksize ? s->size - offset : s->blksize;
	packet[0] = 0;
	packet[1] = 3;
	packet[2] = (uint8_t)(block >> 8);
	packet[3] = (uint8_t)block;
	memcpy(&packet[4], s->file + offset, *len);
	*len += 4;
	(void)sent;
}

static void server_send_block(struct server *s, const struct fake_sent *sent,
			      uint64_t block)
{
	static uint8_t packet[4 + 65536];
	unsigned copies = block == s->dup_block ? 2 : 1;
	size_t len;

	if ((block - 1) * s->blksize > s->size)
		return;
	if (block > s->sent_max)
		s->sent_max = block;
	if (s->vanish_after && block > s->vanish_after)
		return;
	if (block == s->drop_block && !s->dropped) {
		s->dropped = true;
		return;
	}
	if (block == s->swap_block && !s->swapped &&
	    block * s->blksize <= s->size) {
		/* The next block overtakes this one. */
		s->swapped = true;
		s->sent_ahead = true;
		server_packet(s, sent, block + 1, packet, &len);
		fake_reply(sent, packet, len, fake_addr(s->ip, s->tid));
		server_packet(s, sent, block, packet, &len);
		fake_reply(sent, packet, len, fake_addr(s->ip, s->tid));
		return;
	}
	if (block == s->swap_block + 1 && s->sent_ahead) {
		s->sent_ahead = false;
		return;		/* went out ahead of its predecessor */
	}
	server_packet(s, sent, block, packet, &len);
	while (copies--)
		fake_reply(sent, packet, len, fake_addr(s->ip, s->tid));
	if (block == s->stranger_block)
		fake_reply(sent, packet, len, fake_addr(s->ip, s->tid + 1));
}

static void server_send_window(struct server *s, const struct fake_sent *sent,
			       uint64_t after)
{
	uint64_t block;

	for (block = after + 1; block <= after + s->windowsize; block++)
		server_send_block(s, sent, block);
}

/* A simple reading of the request's options. */
static unsigned rrq_option_of(const struct server *s, const char *name)
{
	size_t pos = 2;

	while (pos < s->rrq_len) {
		const char *key = s->rrq + pos;

		pos += strlen(key) + 1;
		if (pos < s->rrq_len && strcmp(key, name) == 0)
			return (unsigned)strtoul(s->rrq + pos, NULL, 10);
	}
	return 0;
}
#define rrq_option(name) rrq_option_of(&srv, name)

static void server_rrq(struct server *s, const struct fake_sent *sent)
{
	char oack[128];
	size_t len = 2;

	s->rrqs++;
	if (s->drop_rrqs) {
		s->drop_rrqs--;
		return;
	}
	s->blksize = 512;
	s->windowsize = 1;
	s->sent_max = 0;
	if (s->error_code) {
		char error[] = "\0\5\0\0File not found";

		error[3] = (char)s->error_code;
		fake_reply(sent, error, sizeof(error), fake_addr(s->ip, s->tid));
		return;
	}
	if (s->bogus_oack) {
		memcpy(oack, "\0\6", 2);
		memcpy(oack + 2, s->bogus_oack, s->bogus_oack_len);
		fake_reply(sent, oack, 2 + s->bogus_oack_len,
			   fake_addr(s->ip, s->tid));
		return;
	}
	if (!s->options) {
		server_send_window(s, sent, 0);
		return;
	}
	memcpy(oack, "\0\6", 2);
	if (rrq_option_of(s, "blksize")) {
		s->blksize = rrq_option_of(s, "blksize");
		len += sprintf(oack + len, "blksize%c%u", 0, s->blksize) + 1;
	}
	if (rrq_option_of(s, "windowsize")) {
		s->windowsize = rrq_option_of(s, "windowsize");
		if (s->max_windowsize && s->windowsize > s->max_windowsize)
			s->windowsize = s->max_windowsize;
		len += sprintf(oack + len, "windowsize%c%u", 0, s->windowsize) + 1;
	}
	len += sprintf(oack + len, "tsize%c%llu", 0, (unsigned long long)
		       (s->tsize ? s->tsize : s->size)) + 1;
	fake_reply(sent, oack, len, fake_addr(s->ip, s->tid));
}

static void fake_server(const struct fake_sent *sent)
{
	const uint8_t *data = sent->data;
	uint32_t to = ntohl(sent->dest->sin_addr.s_addr);
	struct server *s = to == servers[1].ip ? &servers[1] : &servers[0];
	unsigned opcode = data[0] << 8 | data[1];

	CHECK_INT(to, s->ip);
	if (opcode == 1) {
		CHECK_INT(ntohs(sent->dest->sin_port), 69);
		s->rrq_len = sent->len < sizeof(s->rrq) ? sent->len : sizeof(s->rrq);
		memcpy(s->rrq, data, s->rrq_len);
		server_rrq(s, sent);
	} else if (opcode == 4) {
		uint64_t block = absolute_block(s, data[2] << 8 | data[3]);

		CHECK_INT(ntohs(sent->dest->sin_port), s->tid);
		s->acks++;
		if (block * s->blksize <= s->size)
			server_send_window(s, sent, block);
	} else if (opcode == 5) {
		s->errors_seen++;
		s->last_error_code = data[3];
		s->last_error_port = ntohs(sent->dest->sin_port);
	}
}

/* ---- the receiver ------------------------------------------------------- */

static struct sink rx;

static void setup_server(struct server *s, uint32_t ip, size_t size,
			 bool options)
{
	size_t i;

	free(s->file);
	memset(s, 0, sizeof(*s));
	s->ip = ip;
	s->tid = SERVER_TID;
	s->file = malloc(size ? size : 1);
	for (i = 0; i < size; i++)
		s->file[i] = (uint8_t)(i * 7 + i / 251 + ip);
	s->size = size;
	s->options = options;
}

/* Sets up a server with a file of size bytes and a fresh receiver. */
static void setup(size_t size, bool options)
{
	fake_flush_queue();
	setup_server(&srv, SERVER_IP, size, options);
	sink_init(&rx, size + 65536);
}

/* Opens url for sink: xfer_open_uri()'s result. */
static int open_url(struct sink *sink, const char *url)
{
	struct uri *uri = wb_parse_uri(url);
	int rc;

	if (!CHECK(uri != NULL))
		return -ENOMEM;
	rc = wb_xfer_open_uri(&sink->intf, uri);
	uri_put(uri);
	return rc;
}

/* Fetches url; returns the transfer's result. */
static int fetch(const char *url)
{
	int rc = open_url(&rx, url);

	if (rc)
		return rc;
	/* The request goes out only once the name is resolved: later. */
	CHECK_INT(srv.rrqs, 0);
	rc = sink_wait(&rx);
	CHECK(!rx.relative_seen);
	CHECK(!rx.out_of_range);
	/* In order, each byte once. */
	CHECK(!rx.discontiguous);
	/* The transfer let go of its socket, whatever the result. */
	CHECK_INT(fake_open_sockets(), 0);
	return rc;
}

static bool content_ok(const struct sink *sink, const struct server *s)
{
	return memcmp(sink->data, s->file, s->size) == 0;
}

static void test_negotiated(void)
{
	setup(100000, true);
	CHECK_INT(fetch("tftp://10.0.0.1/boot.efi"), 0);
	CHECK(content_ok(&rx, &srv));
	CHECK_INT(rx.received, 100000);
	CHECK(rx.has_size);
	CHECK_INT(rx.size, 100000);
	CHECK_INT(srv.blksize, 1432);
	CHECK_INT(srv.windowsize, 16);
	CHECK_INT(rrq_option("tsize"), 0);
	CHECK_STR(srv.rrq + 2, "boot.efi");
	/* ACK 0 for the OACK, one per window of 16, one for the end. */
	CHECK_INT(srv.acks, 1 + 70 / 16 + 1);
	CHECK_INT(rx.reasons, 0);

	/* Options from the URI; the server lowers the window. */
	setup(5000, true);
	srv.max_windowsize = 2;
	CHECK_INT(fetch("tftp://10.0.0.1//abs/path?blksize=1000&windowsize=4&timeout=2"), 0);
	CHECK(content_ok(&rx, &srv));
	CHECK_STR(srv.rrq + 2, "/abs/path");
	CHECK_INT(srv.blksize, 1000);
	CHECK_INT(rrq_option("timeout"), 2);	/* asked; this server ignores it */
	CHECK_INT(srv.windowsize, 2);
	CHECK_INT(srv.acks, 1 + 3);

	/* The window from the setting; a file of whole blocks ends with an
	 * empty one. */
	setup(4 * 1432, true);
	windowsize_setting = "1";
	CHECK_INT(fetch("tftp://10.0.0.1/f"), 0);
	windowsize_setting = NULL;
	CHECK(content_ok(&rx, &srv));
	CHECK_INT(srv.windowsize, 1);
	CHECK_INT(srv.acks, 1 + 5);

	/* A size beyond 32 bits reaches the receiver whole. */
	setup(3000, true);
	srv.tsize = 12345678901ULL;
	CHECK_INT(fetch("tftp://10.0.0.1/f"), 0);
	CHECK(rx.size == 12345678901ULL);
}

static void test_no_options(void)
{
	setup(3000, false);
	CHECK_INT(fetch("tftp://10.0.0.1/boot.efi"), 0);
	CHECK(content_ok(&rx, &srv));
	CHECK(!rx.has_size);
	CHECK_INT(srv.acks, 6);

	/* Options left out of the request. */
	setup(10, false);
	CHECK_INT(fetch("tftp://10.0.0.1/x?blksize=0&windowsize=0&tsize=0"), 0);
	CHECK(content_ok(&rx, &srv));
	CHECK_INT(srv.rrq_len, 2 + 2 + 6);
}

static void test_losses(void)
{
	/* A lost block in a window: one re-ACK, then the rest. */
	setup(50000, true);
	srv.drop_block = 5;
	CHECK_INT(fetch("tftp://10.0.0.1/f"), 0);
	CHECK(content_ok(&rx, &srv));
	CHECK_INT(rx.received, 50000);

	/* Duplicates are not delivered twice. */
	setup(50000, true);
	srv.dup_block = 7;
	CHECK_INT(fetch("tftp://10.0.0.1/f"), 0);
	CHECK(content_ok(&rx, &srv));
	CHECK_INT(rx.received, 50000);

	/* Two blocks swapped: the early one is dropped and asked for again,
	 * nothing is delivered twice or out of place. */
	setup(50000, true);
	srv.swap_block = 3;
	CHECK_INT(fetch("tftp://10.0.0.1/f"), 0);
	CHECK(srv.swapped);
	CHECK(content_ok(&rx, &srv));
	CHECK_INT(rx.received, 50000);

	/* Two lost requests. */
	setup(1000, true);
	srv.drop_rrqs = 2;
	CHECK_INT(fetch("tftp://10.0.0.1/f"), 0);
	CHECK(content_ok(&rx, &srv));
	CHECK_INT(srv.rrqs, 3);

	/* The last block of a window lost: recovered by the timer. */
	setup(50000, true);
	srv.drop_block = 16;
	CHECK_INT(fetch("tftp://10.0.0.1/f"), 0);
	CHECK(content_ok(&rx, &srv));
}

/* Loss costs about a round trip (here a few passes of the loop, so the
 * timeout's floor), never a second; duplicates and a block overtaken by
 * its successor restart no window: the server sees the acknowledgements
 * of a clean transfer. */
static void test_adaptive_timeout(void)
{
	/* ACK 0, windows ending at 16 and 32, the last block (35). */
	const unsigned clean_acks = 4;
	uint64_t start;

	setup(50000, true);
	start = fake_now;
	CHECK_INT(fetch("tftp://10.0.0.1/f"), 0);
	CHECK_INT(srv.acks, clean_acks);
	CHECK(rx.closed_us - start < 50000);

	/* The window's last block lost: the timer, at its floor. */
	setup(50000, true);
	srv.drop_block = 16;
	start = fake_now;
	CHECK_INT(fetch("tftp://10.0.0.1/f"), 0);
	CHECK(content_ok(&rx, &srv));
	CHECK(rx.closed_us - start >= 50000);
	CHECK(rx.closed_us - start < 200000);

	/* A block lost inside a window: acknowledged once the gap is proven
	 * (three blocks ahead), without waiting for the timer. */
	setup(50000, true);
	srv.drop_block = 5;
	start = fake_now;
	CHECK_INT(fetch("tftp://10.0.0.1/f"), 0);
	CHECK(content_ok(&rx, &srv));
	CHECK(rx.closed_us - start < 50000);

	/* Duplicates: no restart. */
	setup(50000, true);
	srv.dup_block = 7;
	CHECK_INT(fetch("tftp://10.0.0.1/f"), 0);
	CHECK(content_ok(&rx, &srv));
	CHECK_INT(srv.acks, clean_acks);

	/* Overtaken: kept, delivered in order, no restart. */
	setup(50000, true);
	srv.swap_block = 3;
	CHECK_INT(fetch("tftp://10.0.0.1/f"), 0);
	CHECK(srv.swapped);
	CHECK(content_ok(&rx, &srv));
	CHECK_INT(srv.acks, clean_acks);

	/* The same at a window's end: its last block comes first. */
	setup(50000, true);
	srv.swap_block = 15;
	CHECK_INT(fetch("tftp://10.0.0.1/f"), 0);
	CHECK(content_ok(&rx, &srv));

	/* Without a window (no OACK): a lost block costs the floor too. */
	setup(5000, false);
	srv.drop_block = 3;
	start = fake_now;
	CHECK_INT(fetch("tftp://10.0.0.1/f"), 0);
	CHECK(content_ok(&rx, &srv));
	CHECK(rx.closed_us - start < 200000);

	/* Before any round trip, a lost request waits the initial second. */
	setup(1000, true);
	srv.drop_rrqs = 1;
	start = fake_now;
	CHECK_INT(fetch("tftp://10.0.0.1/f"), 0);
	CHECK(rx.closed_us - start >= 1000000);
	CHECK(rx.closed_us - start < 1100000);
}

static void test_stranger(void)
{
	setup(20000, true);
	srv.stranger_block = 3;
	CHECK_INT(fetch("tftp://10.0.0.1/f"), 0);
	CHECK(content_ok(&rx, &srv));
	CHECK_INT(rx.received, 20000);
	CHECK_INT(srv.errors_seen, 1);
	CHECK_INT(srv.last_error_code, 5);
	CHECK_INT(srv.last_error_port, SERVER_TID + 1);
}

static void test_errors(void)
{
	uint64_t start;

	/* The server's own words arrive as the reason, before the close. */
	setup(100, true);
	srv.error_code = 1;
	CHECK_INT(err_base(fetch("tftp://10.0.0.1/missing")), -ENOENT);
	CHECK_STR(rx.reason, "TFTP error 1: File not found");
	CHECK_INT(rx.reasons, 1);
	CHECK(!rx.late_reason);

	setup(100, true);
	srv.bogus_oack = "blksize\00099999\0";
	srv.bogus_oack_len = 14;
	CHECK_INT(err_base(fetch("tftp://10.0.0.1/f")), -EPROTO);
	CHECK_INT(srv.errors_seen, 1);
	CHECK_INT(srv.last_error_code, 8);

	setup(100, true);
	srv.bogus_oack = "color\0red\0";
	srv.bogus_oack_len = 10;
	CHECK_INT(err_base(fetch("tftp://10.0.0.1/f")), -EPROTO);

	/* The server vanishes: 1 + 2 + 4 + 8 s of silence, then an error. */
	setup(100000, true);
	srv.vanish_after = 20;
	start = fake_now;
	CHECK_INT(err_base(fetch("tftp://10.0.0.1/f")), -ETIMEDOUT);
	CHECK(rx.closed_us - start >= 15000000);
	CHECK(rx.closed_us - start < 16000000);

	/* A receiver that fails: the server is told, the error passed on. */
	setup(100000, true);
	rx.refuse_rc = -ENOSPC;
	CHECK_INT(fetch("tftp://10.0.0.1/f"), -ENOSPC);
	CHECK_INT(rx.deliveries, 1);
	CHECK_INT(srv.errors_seen, 1);
	CHECK_INT(srv.last_error_code, 0);

	/* Bad URIs, and a name nobody resolves. */
	setup(10, true);
	CHECK_INT(err_base(fetch("tftp://10.0.0.1/")), -EINVAL);
	CHECK_INT(err_base(fetch("tftp:///file")), -EINVAL);
	CHECK_INT(err_base(fetch("tftp://no.such.host/file")), -ENXIO);
	CHECK_INT(err_base(fetch("tftp://10.0.0.1/f?blksize=4")), -EINVAL);
	CHECK(!rx.closed);
	CHECK_INT(fake_open_sockets(), 0);
	fake_open_error = -EADDRINUSE;
	CHECK_INT(fetch("tftp://10.0.0.1/f"), -EADDRINUSE);
	fake_open_error = 0;
	CHECK_INT(srv.rrqs, 0);
}

static void test_cancel(void)
{
	unsigned acks;

	/* From inside a delivery. */
	setup(100000, true);
	rx.cancel_after = 10000;
	CHECK_INT(fetch("tftp://10.0.0.1/f"), -ECANCELED);
	CHECK_INT(srv.errors_seen, 1);
	CHECK_INT(srv.last_error_code, 0);
	CHECK_INT(srv.last_error_port, SERVER_TID);
	/* Nothing is left running: the loop stays quiet. */
	acks = srv.acks;
	fake_run(20000000);
	CHECK_INT(srv.acks, acks);

	/* Between deliveries, the server gone silent. */
	setup(100000, true);
	srv.vanish_after = 10;
	CHECK_INT(open_url(&rx, "tftp://10.0.0.1/f"), 0);
	while (rx.received < 10 * 1432)
		fake_pass();
	fake_run(1500000);
	sink_cancel(&rx, -ECANCELED);
	CHECK_INT(srv.errors_seen, 1);
	CHECK_INT(fake_open_sockets(), 0);
	acks = srv.acks;
	fake_run(20000000);
	CHECK_INT(srv.acks, acks);

	/* Before the server's address is known: nothing is ever sent. */
	setup(1000, true);
	CHECK_INT(open_url(&rx, "tftp://10.0.0.1/f"), 0);
	sink_cancel(&rx, -ECANCELED);
	fake_run(5000000);
	CHECK_INT(srv.rrqs, 0);
	CHECK_INT(srv.errors_seen, 0);
	CHECK_INT(fake_open_sockets(), 0);
}

static void test_wraparound(void)
{
	/* 70000 blocks of 16 bytes: block numbers wrap past 65535 to 0. */
	setup(70000 * 16 + 5, true);
	CHECK_INT(fetch("tftp://10.0.0.1/big?blksize=16&windowsize=64"), 0);
	CHECK(content_ok(&rx, &srv));
	CHECK_INT(rx.received, srv.size);
}

/* Two servers, two receivers, one loop: each gets its own file. */
static void test_two_transfers(void)
{
	static struct sink rx2;

	setup(60000, true);
	setup_server(&servers[1], SERVER2_IP, 45000, true);
	servers[1].drop_block = 4;
	sink_init(&rx2, 45000 + 65536);
	CHECK_INT(open_url(&rx, "tftp://10.0.0.1/one"), 0);
	CHECK_INT(open_url(&rx2, "tftp://10.0.0.2/two?windowsize=3"), 0);
	CHECK_INT(sink_wait(&rx), 0);
	CHECK_INT(sink_wait(&rx2), 0);
	CHECK(content_ok(&rx, &srv));
	CHECK(content_ok(&rx2, &servers[1]));
	CHECK_INT(rx.received, 60000);
	CHECK_INT(rx2.received, 45000);
	CHECK_STR(servers[1].rrq + 2, "two");
	CHECK_INT(servers[1].windowsize, 3);
	CHECK_INT(fake_open_sockets(), 0);
	sink_release(&rx2);
	free(servers[1].file);
	servers[1].file = NULL;
}

int main(void)
{
	test_rrq();
	test_oack();
	test_error_packet();
	test_negotiated();
	test_no_options();
	test_losses();
	test_adaptive_timeout();
	test_stranger();
	test_errors();
	test_cancel();
	test_wraparound();
	test_two_transfers();
	free(srv.file);
	sink_release(&rx);
	fake_flush_queue();
	return unit_finish();
}
