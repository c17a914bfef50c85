/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef WIREBOOT_XFER_H
#define WIREBOOT_XFER_H

/*
 * Data transfer over object interfaces (see interface.h): a TFTP
 * connection delivers file blocks to whatever is plugged in (a download
 * into an image, a test sink), a UDP socket delivers datagrams to its
 * protocol. Besides data, the receiver tells the sender how much it
 * accepts now (window), allocates buffers with the headroom its lower
 * layers need, is told the total size when known, and may be asked to
 * continue at another location (redirect).
 *
 * Metadata travels with each delivery: where the data belongs in the
 * whole (XFER_FL_ABS_OFFSET), and for datagrams their source and
 * destination addresses and the device they came in on or must leave by.
 */

#include <stddef.h>
#include <stdint.h>
#include <wireboot/interface.h>
#include <wireboot/iobuf.h>

struct sockaddr;
struct net_device;

struct xfer_metadata {
	/* With XFER_FL_ABS_OFFSET: the position of this data in the whole;
	 * otherwise the data follows what was delivered before. */
	uint64_t offset;
	unsigned flags;
	struct sockaddr *src;
	struct sockaddr *dest;
	struct net_device *netdev;
};

#define XFER_FL_ABS_OFFSET 0x0001
/* Everything delivered before is void: the whole starts again with this
 * delivery (HTTP resuming finds that the document changed). */
#define XFER_FL_RESTART 0x0002

/* Sends iob to the peer (freed if nobody takes it): 0 or an error. */
int xfer_deliver(struct interface *intf, struct io_buffer *iob,
		 struct xfer_metadata *meta);
/* What the peer accepts now; 0 if it is not ready (or not there). */
size_t xfer_window(struct interface *intf);
/* Tells the peer that our window has opened. */
void xfer_window_changed(struct interface *intf);
/* A buffer of len bytes with the headroom the peer wants (NULL: none). */
struct io_buffer *xfer_alloc_iob(struct interface *intf, size_t len);
void xfer_size_hint(struct interface *intf, uint64_t total);
/* Asks the peer to continue at uri; -ENOTSUP if it cannot. */
int xfer_redirect(struct interface *intf, struct uri *uri);

#endif
