/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The virtio PCI transport, modern and legacy: device status, feature
 * negotiation, queue setup and notification, device configuration.
 */

#include <errno.h>
#include <string.h>
#include <drivers/net/virtio_pci.h>
#include <wireboot/debug.h>
#include <wireboot/pci_regs.h>
#include <wireboot/poll.h>

/* Vendor capability describing a modern register block (section 4.1.4). */
#define VIRTIO_PCI_CAP_CFG_TYPE 3
#define VIRTIO_PCI_CAP_BAR 4
#define VIRTIO_PCI_CAP_OFFSET 8
#define VIRTIO_PCI_CAP_LENGTH 12
#define VIRTIO_PCI_CAP_NOTIFY_MULTIPLIER 16
#define VIRTIO_PCI_CAP_COMMON_CFG 1
#define VIRTIO_PCI_CAP_NOTIFY_CFG 2
#define VIRTIO_PCI_CAP_DEVICE_CFG 4

/* Modern common configuration (section 4.1.4.3). */
#define COMMON_DEVICE_FEATURE_SELECT 0x00
#define COMMON_DEVICE_FEATURE 0x04
#define COMMON_DRIVER_FEATURE_SELECT 0x08
#define COMMON_DRIVER_FEATURE 0x0c
#define COMMON_DEVICE_STATUS 0x14
#define COMMON_CONFIG_GENERATION 0x15
#define COMMON_QUEUE_SELECT 0x16
#define COMMON_QUEUE_SIZE 0x18
#define COMMON_QUEUE_ENABLE 0x1c
#define COMMON_QUEUE_NOTIFY_OFF 0x1e
#define COMMON_QUEUE_DESC 0x20
#define COMMON_QUEUE_DRIVER 0x28
#define COMMON_QUEUE_DEVICE 0x30
#define COMMON_CFG_MIN_LENGTH 0x38

/* Legacy registers in I/O BAR 0 (section 4.1.4.10). */
#define LEGACY_BAR 0
#define LEGACY_DEVICE_FEATURES 0x00
#define LEGACY_DRIVER_FEATURES 0x04
#define LEGACY_QUEUE_PFN 0x08
#define LEGACY_QUEUE_SIZE 0x0c
#define LEGACY_QUEUE_SELECT 0x0e
#define LEGACY_QUEUE_NOTIFY 0x10
#define LEGACY_DEVICE_STATUS 0x12
/* Device configuration follows; the MSI-X vector registers come first
 * when MSI-X is enabled. */
#define LEGACY_DEVICE_CFG 0x14
#define LEGACY_DEVICE_CFG_MSIX 0x18
#define LEGACY_DEVICE_CFG_LENGTH 0x100
#define LEGACY_PFN_SHIFT 12

/* How long a modern device may take to finish a reset. */
#define RESET_TIMEOUT_US 1000000

static uint8_t region_read8(struct virtio_pci *vp,
			    const struct virtio_pci_region *r, unsigned offset)
{
	return pci_bar_read8(vp->pci, r->bar, r->offset + offset);
}

static uint16_t region_read16(struct virtio_pci *vp,
			      const struct virtio_pci_region *r, unsigned offset)
{
	return pci_bar_read16(vp->pci, r->bar, r->offset + offset);
}

static uint32_t region_read32(struct virtio_pci *vp,
			      const struct virtio_pci_region *r, unsigned offset)
{
	return pci_bar_read32(vp->pci, r->bar, r->offset + offset);
}

static void region_write8(struct virtio_pci *vp,
			  const struct virtio_pci_region *r, unsigned offset,
			  uint8_t value)
{
	pci_bar_write8(vp->pci, r->bar, r->offset + offset, value);
}

static void region_write16(struct virtio_pci *vp,
			   const struct virtio_pci_region *r, unsigned offset,
			   uint16_t value)
{
	pci_bar_write16(vp->pci, r->bar, r->offset + offset, value);
}

static void region_write32(struct virtio_pci *vp,
			   const struct virtio_pci_region *r, unsigned offset,
			   uint32_t value)
{
	pci_bar_write32(vp->pci, r->bar, r->offset + offset, value);
}

/* 64-bit fields are written as two halves, which the spec allows. */
static void region_write64(struct virtio_pci *vp,
			   const struct virtio_pci_region *r, unsigned offset,
			   uint64_t value)
{
	region_write32(vp, r, offset, (uint32_t)value);
	region_write32(vp, r, offset + 4, (uint32_t)(value >> 32));
}

/* Reads the vendor capability at pos into region; returns its type, or
 * 0 if it does not describe a usable block. */
static unsigned read_capability(struct pci_device *pci, unsigned pos,
				struct virtio_pci_region *region)
{
	uint8_t type, bar;

