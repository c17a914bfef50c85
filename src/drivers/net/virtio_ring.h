/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef DRIVERS_NET_VIRTIO_RING_H
#define DRIVERS_NET_VIRTIO_RING_H

/*
 * Split virtqueues (virtio 1.2, section 2.7): a descriptor table, the ring
 * of descriptor chains the driver makes available and the ring of chains
 * the device has used. Transport-neutral: the transport tells the device
 * where the rings are and rings the doorbell.
 */

#include <stdbool.h>
#include <stdint.h>
#include <wireboot/pci.h>

struct vring_desc {
	uint64_t addr;
	uint32_t len;
	uint16_t flags;
	uint16_t next;
};

#define VRING_DESC_F_NEXT 1
#define VRING_DESC_F_WRITE 2

/* In the available ring's flags: we poll, the device need not interrupt. */
#define VRING_AVAIL_F_NO_INTERRUPT 1

struct vring_avail {
	uint16_t flags;
	uint16_t idx;
	uint16_t ring[];
};

struct vring_used_elem {
	uint32_t id;
	uint32_t len;
};

struct vring_used {
	uint16_t flags;
	uint16_t idx;
	struct vring_used_elem ring[];
};

/* The legacy interface places the used ring on the next 4 KiB boundary;
 * that layout satisfies the modern alignments too, so it is used for both. */
#define VRING_ALIGN 4096

/* A descriptor as we know it: the free list's link (within a chain: the
 * next descriptor of the chain), and for a chain's head what the chain
 * is. */
struct virtq_slot {
	void *token;		/* the caller's; NULL unless a head in use */
	uint32_t writable;	/* head: bytes the device may write */
	uint16_t next;
	uint16_t count;		/* head: descriptors in the chain */
};

struct virtqueue {
	unsigned index;
	unsigned size;			/* entries, a power of two */
	struct vring_desc *desc;
	struct vring_avail *avail;
	struct vring_used *used;
	uint64_t desc_dma, avail_dma, used_dma;
	struct dma_mapping ring_map;
	void *ring;			/* the one allocation holding all three */
	/* Our own bookkeeping, per descriptor: never read back from the
	 * rings, which the device can write. */
	struct virtq_slot *slots;
	uint16_t free_head;
	unsigned free_count;
	uint16_t last_used;		/* next used entry to look at */
	uint64_t notify_offset;		/* the transport's doorbell for it */
};

/* One buffer of a chain: device-readable unless device_writes. */
struct virtq_buf {
	uint64_t addr;
	uint32_t len;
	bool device_writes;
};

int virtq_alloc(struct pci_device *pci, struct virtqueue *vq, unsigned index,
		unsigned size);
void virtq_free(struct pci_device *pci, struct virtqueue *vq);

/* Makes a chain of count buffers available, remembered by token (not
 * NULL); -ENOBUFS if the descriptors are all in use. The device learns of
 * it when the transport notifies. */
int virtq_add(struct virtqueue *vq, const struct virtq_buf *bufs,
	      unsigned count, void *token);
/* The token of the next chain the device has finished (len: bytes it
 * wrote, never more than the chain's device-writable buffers hold: a
 * larger report is given as 0), or NULL. A used entry that names no
 * chain in use (a device bug) is skipped and gives NULL. */
void *virtq_get_used(struct virtqueue *vq, uint32_t *len);

#endif
