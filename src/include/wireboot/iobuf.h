/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef WIREBOOT_IOBUF_H
#define WIREBOOT_IOBUF_H

/*
 * I/O buffers: one packet (or block of a download) with room before its data
 * so that each layer pushes its header in place, with no copy.
 *
 *   head <= data <= tail <= end
 *   [head, data): headroom   [data, tail): contents   [tail, end): tailroom
 *
 * Buffers are aligned for DMA (IOB_ALIGN) so that drivers can hand them to
 * the hardware directly.
 */

#include <stddef.h>
#include <stdint.h>
#include <wireboot/list.h>

#define IOB_ALIGN 64
/* Headroom that every transmit path reserves: Ethernet + IPv4 with options
 * + UDP/TCP + slack for a VLAN tag; protocols push into it. */
#define IOB_NET_HEADROOM 128
/* Shortest Ethernet frame (without CRC): netdev_tx() pads runts to it in
 * place, so transmit buffers leave room for that much behind the data. */
#define IOB_NET_MIN_FRAME 60

struct io_buffer {
	struct list_head list;	/* free for the current owner's queues */
	void *head;
	void *data;
	void *tail;
	void *end;
	void *allocation;	/* what free_iob() releases */
};

/* Allocates a buffer of len bytes of tailroom (no headroom); NULL if out of
 * memory. */
struct io_buffer *alloc_iob(size_t len);
/* Allocates with IOB_NET_HEADROOM reserved in front of len bytes (at
 * least IOB_NET_MIN_FRAME, so that a runt can be padded in place). */
struct io_buffer *alloc_net_iob(size_t len);
void free_iob(struct io_buffer *iob);
/* Releases the buffers kept for reuse (before the image exits or unloads). */
void iob_cache_flush(void);

static inline size_t iob_len(const struct io_buffer *iob)
{
	return (size_t)((char *)iob->tail - (char *)iob->data);
}

static inline size_t iob_headroom(const struct io_buffer *iob)
{
	return (size_t)((char *)iob->data - (char *)iob->head);
}

static inline size_t iob_tailroom(const struct io_buffer *iob)
{
	return (size_t)((char *)iob->end - (char *)iob->tail);
}

/* Moves data and tail forward (only on an empty buffer, to make headroom). */
static inline void iob_reserve(struct io_buffer *iob, size_t len)
{
	iob->data = (char *)iob->data + len;
	iob->tail = (char *)iob->tail + len;
}

/* Appends len bytes; returns where they start. Caller checked tailroom. */
static inline void *iob_put(struct io_buffer *iob, size_t len)
{
	void *old_tail = iob->tail;

	iob->tail = (char *)iob->tail + len;
	return old_tail;
}

static inline void iob_unput(struct io_buffer *iob, size_t len)
{
	iob->tail = (char *)iob->tail - len;
}

/* Prepends len bytes (a header); returns the new start. Caller checked
 * headroom. */
static inline void *iob_push(struct io_buffer *iob, size_t len)
{
	iob->data = (char *)iob->data - len;
	return iob->data;
}

/* Removes len bytes from the front (a parsed header); returns the new
 * start. Callers of network input check iob_len() first. */
static inline void *iob_pull(struct io_buffer *iob, size_t len)
{
	iob->data = (char *)iob->data + len;
	return iob->data;
}

/* Trims the contents to len bytes (e.g. to drop Ethernet padding). */
static inline void iob_trim(struct io_buffer *iob, size_t len)
{
	if (len < iob_len(iob))
		iob->tail = (char *)iob->data + len;
}

#endif