	if (pci_read_config8(pci, pos + VIRTIO_PCI_CAP_CFG_TYPE, &type) != 0 ||
	    pci_read_config8(pci, pos + VIRTIO_PCI_CAP_BAR, &bar) != 0 ||
	    pci_read_config32(pci, pos + VIRTIO_PCI_CAP_OFFSET,
			      &region->offset) != 0 ||
	    pci_read_config32(pci, pos + VIRTIO_PCI_CAP_LENGTH,
			      &region->length) != 0)
		return 0;
	if (pci_bar_is_io(pci, bar) < 0)
		return 0;
	region->bar = bar;
	return type;
}

/* Collects the modern register blocks; true if the device has all we
 * use (the ISR block is not among them: we poll). */
static bool find_modern(struct virtio_pci *vp)
{
	struct virtio_pci_region region, *slot;
	bool found[VIRTIO_PCI_CAP_DEVICE_CFG + 1] = { false };
	unsigned pos = 0, type;

	while ((pos = pci_find_capability(vp->pci, PCI_CAP_ID_VNDR, pos))) {
		type = read_capability(vp->pci, pos, &region);
		switch (type) {
		case VIRTIO_PCI_CAP_COMMON_CFG: slot = &vp->common; break;
		case VIRTIO_PCI_CAP_NOTIFY_CFG: slot = &vp->notify; break;
		case VIRTIO_PCI_CAP_DEVICE_CFG: slot = &vp->device; break;
		default: continue;
		}
		/* The first usable capability of each type is the one. */
		if (found[type])
			continue;
		if (type == VIRTIO_PCI_CAP_NOTIFY_CFG &&
		    pci_read_config32(vp->pci,
				      pos + VIRTIO_PCI_CAP_NOTIFY_MULTIPLIER,
				      &vp->notify_multiplier) != 0)
			continue;
		*slot = region;
		found[type] = true;
	}
	return found[VIRTIO_PCI_CAP_COMMON_CFG] &&
	       vp->common.length >= COMMON_CFG_MIN_LENGTH &&
	       found[VIRTIO_PCI_CAP_NOTIFY_CFG] &&
	       found[VIRTIO_PCI_CAP_DEVICE_CFG];
}

static void set_up_legacy(struct virtio_pci *vp)
{
	unsigned msix = pci_find_capability(vp->pci, PCI_CAP_ID_MSIX, 0);
	uint16_t flags = 0;

	if (msix)
		pci_read_config16(vp->pci, msix + PCI_MSIX_FLAGS, &flags);
	vp->common = (struct virtio_pci_region){ .bar = LEGACY_BAR };
	vp->device = (struct virtio_pci_region){
		.bar = LEGACY_BAR,
		.offset = (flags & PCI_MSIX_FLAGS_ENABLE) ?
				  LEGACY_DEVICE_CFG_MSIX : LEGACY_DEVICE_CFG,
		.length = LEGACY_DEVICE_CFG_LENGTH };
}

int virtio_pci_init(struct virtio_pci *vp, struct pci_device *pci)
{
	memset(vp, 0, sizeof(*vp));
	vp->pci = pci;
	if (find_modern(vp)) {
		vp->modern = true;
		return 0;
	}
	if (pci_bar_is_io(pci, LEGACY_BAR) == 1) {
		set_up_legacy(vp);
		return 0;
	}
	return -ENODEV;
}

static bool reset_done(void *context)
{
	struct virtio_pci *vp = context;

	return region_read8(vp, &vp->common, COMMON_DEVICE_STATUS) == 0;
}

void virtio_pci_reset(struct virtio_pci *vp)
{
	if (!vp->modern) {
		region_write8(vp, &vp->common, LEGACY_DEVICE_STATUS, 0);
		return;
	}
	region_write8(vp, &vp->common, COMMON_DEVICE_STATUS, 0);
	/* A modern device may finish the reset later: it reads 0 when done. */
	if (poll_until(reset_done, vp, RESET_TIMEOUT_US) == 0)
		return;
	DBG("virtio PCI " PCI_FMT ": reset did not complete\n",
	    PCI_ARGS(vp->pci));
}

static unsigned status_register(struct virtio_pci *vp)
{
	return vp->modern ? COMMON_DEVICE_STATUS : LEGACY_DEVICE_STATUS;
}

void virtio_pci_add_status(struct virtio_pci *vp, uint8_t bits)
{
	unsigned reg = status_register(vp);

	region_write8(vp, &vp->common, reg,
		      region_read8(vp, &vp->common, reg) | bits);
}

uint64_t virtio_pci_device_features(struct virtio_pci *vp)
{
	uint64_t low, high;

	if (!vp->modern)
		return region_read32(vp, &vp->common, LEGACY_DEVICE_FEATURES);
	region_write32(vp, &vp->common, COMMON_DEVICE_FEATURE_SELECT, 0);
	low = region_read32(vp, &vp->common, COMMON_DEVICE_FEATURE);
	region_write32(vp, &vp->common, COMMON_DEVICE_FEATURE_SELECT, 1);
	high = region_read32(vp, &vp->common, COMMON_DEVICE_FEATURE);
	return low | (high << 32);
}

