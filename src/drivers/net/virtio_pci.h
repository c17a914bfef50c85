/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef DRIVERS_NET_VIRTIO_PCI_H
#define DRIVERS_NET_VIRTIO_PCI_H

/*
 * The virtio PCI transport (virtio 1.2, section 4.1), both of its forms:
 * modern (registers found through vendor capabilities, any BAR) and legacy
 * (fixed registers in I/O BAR 0, on transitional devices). Modern is used
 * whenever the device offers it.
 */

#include <stdbool.h>
#include <stdint.h>
#include <drivers/net/virtio_ring.h>
#include <wireboot/pci.h>

/* Device status bits (section 2.1). */
#define VIRTIO_STATUS_ACKNOWLEDGE 1
#define VIRTIO_STATUS_DRIVER 2
#define VIRTIO_STATUS_DRIVER_OK 4
#define VIRTIO_STATUS_FEATURES_OK 8
#define VIRTIO_STATUS_FAILED 128

/* Transport feature bits (section 6). */
#define VIRTIO_F_VERSION_1 32
#define VIRTIO_F_ACCESS_PLATFORM 33

/* A register block: where in which BAR. */
struct virtio_pci_region {
	unsigned bar;
	uint32_t offset;
	uint32_t length;
};

struct virtio_pci {
	struct pci_device *pci;
	bool modern;
	struct virtio_pci_region common, notify, device;
	uint32_t notify_multiplier;
};

/* Finds the device's registers; -ENODEV if it has neither form. */
int virtio_pci_init(struct virtio_pci *vp, struct pci_device *pci);

/* Reset: the device forgets its queues and stops all DMA. */
void virtio_pci_reset(struct virtio_pci *vp);
void virtio_pci_add_status(struct virtio_pci *vp, uint8_t bits);
uint64_t virtio_pci_device_features(struct virtio_pci *vp);
/* Writes the accepted features; on a modern device also sets FEATURES_OK
 * and checks the device agreed (-ENOTSUP if not). */
int virtio_pci_set_features(struct virtio_pci *vp, uint64_t features);

/* The size of queue index as the device offers it (0: no such queue). */
unsigned virtio_pci_queue_size(struct virtio_pci *vp, unsigned index);
/* Tells the device where vq's rings are and enables it. */
int virtio_pci_enable_queue(struct virtio_pci *vp, struct virtqueue *vq);
/* Rings vq's doorbell: new chains are available. */
void virtio_pci_notify(struct virtio_pci *vp, struct virtqueue *vq);

/* Device-specific configuration (little-endian fields). */
uint8_t virtio_pci_config_read8(struct virtio_pci *vp, unsigned offset);
uint16_t virtio_pci_config_read16(struct virtio_pci *vp, unsigned offset);
/* Reads len bytes consistently (the device may change them meanwhile). */
void virtio_pci_config_read(struct virtio_pci *vp, unsigned offset,
			    void *buf, size_t len);

#endif
