/* SPDX-License-Identifier: GPL-2.0-or-later */
// FIRMWARE_SOURCES: src/drivers/net/virtio_ring.c src/core/iobuf.c
/*
 * Split virtqueues against a device that misbehaves: used entries whose
 * id is out of range, names a descriptor inside a chain, or a chain
 * already returned; lengths beyond what the chain's buffers hold; and a
 * device that scribbles over the descriptor table (next links, flags)
 * before it gives the chains back. Nothing may be read or written out of
 * bounds (the bookkeeping is an exact heap block under AddressSanitizer),
 * and the queue must stay whole: every descriptor usable again.
 */

#include "fake_nic.h"
#include "../../src/drivers/net/virtio_ring.h"

int wb_virtq_alloc(struct pci_device *pci, struct virtqueue *vq, unsigned index,
		   unsigned size);
void wb_virtq_free(struct pci_device *pci, struct virtqueue *vq);
int wb_virtq_add(struct virtqueue *vq, const struct virtq_buf *bufs,
		 unsigned count, void *token);
void *wb_virtq_get_used(struct virtqueue *vq, uint32_t *len);

#define SIZE 16

static int tokens[SIZE];

/* The device's side: the used ring. */
static void device_use(struct virtqueue *vq, uint32_t id, uint32_t len)
{
	struct vring_used_elem *elem = &vq->used->ring[vq->used->idx & (vq->size - 1)];

	elem->id = id;
	elem->len = len;
	vq->used->idx++;
}

/* The head of the n-th chain made available. */
static uint16_t avail_head(struct virtqueue *vq, unsigned n)
{
	return vq->avail->ring[n & (vq->size - 1)];
}

/* Two-descriptor chains, as virtio-net posts them: a 12-byte header and
 * a 1536-byte buffer, both written by the device (or read, for
 * transmits). */
static int add_chain(struct virtqueue *vq, unsigned n, bool device_writes)
{
	struct virtq_buf chain[2] = {
		{ 0x1000 + 0x1000 * n, 12, device_writes },
		{ 0x100000 + 0x1000 * n, 1536, device_writes },
	};

	return wb_virtq_add(vq, chain, 2, &tokens[n % SIZE]);
}

static void fill(struct virtqueue *vq, unsigned *added)
{
	while (add_chain(vq, *added, true) == 0)
		(*added)++;
	CHECK_INT(vq->free_count, 0);
}

static void drain_in_order(struct virtqueue *vq, unsigned first, unsigned last)
{
	uint32_t len;
	unsigned n;

	for (n = first; n < last; n++)
		device_use(vq, avail_head(vq, n), 100);
	for (n = first; n < last; n++) {
		CHECK(wb_virtq_get_used(vq, &len) == &tokens[n % SIZE]);
		CHECK_INT(len, 100);
	}
	CHECK(wb_virtq_get_used(vq, &len) == NULL);
}

static void test_well_behaved(struct virtqueue *vq, unsigned *added)
{
	unsigned first = *added;
	struct vring_desc *desc;
	uint16_t head;

	fill(vq, added);
	CHECK_INT(*added - first, SIZE / 2);
	/* The chain as the device sees it. */
	head = avail_head(vq, first);
	desc = &vq->desc[head];
	CHECK_INT(desc->len, 12);
	CHECK(desc->flags & VRING_DESC_F_NEXT);
	CHECK(desc->flags & VRING_DESC_F_WRITE);
	CHECK(desc->next < SIZE);
	CHECK_INT(vq->desc[desc->next].len, 1536);
	CHECK(!(vq->desc[desc->next].flags & VRING_DESC_F_NEXT));
	drain_in_order(vq, first, *added);
	CHECK_INT(vq->free_count, SIZE);
}

