/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Split virtqueues: descriptor chains handed to the device and taken back.
 * The rings live in one coherent DMA allocation the device can write, so
 * nothing we depend on is read back from them: the free list, the chains
 * and their lengths are kept in our own slots, and the one thing the
 * device tells us (a used entry's id and length) is read once and
 * checked against them before it is used.
 */

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <drivers/net/virtio_ring.h>

static size_t align_up(size_t value, size_t align)
{
	return (value + align - 1) & ~(align - 1);
}

int virtq_alloc(struct pci_device *pci, struct virtqueue *vq, unsigned index,
		unsigned size)
{
	size_t avail_offset, used_offset, total;
	unsigned i;

	if (size == 0 || (size & (size - 1)) || size > 32768)
		return -EINVAL;
	avail_offset = sizeof(struct vring_desc) * size;
	used_offset = align_up(avail_offset + sizeof(struct vring_avail) +
				       sizeof(uint16_t) * (size + 1),
			       VRING_ALIGN);
	total = used_offset + sizeof(struct vring_used) +
		sizeof(struct vring_used_elem) * size + sizeof(uint16_t);

	vq->index = index;
	vq->size = size;
	vq->slots = calloc(size, sizeof(*vq->slots));
	if (!vq->slots)
		return -ENOMEM;
	vq->ring = dma_alloc(pci, &vq->ring_map, total);
	if (!vq->ring) {
		free(vq->slots);
		vq->slots = NULL;
		return -ENOMEM;
	}
	/* Indices start at zero on both sides. */
	memset(vq->ring, 0, total);
	vq->desc = vq->ring;
	vq->avail = (struct vring_avail *)((char *)vq->ring + avail_offset);
	vq->used = (struct vring_used *)((char *)vq->ring + used_offset);
	vq->desc_dma = vq->ring_map.dma_addr;
	vq->avail_dma = vq->ring_map.dma_addr + avail_offset;
	vq->used_dma = vq->ring_map.dma_addr + used_offset;
	vq->avail->flags = VRING_AVAIL_F_NO_INTERRUPT;

	for (i = 0; i + 1 < size; i++)
		vq->slots[i].next = (uint16_t)(i + 1);
	vq->free_head = 0;
	vq->free_count = size;
	vq->last_used = 0;
	return 0;
}

void virtq_free(struct pci_device *pci, struct virtqueue *vq)
{
	if (vq->ring)
		dma_free(pci, &vq->ring_map, vq->ring);
	free(vq->slots);
	vq->ring = NULL;
	vq->slots = NULL;
}

int virtq_add(struct virtqueue *vq, const struct virtq_buf *bufs,
	      unsigned count, void *token)
{
	uint16_t head = vq->free_head, id = head, avail_idx;
	uint32_t writable = 0;
	unsigned i;

	if (count == 0 || count > vq->free_count)
		return -ENOBUFS;
	for (i = 0; i < count; i++) {
		struct vring_desc *desc = &vq->desc[id];

		desc->addr = bufs[i].addr;
		desc->len = bufs[i].len;
		desc->flags = (uint16_t)((bufs[i].device_writes ? VRING_DESC_F_WRITE : 0) |
					 (i + 1 < count ? VRING_DESC_F_NEXT : 0));
		if (bufs[i].device_writes)
			writable += bufs[i].len;
		if (i + 1 < count) {
			id = vq->slots[id].next;
			desc->next = id;
		}
	}
	vq->free_head = vq->slots[id].next;
	vq->free_count -= count;
	vq->slots[head].token = token;
	vq->slots[head].count = (uint16_t)count;
	vq->slots[head].writable = writable;

	/* The chain must be complete before the device can see its head,
	 * and the head in the ring before the index that publishes it. */
	avail_idx = vq->avail->idx;
	vq->avail->ring[avail_idx & (vq->size - 1)] = head;
	wmb();
	*(volatile uint16_t *)&vq->avail->idx = (uint16_t)(avail_idx + 1);
	mb();
	return 0;
}

void *virtq_get_used(struct virtqueue *vq, uint32_t *len)
{
	volatile struct vring_used_elem *elem;
	struct virtq_slot *slot;
	uint32_t id, used_len;
	uint16_t tail;
	unsigned i;
	void *token;

	if (*(volatile uint16_t *)&vq->used->idx == vq->last_used)
		return NULL;
	/* Read the entry only after seeing the index that covers it, and
	 * once: the device may change it under us. */
	rmb();
	elem = &vq->used->ring[vq->last_used & (vq->size - 1)];
	id = elem->id;
	used_len = elem->len;
	vq->last_used++;
	if (id >= vq->size || !vq->slots[id].token)
		return NULL;	/* names no chain of ours */
	slot = &vq->slots[id];

	/* Return the chain to the free list. */
	for (tail = (uint16_t)id, i = 1; i < slot->count; i++)
		tail = vq->slots[tail].next;
	vq->slots[tail].next = vq->free_head;
	vq->free_head = (uint16_t)id;
	vq->free_count += slot->count;
	*len = used_len <= slot->writable ? used_len : 0;
	token = slot->token;
	slot->token = NULL;
	return token;
}