int virtio_pci_set_features(struct virtio_pci *vp, uint64_t features)
{
	if (!vp->modern) {
		region_write32(vp, &vp->common, LEGACY_DRIVER_FEATURES,
			       (uint32_t)features);
		return 0;
	}
	region_write32(vp, &vp->common, COMMON_DRIVER_FEATURE_SELECT, 0);
	region_write32(vp, &vp->common, COMMON_DRIVER_FEATURE, (uint32_t)features);
	region_write32(vp, &vp->common, COMMON_DRIVER_FEATURE_SELECT, 1);
	region_write32(vp, &vp->common, COMMON_DRIVER_FEATURE,
		       (uint32_t)(features >> 32));
	virtio_pci_add_status(vp, VIRTIO_STATUS_FEATURES_OK);
	if (!(region_read8(vp, &vp->common, COMMON_DEVICE_STATUS) &
	      VIRTIO_STATUS_FEATURES_OK))
		return -ENOTSUP;
	return 0;
}

unsigned virtio_pci_queue_size(struct virtio_pci *vp, unsigned index)
{
	if (!vp->modern) {
		region_write16(vp, &vp->common, LEGACY_QUEUE_SELECT, (uint16_t)index);
		return region_read16(vp, &vp->common, LEGACY_QUEUE_SIZE);
	}
	region_write16(vp, &vp->common, COMMON_QUEUE_SELECT, (uint16_t)index);
	return region_read16(vp, &vp->common, COMMON_QUEUE_SIZE);
}

int virtio_pci_enable_queue(struct virtio_pci *vp, struct virtqueue *vq)
{
	uint64_t notify_offset;

	if (!vp->modern) {
		/* The legacy device takes one page frame number: the rings
		 * are contiguous with the used ring page-aligned. */
		if (vq->desc_dma & (VRING_ALIGN - 1) ||
		    (vq->desc_dma >> LEGACY_PFN_SHIFT) > UINT32_MAX)
			return -ERANGE;
		region_write16(vp, &vp->common, LEGACY_QUEUE_SELECT,
			       (uint16_t)vq->index);
		region_write32(vp, &vp->common, LEGACY_QUEUE_PFN,
			       (uint32_t)(vq->desc_dma >> LEGACY_PFN_SHIFT));
		return 0;
	}
	region_write16(vp, &vp->common, COMMON_QUEUE_SELECT, (uint16_t)vq->index);
	region_write16(vp, &vp->common, COMMON_QUEUE_SIZE, (uint16_t)vq->size);
	region_write64(vp, &vp->common, COMMON_QUEUE_DESC, vq->desc_dma);
	region_write64(vp, &vp->common, COMMON_QUEUE_DRIVER, vq->avail_dma);
	region_write64(vp, &vp->common, COMMON_QUEUE_DEVICE, vq->used_dma);
	notify_offset = (uint64_t)region_read16(vp, &vp->common,
						COMMON_QUEUE_NOTIFY_OFF) *
			vp->notify_multiplier;
	if (notify_offset + sizeof(uint16_t) > vp->notify.length)
		return -ERANGE;
	vq->notify_offset = notify_offset;
	region_write16(vp, &vp->common, COMMON_QUEUE_ENABLE, 1);
	return 0;
}

void virtio_pci_notify(struct virtio_pci *vp, struct virtqueue *vq)
{
	if (vp->modern)
		region_write16(vp, &vp->notify, (unsigned)vq->notify_offset,
			       (uint16_t)vq->index);
	else
		region_write16(vp, &vp->common, LEGACY_QUEUE_NOTIFY,
			       (uint16_t)vq->index);
}

uint8_t virtio_pci_config_read8(struct virtio_pci *vp, unsigned offset)
{
	return region_read8(vp, &vp->device, offset);
}

uint16_t virtio_pci_config_read16(struct virtio_pci *vp, unsigned offset)
{
	return region_read16(vp, &vp->device, offset);
}

void virtio_pci_config_read(struct virtio_pci *vp, unsigned offset,
			    void *buf, size_t len)
{
	uint8_t *bytes = buf, generation;
	unsigned tries;
	size_t i;

	/* A modern device counts configuration changes: read until the
	 * count is the same before and after (bounded, in case it never
	 * settles). A legacy device offers no such guarantee. */
	for (tries = 0; tries < 8; tries++) {
		generation = vp->modern ? region_read8(vp, &vp->common,
						       COMMON_CONFIG_GENERATION) : 0;
		for (i = 0; i < len; i++)
			bytes[i] = virtio_pci_config_read8(vp, offset + (unsigned)i);
		if (!vp->modern ||
		    generation == region_read8(vp, &vp->common,
					       COMMON_CONFIG_GENERATION))
			return;
	}
}