static void test_bad_ids(struct virtqueue *vq, unsigned *added)
{
	static const uint32_t bad[] = { SIZE, SIZE + 1, 0xffff, 0x10000, 0xffffffffu };
	unsigned first = *added, i;
	uint16_t head;
	uint32_t len = 0xdead;

	fill(vq, added);
	for (i = 0; i < 5; i++) {
		device_use(vq, bad[i], 100);
		CHECK(wb_virtq_get_used(vq, &len) == NULL);
	}
	/* The second descriptor of a chain is no chain. */
	head = avail_head(vq, first);
	device_use(vq, vq->desc[head].next, 100);
	CHECK(wb_virtq_get_used(vq, &len) == NULL);
	/* A chain returned twice counts once. */
	device_use(vq, head, 100);
	device_use(vq, head, 100);
	CHECK(wb_virtq_get_used(vq, &len) == &tokens[first % SIZE]);
	CHECK(wb_virtq_get_used(vq, &len) == NULL);
	CHECK_INT(len, 100);
	CHECK_INT(vq->free_count, 2);
	drain_in_order(vq, first + 1, *added);
	CHECK_INT(vq->free_count, SIZE);
}

static void test_bad_lengths(struct virtqueue *vq, unsigned *added)
{
	static const uint32_t lengths[] = { 12 + 1536 + 1, 0x10000, 0xffffffffu };
	unsigned first, i;
	uint32_t len;

	first = *added;
	fill(vq, added);
	for (i = 0; i < 3; i++) {
		device_use(vq, avail_head(vq, first + i), lengths[i]);
		len = 0xdead;
		CHECK(wb_virtq_get_used(vq, &len) == &tokens[(first + i) % SIZE]);
		CHECK_INT(len, 0);
	}
	/* All that fits is believed. */
	device_use(vq, avail_head(vq, first + 3), 12 + 1536);
	CHECK(wb_virtq_get_used(vq, &len) == &tokens[(first + 3) % SIZE]);
	CHECK_INT(len, 12 + 1536);
	drain_in_order(vq, first + 4, *added);

	/* Nothing is writable in a transmit chain. */
	first = *added;
	CHECK_INT(add_chain(vq, (*added)++, false), 0);
	device_use(vq, avail_head(vq, first), 60);
	CHECK(wb_virtq_get_used(vq, &len) == &tokens[first % SIZE]);
	CHECK_INT(len, 0);
	CHECK_INT(vq->free_count, SIZE);
}

static void test_scribbled_descriptors(struct virtqueue *vq, unsigned *added)
{
	unsigned first = *added, n, i;
	uint32_t len;

	fill(vq, added);
	for (i = 0; i < SIZE; i++) {
		vq->desc[i].next = (uint16_t)(0xfff0 + i);
		vq->desc[i].flags = VRING_DESC_F_NEXT;
	}
	/* Out of order, too. */
	for (n = *added; n-- > first;)
		device_use(vq, avail_head(vq, n), 50);
	for (n = *added; n-- > first;)
		CHECK(wb_virtq_get_used(vq, &len) == &tokens[n % SIZE]);
	CHECK_INT(vq->free_count, SIZE);
	/* Every descriptor is usable again, each in one chain only. */
	first = *added;
	fill(vq, added);
	CHECK_INT(*added - first, SIZE / 2);
	{
		bool seen[SIZE] = { false };

		for (n = first; n < *added; n++) {
			uint16_t head = avail_head(vq, n);
			uint16_t second = vq->desc[head].next;

			CHECK(head < SIZE && second < SIZE);
			if (head >= SIZE || second >= SIZE)
				continue;
			CHECK(!seen[head] && !seen[second]);
			seen[head] = seen[second] = true;
		}
	}
	drain_in_order(vq, first, *added);
}

int main(void)
{
	struct pci_device pci = { 0 };
	struct virtqueue vq = { 0 };
	unsigned added = 0;

	CHECK_INT(wb_virtq_alloc(&pci, &vq, 0, 3), -EINVAL);
	CHECK_INT(wb_virtq_alloc(&pci, &vq, 0, SIZE), 0);
	test_well_behaved(&vq, &added);
	test_bad_ids(&vq, &added);
	test_bad_lengths(&vq, &added);
	test_scribbled_descriptors(&vq, &added);
	wb_virtq_free(&pci, &vq);
	CHECK_INT(live_blocks, 0);
	return unit_finish();
}
