// FIRMWARE_SOURCES: src/net/tftp.c src/net/tftp_packet.c src/net/inet.c src/core/xfer.c src/core/job.c src/core/iobuf.c src/core/retry.c src/core/uri.c src/core/string.c src/core/strtoul.c src/core/vsprintf.c src/core/errors.c
/*
 * TFTP: the packet helpers (RRQ, OACK validation, ERROR) and the client
 * against a simulated server: options negotiated or ignored, windows, lost,
 * duplicated and reordered blocks, a stranger's transfer ID, server errors,
 * a server that vanishes, block number wraparound, cancellation.
 */

#include <errno.h>
#include <stdio.h>
#include <wireboot/open.h>
#include <wireboot/uri.h>
#include <wireboot/xfer.h>

#define tftp_build_rrq wb_tftp_build_rrq
#define tftp_parse_oack wb_tftp_parse_oack
#define tftp_parse_error wb_tftp_parse_error
#define tftp_error_rc wb_tftp_error_rc
#define tftp_last_error wb_tftp_last_error
#include <net/tftp.h>

#include "fake_udp.h"
#include "unit.h"

extern const struct uri_opener wb_tftp_uri_opener;
struct uri *wb_parse_uri(const char *text);
void wb_xfer_close(struct xfer *xfer, int rc);
int wb_inet_aton(const char *text, struct in_addr *addr);

#define SERVER_IP 0x0a000001
#define SERVER_TID 40000

/* ---- fakes: name resolution and settings --------------------------------- */

int dns_resolve(const char *name, struct in_addr *address)
{
	return wb_inet_aton(name, address) ? -ENOENT : 0;
}
WB_ALIAS(dns_resolve);

static const char *windowsize_setting;

int fetchf_setting(const char *name, char *buf, size_t len)
{
	if (strcmp(name, "tftp-windowsize") != 0 || !windowsize_setting)
		return -ENOENT;
	return snprintf(buf, len, "%s", windowsize_setting);
}
WB_ALIAS(fetchf_setting);

/* ---- packet helpers ------------------------------------------------------- */

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

/* ---- simulated server --------------------------------------------------- */

static struct {
	/* what it serves and how */
	uint8_t *file;
	size_t size;
	bool options;		/* understands options (sends an OACK) */
	const char *bogus_oack;	/* sends this OACK body instead */
	size_t bogus_oack_len;
	unsigned error_code;	/* answers the request with this error */
	unsigned max_windowsize;
	uint64_t drop_block;	/* lost once */
	uint64_t dup_block;	/* sent twice */
	uint64_t vanish_after;	/* nothing after this block */
	uint64_t stranger_block; /* a second server sends data too */
	unsigned drop_rrqs;
	/* what it negotiated and saw */
	unsigned blksize, windowsize;
	uint64_t sent_max;
	bool dropped;
	unsigned rrqs, acks;
	unsigned errors_seen, last_error_code;
	uint16_t last_error_port;
	char rrq[512];
	size_t rrq_len;
} srv;

/* The absolute block an acknowledgement of a 16-bit number means. */
static uint64_t absolute_block(uint16_t number)
{
	return srv.sent_max - (uint16_t)(srv.sent_max - number);
}

static void server_send_block(struct udp_conn *conn, uint64_t block)
{
	size_t offset = (size_t)(block - 1) * srv.blksize;
	size_t len = srv.size - offset < srv.blksize ? srv.size - offset
						     : srv.blksize;
	uint8_t packet[4 + 65536];
	unsigned copies = block == srv.dup_block ? 2 : 1;

	if (offset > srv.size)
		return;
	if (block > srv.sent_max)
		srv.sent_max = block;
	if (srv.vanish_after && block > srv.vanish_after)
		return;
	if (block == srv.drop_block && !srv.dropped) {
		srv.dropped = true;
		return;
	}
	packet[0] = 0;
	packet[1] = 3;
	packet[2] = (uint8_t)(block >> 8);
	packet[3] = (uint8_t)block;
	memcpy(&packet[4], srv.file + offset, len);
	while (copies--)
		fake_reply(conn, packet, 4 + len, fake_addr(SERVER_IP, SERVER_TID));
	if (block == srv.stranger_block)
		fake_reply(conn, packet, 4 + len,
			   fake_addr(SERVER_IP, SERVER_TID + 1));
}

