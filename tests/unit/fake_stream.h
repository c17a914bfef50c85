/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef TESTS_FAKE_STREAM_H
#define TESTS_FAKE_STREAM_H

/*
 * A simulated TCP at the socket level for the tests of protocols over
 * byte streams (HTTP): the protocol opens its connection through the real
 * xfer_open_named_socket(), which finds this file's SOCK_STREAM opener.
 * Each connection behaves as the interfaces promise of TCP:
 *
 *   - its window is 0 until it connects, on a later pass of the main
 *     loop, and then the protocol is told (window_changed); a test may
 *     make the next connections be refused instead (stream_refuse);
 *   - what the protocol sends is gathered as the request; once a request
 *     head (and the body its Content-Length announces) is complete, the
 *     test's stream_server() sees it and queues the answer with
 *     stream_send() and, optionally, stream_end() (a close, or a reset);
 *   - the answer is delivered in pieces of stream_piece bytes, one piece
 *     per pass of the loop, never more than the protocol's window (as TCP
 *     holds back what its owner cannot take), and a connection may be
 *     told to go silent midway (stall_after).
 *
 * A permanent process delivers one event per pass of the loop, so the
 * fake clock (fake_socket.h, 1 ms per pass) moves while data flows, and
 * the protocol's timers fire at simulated times.
 */

#include "fake_socket.h"
#include <wireboot/process.h>

size_t wb_xfer_window(struct interface *intf);
void wb_xfer_window_changed(struct interface *intf);

#define STREAM_MAX 64
#define STREAM_REQUEST_MAX 16384

struct fake_stream {
	struct refcnt refcnt;
	struct interface xfer;
	struct sockaddr_in peer;
	unsigned number;		/* connections opened before this one */
	bool connected, open, served;
	bool refused;			/* to be refused at connect */
	char request[STREAM_REQUEST_MAX + 1];
	size_t request_len;
	uint8_t *out;			/* the answer queued */
	size_t out_len, out_pos;
	size_t stall_after;		/* go silent once this much is sent */
	bool end_queued;
	int end_rc;			/* 0: close; else a reset */
	int client_rc;			/* what the protocol closed it with */
	bool client_closed;
};

static struct fake_stream *streams[STREAM_MAX];
static unsigned stream_count;
static size_t stream_piece = 1460;
static unsigned stream_refuse;		/* refuse this many connections */

static void stream_server(struct fake_stream *stream);

static void stream_free(struct refcnt *refcnt)
{
	struct fake_stream *stream = container_of(refcnt, struct fake_stream,
						  refcnt);

	free(stream->out);
	free(stream);
}

__attribute__((unused)) static void stream_send(struct fake_stream *stream,
						const void *data, size_t len)
{
	stream->out = realloc(stream->out, stream->out_len + len + 1);
	memcpy(stream->out + stream->out_len, data, len);
	stream->out_len += len;
}

__attribute__((unused)) static void stream_send_str(struct fake_stream *stream,
						    const char *text)
{
	stream_send(stream, text, strlen(text));
}

/* After what is queued: a close (0) or a reset (an error). */
__attribute__((unused)) static void stream_end(struct fake_stream *stream,
					       int rc)
{
	stream->end_queued = true;
	stream->end_rc = rc;
}

/* The request's head is complete, and its body as long as announced. */
static bool stream_request_complete(const struct fake_stream *stream)
{
	const char *end = strstr(stream->request, "\r\n\r\n");
	const char *length = strstr(stream->request, "Content-Length: ");
	size_t body = length ? strtoul(length + 16, NULL, 10) : 0;

	return end && stream->request_len >=
		      (size_t)(end + 4 - stream->request) + body;
}

static int stream_deliver(struct interface *xfer, struct io_buffer *iob,
			  struct xfer_metadata *meta)
{
	struct fake_stream *stream = container_of(xfer, struct fake_stream,
						  xfer);
	size_t len = iob_len(iob);

