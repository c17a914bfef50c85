/* Data-transfer interfaces between layers (see wireboot/xfer.h). */

#include <errno.h>
#include <string.h>
#include <wireboot/xfer.h>

void xfer_plug(struct xfer *a, struct xfer *b)
{
	a->peer = b;
	b->peer = a;
}

void xfer_unplug(struct xfer *xfer)
{
	if (xfer->peer && xfer->peer->peer == xfer)
		xfer->peer->peer = NULL;
	xfer->peer = NULL;
}

int xfer_deliver(struct xfer *xfer, struct io_buffer *iob,
		 const struct xfer_metadata *meta)
{
	static const struct xfer_metadata no_metadata;
	struct xfer *peer = xfer->peer;

	if (!peer || !peer->op->deliver) {
		free_iob(iob);
		return -ENOTCONN;
	}
	return peer->op->deliver(peer, iob, meta ? meta : &no_metadata);
}

int xfer_deliver_raw(struct xfer *xfer, const void *data, size_t len,
		     const struct xfer_metadata *meta)
{
	struct io_buffer *iob = alloc_iob(len);

	if (!iob)
		return -ENOMEM;
	memcpy(iob_put(iob, len), data, len);
	return xfer_deliver(xfer, iob, meta);
}

/* The peer is told after unplugging, so that it may close back, free
 * itself or plug into something else without reaching us again. */
void xfer_close(struct xfer *xfer, int rc)
{
	struct xfer *peer = xfer->peer;

	xfer_unplug(xfer);
	if (peer && peer->op->close)
		peer->op->close(peer, rc);
}

void xfer_size_hint(struct xfer *xfer, size_t total)
{
	struct xfer *peer = xfer->peer;

	if (peer && peer->op->size_hint)
		peer->op->size_hint(peer, total);
}
