/*
 * Split virtqueues: descriptor chains handed to the device and taken back.
 * The rings live in one coherent DMA allocation. Free descriptors and
 * chains are linked in memory of our own (links): the device can write
 * the descriptor table, so its next and flags fields are written for the
 * device but never read back.
 */

#include <errno.h>
#include <stdlib.h>
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
	vq->tokens = calloc(size, sizeof(*vq->tokens));
	vq->links = calloc(size, sizeof(*vq->links));
	vq->ring = vq->tokens && vq->links ?
		   dma_alloc(pci, &vq->ring_map, total) : NULL;
	if (!vq->ring) {
		free(vq->tokens);
		free(vq->links);
		vq->tokens = NULL;
		vq->links = NULL;
		return -ENOMEM;
	}
	vq->desc = vq->ring;
	vq->avail = (struct vring_avail *)((char *)vq->ring + avail_offset);
	vq->used = (struct vring_used *)((char *)vq->ring + used_offset);
	vq->desc_dma = vq->ring_map.dma_addr;
	vq->avail_dma = vq->ring_map.dma_addr + avail_offset;
	vq->used_dma = vq->ring_map.dma_addr + used_offset;
	vq->avail->flags = VRING_AVAIL_F_NO_INTERRUPT;

	for (i = 0; i + 1 < size; i++)
		vq->links[i].next = (uint16_t)(i + 1);
	vq->free_head = 0;
	vq->free_count = size;
	vq->last_used = 0;
	return 0;
}

void virtq_free(struct pci_device *pci, struct virtqueue *vq)
{
	if (vq->ring)
		dma_free(pci, &vq->ring_map, vq->ring);
	free(vq->tokens);
	free(vq->links);
	vq->ring = NULL;
	vq->tokens = NULL;
	vq->links = NULL;
}

int virtq_add(struct virtqueue *vq, const struct virtq_buf *bufs,
	      unsigned count, void *token)
{
	uint16_t head = vq->free_head, id = head, avail_idx;
	unsigned i;

	if (count == 0 || count > vq->free_count)
		return -ENOBUFS;
	for (i = 0; i < count; i++) {
		struct vring_desc *desc = &vq->desc[id];

		desc->addr = bufs[i].addr;
		desc->len = bufs[i].len;
		desc->flags = (uint16_t)((bufs[i].device_writes ? VRING_DESC_F_WRITE : 0) |
					 (i + 1 < count ? VRING_DESC_F_NEXT : 0));
		if (i + 1 < count) {
			desc->next = vq->links[id].next;
			id = desc->next;
		}
	}
	vq->free_head = vq->links[id].next;
	vq->free_count -= count;
	vq->tokens[head] = token;
	vq->links[head].count = (uint16_t)count;

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
	struct vring_used_elem *elem;
	uint16_t head, id;
	unsigned count, i;
	void *token;

	if (*(volatile uint16_t *)&vq->used->idx == vq->last_used)
		return NULL;
	/* Read the entry only after seeing the index that covers it. */
	rmb();
	elem = &vq->used->ring[vq->last_used & (vq->size - 1)];
	vq->last_used++;
	if (elem->id >= vq->size || !vq->tokens[elem->id])
		return NULL;	/* a device bug; never trust it further */
	head = (uint16_t)elem->id;
	*len = elem->len;

	/* Return the chain to the free list, as we built it. */
	count = vq->links[head].count;
	for (id = head, i = 1; i < count; i++)
		id = vq->links[id].next;
	vq->links[id].next = vq->free_head;
	vq->free_head = head;
	vq->free_count += count;
	token = vq->tokens[head];
	vq->tokens[head] = NULL;
	return token;
}