static void server_send_window(struct udp_conn *conn, uint64_t after)
{
	uint64_t block;

	for (block = after + 1; block <= after + srv.windowsize; block++)
		server_send_block(conn, block);
}

/* A simple reading of the request's options. */
static unsigned rrq_option(const char *name)
{
	size_t pos = 2;

	while (pos < srv.rrq_len) {
		const char *key = srv.rrq + pos;

		pos += strlen(key) + 1;
		if (pos < srv.rrq_len && strcmp(key, name) == 0)
			return (unsigned)strtoul(srv.rrq + pos, NULL, 10);
	}
	return 0;
}

static void server_rrq(struct udp_conn *conn)
{
	char oack[128];
	size_t len = 2;

	srv.rrqs++;
	if (srv.drop_rrqs) {
		srv.drop_rrqs--;
		return;
	}
	srv.blksize = 512;
	srv.windowsize = 1;
	srv.sent_max = 0;
	if (srv.error_code) {
		char error[] = "\0\5\0\0File not found";

		error[3] = (char)srv.error_code;
		fake_reply(conn, error, sizeof(error),
			   fake_addr(SERVER_IP, SERVER_TID));
		return;
	}
	if (srv.bogus_oack) {
		memcpy(oack, "\0\6", 2);
		memcpy(oack + 2, srv.bogus_oack, srv.bogus_oack_len);
		fake_reply(conn, oack, 2 + srv.bogus_oack_len,
			   fake_addr(SERVER_IP, SERVER_TID));
		return;
	}
	if (!srv.options) {
		server_send_window(conn, 0);
		return;
	}
	memcpy(oack, "\0\6", 2);
	if (rrq_option("blksize")) {
		srv.blksize = rrq_option("blksize");
		len += sprintf(oack + len, "blksize%c%u", 0, srv.blksize) + 1;
	}
	if (rrq_option("windowsize")) {
		srv.windowsize = rrq_option("windowsize");
		if (srv.max_windowsize && srv.windowsize > srv.max_windowsize)
			srv.windowsize = srv.max_windowsize;
		len += sprintf(oack + len, "windowsize%c%u", 0, srv.windowsize) + 1;
	}
	len += sprintf(oack + len, "tsize%c%zu", 0, srv.size) + 1;
	fake_reply(conn, oack, len, fake_addr(SERVER_IP, SERVER_TID));
}

static void fake_server(struct udp_conn *conn, const uint8_t *data, size_t len,
			const struct sockaddr_in *dest)
{
	unsigned opcode = data[0] << 8 | data[1];

	CHECK_INT(ntohl(dest->sin_addr.s_addr), SERVER_IP);
	if (opcode == 1) {
		CHECK_INT(ntohs(dest->sin_port), 69);
		srv.rrq_len = len < sizeof(srv.rrq) ? len : sizeof(srv.rrq);
		memcpy(srv.rrq, data, srv.rrq_len);
		server_rrq(conn);
	} else if (opcode == 4) {
		uint64_t block = absolute_block(data[2] << 8 | data[3]);

		CHECK_INT(ntohs(dest->sin_port), SERVER_TID);
		srv.acks++;
		if (block * srv.blksize <= srv.size)
			server_send_window(conn, block);
	} else if (opcode == 5) {
		srv.errors_seen++;
		srv.last_error_code = data[3];
		srv.last_error_port = ntohs(dest->sin_port);
	}
}

/* ---- receiver ------------------------------------------------------------- */

static struct receiver {
	struct xfer xfer;
	uint8_t *data;
	size_t capacity;
	size_t received;	/* bytes delivered, duplicates included */
	size_t hint;
	bool closed;
	int rc;
	size_t cancel_after;	/* closes itself after this many bytes */
} rx;

