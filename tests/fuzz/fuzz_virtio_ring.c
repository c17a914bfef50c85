/* SPDX-License-Identifier: GPL-2.0-or-later */
// FIRMWARE_SOURCES: src/drivers/net/virtio_ring.c
/*
 * A device's side of a split virtqueue, from fuzz bytes: each 9-byte
 * record either publishes a used entry (id, length: any values), writes
 * over a descriptor (the device can), or has the driver post a chain.
 * The queue must never read or write out of bounds, and its free count
 * must never exceed its size.
 */

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "../../src/drivers/net/virtio_ring.h"

int wb_virtq_alloc(struct pci_device *pci, struct virtqueue *vq, unsigned index,
		   unsigned size);
void wb_virtq_free(struct pci_device *pci, struct virtqueue *vq);
int wb_virtq_add(struct virtqueue *vq, const struct virtq_buf *bufs,
		 unsigned count, void *token);
void *wb_virtq_get_used(struct virtqueue *vq, uint32_t *len);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

void *dma_alloc(struct pci_device *pci, struct dma_mapping *map, size_t len)
{
	(void)pci;
	map->dma_addr = 0x10000000;
	map->len = len;
	return malloc(len);
}

void dma_free(struct pci_device *pci, struct dma_mapping *map, void *addr)
{
	(void)pci;
	(void)map;
	free(addr);
}

#define SIZE 8

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static int token;
	struct pci_device *pci = NULL;
	struct virtqueue vq = { 0 };
	struct virtq_buf chain[3] = {
		{ 0x1000, 12, true }, { 0x2000, 1536, true }, { 0x3000, 64, false },
	};
	uint32_t id, len;

	if (wb_virtq_alloc(pci, &vq, 0, SIZE) != 0)
		return 0;
	for (; size >= 9; data += 9, size -= 9) {
		memcpy(&id, data + 1, 4);
		memcpy(&len, data + 5, 4);
		switch (data[0] % 3) {
		case 0:
			vq.used->ring[vq.used->idx % SIZE].id = id;
			vq.used->ring[vq.used->idx % SIZE].len = len;
			vq.used->idx++;
			while (wb_virtq_get_used(&vq, &len))
				if (len > 12 + 1536)
					abort();
			break;
		case 1:
			vq.desc[id % SIZE].next = (uint16_t)len;
			vq.desc[id % SIZE].flags = (uint16_t)(len >> 16);
			break;
		default:
			wb_virtq_add(&vq, chain, 1 + id % 3, &token);
			break;
		}
		if (vq.free_count > SIZE)
			abort();
	}
	wb_virtq_free(pci, &vq);
	return 0;
}
