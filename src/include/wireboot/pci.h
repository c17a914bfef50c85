/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef WIREBOOT_PCI_H
#define WIREBOOT_PCI_H

/*
 * The bus and DMA interface NIC drivers are written against. The platform
 * implements it (over EFI_PCI_IO_PROTOCOL in UEFI), so a driver builds into
 * the application and into a driver image alike, and all DMA goes through
 * the platform's mapping (it works behind an IOMMU).
 */

#include <stddef.h>
#include <stdint.h>
#include <wireboot/tables.h>
#include <arch/barrier.h>

struct pci_device;

struct pci_device_id {
	uint16_t vendor;
	uint16_t device;
	const char *name;	/* model, e.g. "82540em" */
	unsigned long driver_data;
};

struct pci_driver {
	const char *name;	/* "virtio-net": also the image name */
	const struct pci_device_id *ids;
	unsigned id_count;
	int (*probe)(struct pci_device *pci);
	void (*remove)(struct pci_device *pci);
	/* Stops the chip's DMA through its registers alone, at once, while
	 * the device may still be open: the OS takes the machine over
	 * (ExitBootServices), nothing may be allocated or freed, and the
	 * OS's driver may enable bus mastering before it resets the chip. */
	void (*shutdown)(struct pci_device *pci);
	const void *ops;	/* the driver's own, for probe and remove */
};
TABLE_DECLARE(const struct pci_driver, pci_drivers);
#define PCI_DRIVER(name) \
	const struct pci_driver name TABLE_ENTRY(const struct pci_driver, pci_drivers, 01)
#define PCI_ID(vendor_id, device_id, model, data) \
	{ .vendor = (vendor_id), .device = (device_id), .name = (model), .driver_data = (data) }

struct netdev_fallback;

struct pci_device {
	uint16_t vendor;
	uint16_t device;
	uint32_t class;		/* class code, 24 bits */
	uint8_t bus, dev, fn;
	uint16_t segment;
	const struct pci_driver *driver;
	const struct pci_device_id *id;
	void *priv;		/* the driver's */
	void *platform;		/* the platform's (EFI: its bookkeeping) */
	/* The platform's other driver for the NIC, NULL if none: a NIC
	 * driver's device gets it (pci_nic.c). */
	struct netdev_fallback *fallback;
};

/* "bb:dd.f", as in printf("PCI " PCI_FMT, PCI_ARGS(pci)). */
#define PCI_FMT "%02x:%02x.%x"
#define PCI_ARGS(pci) (pci)->bus, (pci)->dev, (pci)->fn

/* Configuration space. */
int pci_read_config8(struct pci_device *pci, unsigned offset, uint8_t *value);
int pci_read_config16(struct pci_device *pci, unsigned offset, uint16_t *value);
int pci_read_config32(struct pci_device *pci, unsigned offset, uint32_t *value);
int pci_write_config8(struct pci_device *pci, unsigned offset, uint8_t value);
int pci_write_config16(struct pci_device *pci, unsigned offset, uint16_t value);
int pci_write_config32(struct pci_device *pci, unsigned offset, uint32_t value);
/* Offset of capability id in the capability list, from after start (0:
 * from the beginning); 0 if not found. */
unsigned pci_find_capability(struct pci_device *pci, uint8_t id, unsigned start);

/* BAR access by BAR index, for memory and I/O BARs alike. */
uint8_t pci_bar_read8(struct pci_device *pci, unsigned bar, uint64_t offset);
uint16_t pci_bar_read16(struct pci_device *pci, unsigned bar, uint64_t offset);
uint32_t pci_bar_read32(struct pci_device *pci, unsigned bar, uint64_t offset);
void pci_bar_write8(struct pci_device *pci, unsigned bar, uint64_t offset, uint8_t value);
void pci_bar_write16(struct pci_device *pci, unsigned bar, uint64_t offset, uint16_t value);
void pci_bar_write32(struct pci_device *pci, unsigned bar, uint64_t offset, uint32_t value);
/* 1 if the BAR is I/O space, 0 if memory, negative if absent. */
int pci_bar_is_io(struct pci_device *pci, unsigned bar);

/* Enables memory, I/O decoding and bus mastering. */
int pci_enable_device(struct pci_device *pci);

/*
 * DMA. Coherent buffers (rings, descriptors) are allocated mapped;
 * streaming mappings (packet buffers) are made per use. dma_addr is what
 * the device must be given.
 */
enum dma_direction { DMA_TO_DEVICE, DMA_FROM_DEVICE, DMA_BIDIRECTIONAL };

struct dma_mapping {
	uint64_t dma_addr;
	void *token;	/* the platform's */
	size_t len;
};

void *dma_alloc(struct pci_device *pci, struct dma_mapping *map, size_t len);
void dma_free(struct pci_device *pci, struct dma_mapping *map, void *addr);
int dma_map(struct pci_device *pci, struct dma_mapping *map, void *addr,
	    size_t len, enum dma_direction direction);
void dma_unmap(struct pci_device *pci, struct dma_mapping *map);

/* Ordering between CPU memory accesses and the device's view of them:
 * wmb(), rmb() and mb() come from the architecture (arch/barrier.h). */

#endif