static int rx_deliver(struct xfer *xfer, struct io_buffer *iob,
		      const struct xfer_metadata *meta)
{
	size_t len = iob_len(iob);

	CHECK(meta->flags & XFER_FL_ABS_OFFSET);
	if (CHECK(meta->offset + len <= rx.capacity))
		memcpy(rx.data + meta->offset, iob->data, len);
	rx.received += len;
	wb_free_iob(iob);
	if (rx.cancel_after && rx.received >= rx.cancel_after) {
		wb_xfer_close(xfer, -ECANCELED);
		rx.closed = true;
		rx.rc = -ECANCELED;
	}
	return 0;
}

static void rx_close(struct xfer *xfer, int rc)
{
	(void)xfer;
	rx.closed = true;
	rx.rc = rc;
}

static void rx_size_hint(struct xfer *xfer, size_t total)
{
	(void)xfer;
	rx.hint = total;
}

static const struct xfer_operations rx_operations = {
	.deliver = rx_deliver,
	.close = rx_close,
	.size_hint = rx_size_hint,
};

static bool rx_done(void *context)
{
	(void)context;
	return rx.closed;
}

/* Sets up a server with a file of size bytes and a fresh receiver. */
static void setup(size_t size, bool options)
{
	size_t i;

	free(srv.file);
	free(rx.data);
	fake_flush_queue();
	memset(&srv, 0, sizeof(srv));
	memset(&rx, 0, sizeof(rx));
	srv.file = malloc(size ? size : 1);
	for (i = 0; i < size; i++)
		srv.file[i] = (uint8_t)(i * 7 + i / 251);
	srv.size = size;
	srv.options = options;
	rx.capacity = size + 65536;
	rx.data = calloc(1, rx.capacity);
	rx.xfer.op = &rx_operations;
	rx.xfer.peer = NULL;
}

/* Fetches url; returns the transfer's result. */
static int fetch(const char *url)
{
	struct uri *uri = wb_parse_uri(url);
	int rc;

	rc = wb_tftp_uri_opener.open(&rx.xfer, uri);
	uri_put(uri);
	if (rc)
		return rc;
	rc = wait_for(rx_done, NULL, 0);
	return rc ? rc : rx.rc;
}

static bool content_ok(void)
{
	return memcmp(rx.data, srv.file, srv.size) == 0;
}

static void test_negotiated(void)
{
	setup(100000, true);
	CHECK_INT(fetch("tftp://10.0.0.1/boot.efi"), 0);
	CHECK(content_ok());
	CHECK_INT(rx.received, 100000);
	CHECK_INT(rx.hint, 100000);
	CHECK_INT(srv.blksize, 1432);
	CHECK_INT(srv.windowsize, 16);
	CHECK_INT(rrq_option("tsize"), 0);
	CHECK_STR(srv.rrq + 2, "boot.efi");
	/* ACK 0 for the OACK, one per window of 16, one for the end. */
	CHECK_INT(srv.acks, 1 + 70 / 16 + 1);

	/* Options from the URI; the server lowers the window. */
	setup(5000, true);
	srv.max_windowsize = 2;
	CHECK_INT(fetch("tftp://10.0.0.1//abs/path?blksize=1000&windowsize=4&timeout=2"), 0);
	CHECK(content_ok());
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
	CHECK(content_ok());
	CHECK_INT(srv.windowsize, 1);
	CHECK_INT(srv.acks, 1 + 5);
}

static void test_no_options(void)
{
	setup(3000, false);
	CHECK_INT(fetch("tftp://10.0.0.1/boot.efi"), 0);
	CHECK(content_ok());
	CHECK_INT(rx.hint, 0);
	CHECK_INT(srv.acks, 6);

	/* Options left out of the request. */
	setup(10, false);
	CHECK_INT(fetch("tftp://10.0.0.1/x?blksize=0&windowsize=0&tsize=0"), 0);
	CHECK(content_ok());
	CHECK_INT(srv.rrq_len, 2 + 2 + 6);
}