	(void)meta;
	if (!stream->connected || !stream->open) {
		wb_free_iob(iob);
		return -ENOTCONN;
	}
	if (len > STREAM_REQUEST_MAX - stream->request_len)
		len = STREAM_REQUEST_MAX - stream->request_len;
	memcpy(stream->request + stream->request_len, iob->data, len);
	stream->request_len += len;
	stream->request[stream->request_len] = '\0';
	wb_free_iob(iob);
	if (!stream->served && stream_request_complete(stream)) {
		stream->served = true;
		stream_server(stream);
	}
	return 0;
}

static void stream_shut(struct fake_stream *stream, int rc)
{
	if (!stream->open)
		return;
	stream->open = false;
	wb_intf_shutdown(&stream->xfer, rc);
}

static void stream_close(struct interface *xfer, int rc)
{
	struct fake_stream *stream = container_of(xfer, struct fake_stream,
						  xfer);

	stream->client_closed = true;
	stream->client_rc = rc;
	stream_shut(stream, rc);
}

/* The window the connection offers: 0 until connected. */
static size_t stream_window(struct interface *xfer)
{
	struct fake_stream *stream = container_of(xfer, struct fake_stream,
						  xfer);

	return stream->connected && stream->open ? 65536 : 0;
}

static const struct interface_operations stream_operations = {
	.deliver = stream_deliver,
	.window = stream_window,
	.close = stream_close,
};

static int stream_open(struct interface *xfer, const struct sockaddr *peer,
		       const struct sockaddr *local)
{
	struct fake_stream *stream;

	(void)local;
	if (stream_count == STREAM_MAX)
		return -ENOBUFS;
	stream = calloc(1, sizeof(*stream));
	ref_init(&stream->refcnt, stream_free);
	intf_init(&stream->xfer, &stream_operations, &stream->refcnt);
	memcpy(&stream->peer, peer, sizeof(stream->peer));
	stream->number = stream_count;
	stream->open = true;
	stream->stall_after = SIZE_MAX;
	if (stream_refuse) {
		stream_refuse--;
		stream->refused = true;
	}
	streams[stream_count++] = stream;	/* the table's reference */
	wb_intf_plug_plug(&stream->xfer, xfer);
	return 0;
}

SOCKET_OPENER(fake_stream_opener) = {
	.semantics = SOCK_STREAM,
	.open = stream_open,
};

/* One event on one connection: true if something happened. */
static bool stream_event(struct fake_stream *stream)
{
	struct io_buffer *iob;
	size_t len, window;

	if (!stream->open)
		return false;
	if (!stream->connected) {
		if (stream->refused) {
			stream_shut(stream, -ECONNREFUSED);
			return true;
		}
		stream->connected = true;
		wb_xfer_window_changed(&stream->xfer);
		return true;
	}
	if (stream->out_pos < stream->out_len &&
	    stream->out_pos < stream->stall_after) {
		window = wb_xfer_window(&stream->xfer);
		len = stream->out_len - stream->out_pos;
		if (len > stream_piece)
			len = stream_piece;
		if (len > stream->stall_after - stream->out_pos)
			len = stream->stall_after - stream->out_pos;
		if (!window)
			return false;
		if (len > window)
			len = window;
		iob = wb_alloc_iob(len);
		memcpy(iob_put(iob, len), stream->out + stream->out_pos, len);
		stream->out_pos += len;
		wb_xfer_deliver(&stream->xfer, iob, NULL);
		return true;
	}
	if (stream->end_queued && stream->out_pos == stream->out_len) {
		stream_shut(stream, stream->end_rc);
		return true;
	}
	return false;
}

static void stream_step(void)
{
	unsigned i;

	for (i = 0; i < stream_count; i++) {
		if (stream_event(streams[i]))
			return;
	}
}

PERMANENT_PROCESS(fake_stream_process) = {
	.step = stream_step,
};

/* Forgets every connection (between tests). */
__attribute__((unused)) static void stream_reset(void)
{
	unsigned i;

	for (i = 0; i < stream_count; i++) {
		stream_shut(streams[i], -ECANCELED);
		ref_put(&streams[i]->refcnt);
		streams[i] = NULL;
	}
	stream_count = 0;
	stream_refuse = 0;
	stream_piece = 1460;
}

#endif
