/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Data-transfer operations over interfaces (see xfer.h): each finds the
 * peer that implements the operation and supplies the default behaviour
 * when none does.
 */

#include <errno.h>
#include <stdint.h>
#include <string.h>
#include <wireboot/xfer.h>

int xfer_deliver(struct interface *intf, struct io_buffer *iob,
		 struct xfer_metadata *meta)
{
	static struct xfer_metadata no_metadata;
	struct xfer_metadata empty;
	struct interface *dest;
	int (*deliver)(struct interface *, struct io_buffer *,
		       struct xfer_metadata *) =
		intf_get_dest_op(intf, deliver, &dest);
	int rc;

	if (!meta) {
		empty = no_metadata;
		meta = &empty;
	}
	if (deliver) {
		rc = deliver(dest, iob, meta);
	} else {
		free_iob(iob);
		rc = -ENOTCONN;
	}
	intf_put(dest);
	return rc;
}

size_t xfer_window(struct interface *intf)
{
	struct interface *dest;
	size_t (*window)(struct interface *) =
		intf_get_dest_op(intf, window, &dest);
	size_t len;

	if (window) {
		len = window(dest);
	} else {
		/* A receiver that does not say accepts everything; nobody
		 * plugged accepts nothing. */
		struct interface *sink;
		void *deliver = (void *)intf_get_dest_op(intf, deliver, &sink);

		len = deliver ? SIZE_MAX : 0;
		intf_put(sink);
	}
	intf_put(dest);
	return len;
}

void xfer_window_changed(struct interface *intf)
{
	struct interface *dest;
	void (*changed)(struct interface *) =
		intf_get_dest_op(intf, window_changed, &dest);

	if (changed)
		changed(dest);
	intf_put(dest);
}

struct io_buffer *xfer_alloc_iob(struct interface *intf, size_t len)
{
	struct interface *dest;
	struct io_buffer *(*alloc)(struct interface *, size_t) =
		intf_get_dest_op(intf, alloc_iob, &dest);
	struct io_buffer *iob = alloc ? alloc(dest, len) : alloc_iob(len);

	intf_put(dest);
	return iob;
}

void xfer_size_hint(struct interface *intf, uint64_t total)
{
	struct interface *dest;
	void (*hint)(struct interface *, uint64_t) =
		intf_get_dest_op(intf, size_hint, &dest);

	if (hint)
		hint(dest, total);
	intf_put(dest);
}

int xfer_redirect(struct interface *intf, struct uri *uri)
{
	struct interface *dest;
	int (*redirect)(struct interface *, struct uri *) =
		intf_get_dest_op(intf, redirect, &dest);
	int rc = redirect ? redirect(dest, uri) : -ENOTSUP;

	intf_put(dest);
	return rc;
}