static void test_losses(void)
{
	/* A lost block in a window: one re-ACK, then the rest. */
	setup(50000, true);
	srv.drop_block = 5;
	CHECK_INT(fetch("tftp://10.0.0.1/f"), 0);
	CHECK(content_ok());
	CHECK_INT(rx.received, 50000);

	/* Duplicates are not delivered twice. */
	setup(50000, true);
	srv.dup_block = 7;
	CHECK_INT(fetch("tftp://10.0.0.1/f"), 0);
	CHECK(content_ok());
	CHECK_INT(rx.received, 50000);

	/* Two lost requests. */
	setup(1000, true);
	srv.drop_rrqs = 2;
	CHECK_INT(fetch("tftp://10.0.0.1/f"), 0);
	CHECK(content_ok());
	CHECK_INT(srv.rrqs, 3);

	/* The last block of a window lost: recovered by the timer. */
	setup(50000, true);
	srv.drop_block = 16;
	CHECK_INT(fetch("tftp://10.0.0.1/f"), 0);
	CHECK(content_ok());
}

static void test_stranger(void)
{
	setup(20000, true);
	srv.stranger_block = 3;
	CHECK_INT(fetch("tftp://10.0.0.1/f"), 0);
	CHECK(content_ok());
	CHECK_INT(rx.received, 20000);
	CHECK_INT(srv.errors_seen, 1);
	CHECK_INT(srv.last_error_code, 5);
	CHECK_INT(srv.last_error_port, SERVER_TID + 1);
}

static void test_errors(void)
{
	uint64_t start;

	setup(100, true);
	srv.error_code = 1;
	CHECK_INT(fetch("tftp://10.0.0.1/missing"), -ENOENT);
	CHECK_STR(tftp_last_error(), "TFTP error 1: File not found");

	setup(100, true);
	srv.bogus_oack = "blksize\00099999\0";
	srv.bogus_oack_len = 14;
	CHECK_INT(fetch("tftp://10.0.0.1/f"), -EPROTO);
	CHECK_INT(srv.errors_seen, 1);
	CHECK_INT(srv.last_error_code, 8);

	setup(100, true);
	srv.bogus_oack = "color\0red\0";
	srv.bogus_oack_len = 10;
	CHECK_INT(fetch("tftp://10.0.0.1/f"), -EPROTO);

	/* The server vanishes: 1 + 2 + 4 + 8 s of silence, then an error. */
	setup(100000, true);
	srv.vanish_after = 20;
	start = fake_now;
	CHECK_INT(fetch("tftp://10.0.0.1/f"), -ETIMEDOUT);
	CHECK(fake_now - start >= 15000000);
	CHECK(fake_now - start < 16000000);

	/* Bad URIs. */
	setup(10, true);
	CHECK_INT(fetch("tftp://10.0.0.1/"), -EINVAL);
	CHECK_INT(fetch("tftp:///file"), -EINVAL);
	CHECK_INT(fetch("tftp://no.such.host/file"), -ENOENT);
	CHECK_INT(fetch("tftp://10.0.0.1/f?blksize=4"), -EINVAL);
}

static void test_cancel(void)
{
	setup(100000, true);
	rx.cancel_after = 10000;
	CHECK_INT(fetch("tftp://10.0.0.1/f"), -ECANCELED);
	CHECK_INT(srv.errors_seen, 1);
	CHECK_INT(srv.last_error_code, 0);
	/* Nothing is left running: the loop stays quiet. */
	fake_run(20000000);
}

static void test_wraparound(void)
{
	/* 70000 blocks of 16 bytes: block numbers wrap past 65535 to 0. */
	setup(70000 * 16 + 5, true);
	CHECK_INT(fetch("tftp://10.0.0.1/big?blksize=16&windowsize=64"), 0);
	CHECK(content_ok());
	CHECK_INT(rx.received, srv.size);
}

int main(void)
{
	test_rrq();
	test_oack();
	test_error_packet();
	test_negotiated();
	test_no_options();
	test_losses();
	test_stranger();
	test_errors();
	test_cancel();
	test_wraparound();
	free(srv.file);
	free(rx.data);
	return unit_finish();
}
