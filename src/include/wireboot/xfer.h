#ifndef WIREBOOT_XFER_H
#define WIREBOOT_XFER_H

/*
 * Data-transfer interfaces: how one layer hands data to the next without
 * either knowing what the other is. A TFTP connection delivers file blocks
 * through its xfer to whatever is plugged in (a download into memory, a
 * test sink); the receiver's close tells the sender to stop, and the
 * sender's close tells the receiver that the transfer ended, with a result.
 *
 * Two endpoints are plugged together; each calls the functions below on its
 * own endpoint, which forward to the peer's operations.
 */

#include <stddef.h>
#include <stdint.h>
#include <wireboot/iobuf.h>

struct sockaddr;

struct xfer_metadata {
	/* Position of this data in the whole transfer, if XFER_FL_ABS_OFFSET;
	 * otherwise data follows what was delivered before. */
	size_t offset;
	unsigned flags;
	const struct sockaddr *src;
	const struct sockaddr *dest;
};

#define XFER_FL_ABS_OFFSET 0x0001

struct xfer;

struct xfer_operations {
	/* Takes ownership of iob (frees it even on error). */
	int (*deliver)(struct xfer *xfer, struct io_buffer *iob,
		       const struct xfer_metadata *meta);
	/* The peer has finished: rc 0 for success or a negative error. */
	void (*close)(struct xfer *xfer, int rc);
	/* The peer announces the total size, if known (e.g. TFTP tsize), so
	 * that a receiver can allocate once. Optional. */
	void (*size_hint)(struct xfer *xfer, size_t total);
};

struct xfer {
	const struct xfer_operations *op;
	struct xfer *peer;
};

static inline void xfer_init(struct xfer *xfer, const struct xfer_operations *op)
{
	xfer->op = op;
	xfer->peer = NULL;
}

void xfer_plug(struct xfer *a, struct xfer *b);
/* Disconnects both ends without notifying anyone. */
void xfer_unplug(struct xfer *xfer);

/* Sends iob to the peer (frees it if there is none). */
int xfer_deliver(struct xfer *xfer, struct io_buffer *iob,
		 const struct xfer_metadata *meta);
/* Copies len bytes into a new buffer and delivers it. */
int xfer_deliver_raw(struct xfer *xfer, const void *data, size_t len,
		     const struct xfer_metadata *meta);
/* Unplugs, then tells the former peer that this end closed with rc. */
void xfer_close(struct xfer *xfer, int rc);
void xfer_size_hint(struct xfer *xfer, size_t total);

#endif
