/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef TESTS_INTF_SINK_H
#define TESTS_INTF_SINK_H

/*
 * The test's end of a protocol's job, data or resolver interface: it
 * records what the protocol tells it (data with its offsets, the size
 * hint, a reason text, a resolved address, the final close) so a test can
 * start a protocol plugged to it, run the fake main loop until it closes,
 * and look at the result. Closing the sink (sink_cancel) is how a test
 * cancels, as the user level does on Ctrl-C.
 *
 * A sink is embedded in the test's data and holds no reference count of
 * its own: it outlives every protocol object plugged to it.
 */

#include <stdio.h>
#include "fake_socket.h"
#include <net/in.h>

#define SINK_NOT_CLOSED 1	/* sink_wait(): the protocol never closed */
#define SINK_WAIT_LIMIT_US 600000000ULL

struct sink {
	struct interface intf;
	bool closed;
	int rc;
	uint64_t closed_us;		/* fake clock at the close */
	char reason[160];		/* the last reason text */
	unsigned reasons;
	bool late_reason;		/* one came after the close */
	bool resolved;
	/* The resolved address, aligned for any family's structure (struct
	 * sockaddr itself only guarantees its first member's alignment). */
	union {
		struct sockaddr sa;
		struct sockaddr_in sin;
	} address;
	bool has_size;
	uint64_t size;			/* the size hint */
	uint8_t *data;			/* capacity bytes, by offset */
	size_t capacity;
	size_t received;		/* bytes delivered, duplicates included */
	unsigned deliveries;
	size_t max_delivery;		/* the largest one */
	bool relative_seen;		/* a delivery without an offset */
	unsigned restarts;		/* deliveries that voided the rest */
	bool discontiguous;		/* one not right after the last */
	bool out_of_range;		/* data past capacity */
	/* Closes itself from inside a delivery after this many bytes. */
	size_t cancel_after;
	int refuse_rc;			/* deliveries fail with this (0: accept) */
	size_t window;			/* what it accepts at once (0: anything) */
	/* Called with each delivery (after it is counted), if set. */
	void (*check)(struct sink *sink, const void *data, size_t len,
		      uint64_t offset);
	/* Called when the answer arrives, if set. */
	void (*check_resolved)(struct sink *sink);
};

static void sink_cancel(struct sink *sink, int rc)
{
	/* Ours first: the protocol's reaction must not come back here. */
	if (sink->closed)
		return;
	sink->closed = true;
	sink->rc = rc;
	sink->closed_us = fake_now;
	wb_intf_shutdown(&sink->intf, rc);
}

static int sink_deliver(struct interface *intf, struct io_buffer *iob,
			struct xfer_metadata *meta)
{
	struct sink *sink = container_of(intf, struct sink, intf);
	size_t len = iob_len(iob);
	uint64_t offset = meta->offset;

	if (meta->flags & XFER_FL_RESTART) {
		sink->restarts++;
		sink->received = 0;
	}
	if (!(meta->flags & XFER_FL_ABS_OFFSET)) {
		sink->relative_seen = true;
		offset = sink->received;
	}
	if (offset != sink->received)
		sink->discontiguous = true;
	if (offset > sink->capacity || len > sink->capacity - offset)
		sink->out_of_range = true;
	else if (sink->data)
		memcpy(sink->data + offset, iob->data, len);
	sink->received += len;
	sink->deliveries++;
	if (len > sink->max_delivery)
		sink->max_delivery = len;
	if (sink->check)
		sink->check(sink, iob->data, len, offset);
	wb_free_iob(iob);
	if (sink->refuse_rc)
		return sink->refuse_rc;
	if (sink->cancel_after && sink->received >= sink->cancel_after)
		sink_cancel(sink, -ECANCELED);
	return 0;
}

static size_t sink_window(struct interface *intf)
{
	struct sink *sink = container_of(intf, struct sink, intf);

	return sink->window ? sink->window : SIZE_MAX;
}

static void sink_size_hint(struct interface *intf, uint64_t total)
{
	struct sink *sink = container_of(intf, struct sink, intf);

	sink->has_size = true;
	sink->size = total;
}

static void sink_reason(struct interface *intf, const char *text)
{
	struct sink *sink = container_of(intf, struct sink, intf);

	snprintf(sink->reason, sizeof(sink->reason), "%s", text);
	sink->reasons++;
	if (sink->closed)
		sink->late_reason = true;
}

static void sink_resolved(struct interface *intf, const struct sockaddr *sa)
{
	struct sink *sink = container_of(intf, struct sink, intf);

	sink->resolved = true;
	memcpy(&sink->address, sa, sizeof(sink->address.sa));
	if (sink->check_resolved)
		sink->check_resolved(sink);
}

static void sink_close(struct interface *intf, int rc)
{
	struct sink *sink = container_of(intf, struct sink, intf);

	wb_intf_unplug(&sink->intf);
	if (sink->closed)
		return;
	sink->closed = true;
	sink->rc = rc;
	sink->closed_us = fake_now;
}

static const struct interface_operations sink_operations = {
	.deliver = sink_deliver,
	.window = sink_window,
	.size_hint = sink_size_hint,
	.reason = sink_reason,
	.resolved = sink_resolved,
	.close = sink_close,
};

/* A fresh sink with room for capacity bytes of data. */
__attribute__((unused)) static void sink_init(struct sink *sink,
					      size_t capacity)
{
	free(sink->data);
	memset(sink, 0, sizeof(*sink));
	intf_init(&sink->intf, &sink_operations, NULL);
	sink->capacity = capacity;
	sink->data = capacity ? calloc(1, capacity) : NULL;
}

__attribute__((unused)) static void sink_release(struct sink *sink)
{
	free(sink->data);
	sink->data = NULL;
}

/* Runs the loop until the protocol closes the sink (or the limit passes):
 * the close's rc, or SINK_NOT_CLOSED. */
__attribute__((unused)) static int sink_wait(struct sink *sink)
{
	uint64_t start = fake_now;

	while (!sink->closed && fake_now - start < SINK_WAIT_LIMIT_US)
		fake_pass();
	return sink->closed ? sink->rc : SINK_NOT_CLOSED;
}

#endif
