/* SPDX-License-Identifier: GPL-2.0-or-later */
// FIRMWARE_SOURCES: src/net/http.c src/net/http_conn.c src/net/http_parse.c src/net/http_chunked.c src/net/http_auth.c src/crypto/md5.c src/core/params.c src/net/named_socket.c src/net/resolv.c src/net/socket.c src/net/inet.c src/core/open.c src/core/process.c src/core/interface.c src/core/xfer.c src/core/iobuf.c src/core/retry.c src/core/uri.c src/core/string.c src/core/strtoul.c src/core/vsprintf.c src/core/errors.c
// WOLFSSL_SOURCES: wolfcrypt/src/md5.c
/*
 * The HTTP client's state machine against servers that answer anything:
 * one request, opened through the "http" URI opener, over the simulated
 * TCP of tests/unit/fake_stream.h. The input is a sequence of records
 * (fuzz_sequence.h's format): each connection the client opens is
 * answered with the next record's bytes, delivered in pieces of the size
 * the first input byte picks, and then closed (control bit 0 clear),
 * reset (set) or left silent (bit 1); with no records left, connections
 * are reset. So redirects, challenges, resumption and restarts all run on
 * whatever the input holds.
 *
 * What must hold: data reaches the receiver at contiguous offsets (a
 * restart starts again at 0), the request ends within the simulated time
 * (retries and timeouts are bounded), and no connection is left open.
 */

#include "fake_inet_family.h"
#include "fake_stream.h"
#include "fuzz_sequence.h"

#include <wireboot/uri.h>

struct uri *wb_parse_uri(const char *text);
int wb_xfer_open_uri(struct interface *receiver, struct uri *uri);

/* Short timeouts and few retries: an input costs little time. */
int fetchf_setting(const char *name, char *buf, size_t len)
{
	if (strcmp(name, "http-timeout") == 0)
		return snprintf(buf, len, "1");
	if (strcmp(name, "http-retries") == 0)
		return snprintf(buf, len, "3");
	return -ENOENT;
}

static void fake_server(const struct fake_sent *sent)
{
	(void)sent;
	__builtin_trap();	/* HTTP sends no datagrams */
}

static const uint8_t *records;
static size_t records_left;

static void stream_server(struct fake_stream *stream)
{
	struct fuzz_record record;

	if (!fuzz_next_record(&records, &records_left, &record)) {
		stream_end(stream, -ECONNRESET);
		return;
	}
	stream_send(stream, record.data, record.len);
	if (record.control & 2)
		stream->stall_after = stream->out_len;
	else
		stream_end(stream, (record.control & 1) ? -ECONNRESET : 0);
}

static bool streams_open(void)
{
	unsigned i;

	for (i = 0; i < stream_count; i++) {
		if (streams[i]->open)
			return true;
	}
	return false;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const urls[4] = {
		"http://10.0.0.1/f",
		"http://user:pw@10.0.0.1:8080/dir/f?x=1",
		"http://10.0.0.1/a/b/",
		"http://u@10.0.0.1/f",
	};
	static const size_t pieces[4] = { 1, 7, 100, 1460 };
	static struct sink rx;
	struct uri *uri;
	unsigned i;

	if (size < 1)
		return 0;
	fuzz_reset();
	stream_reset();
	stream_piece = pieces[data[0] & 3];
	records = data + 1;
	records_left = size - 1;
	sink_init(&rx, 0);
	rx.capacity = SIZE_MAX;		/* count, do not keep */
	uri = wb_parse_uri(urls[(data[0] >> 2) & 3]);
	if (!uri || wb_xfer_open_uri(&rx.intf, uri) != 0)
		__builtin_trap();
	uri_put(uri);
	if (sink_wait(&rx) == SINK_NOT_CLOSED)
		__builtin_trap();
	if (rx.discontiguous || rx.relative_seen)
		__builtin_trap();
	/* A connection kept for the next request closes after its idle
	 * time (4 s in net/http_conn.c); anything open after 5 s leaked. */
	fake_run(10000);
	for (i = 0; i < 5000 && streams_open(); i++)
		fake_pass();
	if (streams_open())
		__builtin_trap();
	stream_reset();
	sink_release(&rx);
	return 0;
}
