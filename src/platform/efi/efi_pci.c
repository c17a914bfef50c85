/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The bus and DMA interface of wireboot/pci.h over EFI_PCI_IO_PROTOCOL.
 * BARs are addressed by index, so the firmware translates them (memory or
 * I/O space alike); DMA goes through Map(), which is what makes it work
 * behind an IOMMU or with bounce buffers.
 */

#include <errno.h>
#include <string.h>
#include <platform/efi/efi_pci.h>
#include <wireboot/debug.h>
#include <wireboot/efi.h>
#include <wireboot/pci_regs.h>

/* Every image that runs PCI drivers links this file: the table of drivers
 * is defined with the bus it belongs to. */
TABLE_DEFINE(const struct pci_driver, pci_drivers);

/* Capability chains are short; a bound stops a looping list. */
#define PCI_CAP_MAX_HOPS 48

static int config_read(struct pci_device *pci, EFI_PCI_IO_PROTOCOL_WIDTH width,
		       unsigned offset, void *value)
{
	EFI_PCI_IO_PROTOCOL *io = efi_pci(pci)->io;

	return efi_status_to_rc(io->Pci.Read(io, width, offset, 1, value));
}

static int config_write(struct pci_device *pci, EFI_PCI_IO_PROTOCOL_WIDTH width,
			unsigned offset, void *value)
{
	EFI_PCI_IO_PROTOCOL *io = efi_pci(pci)->io;

	return efi_status_to_rc(io->Pci.Write(io, width, offset, 1, value));
}

int pci_read_config8(struct pci_device *pci, unsigned offset, uint8_t *value)
{
	return config_read(pci, EfiPciIoWidthUint8, offset, value);
}

int pci_read_config16(struct pci_device *pci, unsigned offset, uint16_t *value)
{
	return config_read(pci, EfiPciIoWidthUint16, offset, value);
}

int pci_read_config32(struct pci_device *pci, unsigned offset, uint32_t *value)
{
	return config_read(pci, EfiPciIoWidthUint32, offset, value);
}

int pci_write_config8(struct pci_device *pci, unsigned offset, uint8_t value)
{
	return config_write(pci, EfiPciIoWidthUint8, offset, &value);
}

int pci_write_config16(struct pci_device *pci, unsigned offset, uint16_t value)
{
	return config_write(pci, EfiPciIoWidthUint16, offset, &value);
}

int pci_write_config32(struct pci_device *pci, unsigned offset, uint32_t value)
{
	return config_write(pci, EfiPciIoWidthUint32, offset, &value);
}

unsigned pci_find_capability(struct pci_device *pci, uint8_t id, unsigned start)
{
	uint16_t status;
	uint8_t pos, cap_id;
	unsigned hops;

	if (start == 0) {
		if (pci_read_config16(pci, PCI_STATUS, &status) != 0 ||
		    !(status & PCI_STATUS_CAP_LIST))
			return 0;
		if (pci_read_config8(pci, PCI_CAPABILITY_LIST, &pos) != 0)
			return 0;
	} else if (pci_read_config8(pci, start + PCI_CAP_NEXT, &pos) != 0) {
		return 0;
	}
	for (hops = 0; hops < PCI_CAP_MAX_HOPS; hops++) {
		pos &= ~3u;
		/* Capabilities live after the standard header. */
		if (pos < 0x40)
			return 0;
		if (pci_read_config8(pci, pos + PCI_CAP_ID, &cap_id) != 0)
			return 0;
		if (cap_id == id)
			return pos;
		if (pci_read_config8(pci, pos + PCI_CAP_NEXT, &pos) != 0)
			return 0;
	}
	return 0;
}

int pci_bar_is_io(struct pci_device *pci, unsigned bar)
{
	if (bar >= PCI_BAR_COUNT)
		return -EINVAL;
	return efi_pci(pci)->bar_type[bar];
}

/* Reads or writes one register of a BAR, in whichever space it decodes.
 * A failed access reads as all ones, like a transaction nobody claimed. */
static void bar_access(struct pci_device *pci, bool write, unsigned bar,
		       EFI_PCI_IO_PROTOCOL_WIDTH width, uint64_t offset,
		       void *value)
{
	EFI_PCI_IO_PROTOCOL *io = efi_pci(pci)->io;
	EFI_PCI_IO_PROTOCOL_ACCESS *space;
	EFI_STATUS status;
	int type = pci_bar_is_io(pci, bar);

	if (type < 0) {
		status = EFI_INVALID_PARAMETER;
	} else {
		space = type ? &io->Io : &io->Mem;
		status = (write ? space->Write : space->Read)(
			io, width, (UINT8)bar, offset, 1, value);
	}
	if (EFI_ERROR(status)) {
		DBG("PCI " PCI_FMT ": BAR%u %s at %#llx failed: %s\n",
		    PCI_ARGS(pci), bar, write ? "write" : "read",
		    (unsigned long long)offset,
		    strerror(efi_status_to_rc(status)));
		if (!write)
			memset(value, 0xff, 1u << width);
	}
}

uint8_t pci_bar_read8(struct pci_device *pci, unsigned bar, uint64_t offset)
{
	uint8_t value;

	bar_access(pci, false, bar, EfiPciIoWidthUint8, offset, &value);
	return value;
}

uint16_t pci_bar_read16(struct pci_device *pci, unsigned bar, uint64_t offset)
{
	uint16_t value;

	bar_access(pci, false, bar, EfiPciIoWidthUint16, offset, &value);
	return value;
}

uint32_t pci_bar_read32(struct pci_device *pci, unsigned bar, uint64_t offset)
{
	uint32_t value;

	bar_access(pci, false, bar, EfiPciIoWidthUint32, offset, &value);
	return value;
}

void pci_bar_write8(struct pci_device *pci, unsigned bar, uint64_t offset,
		    uint8_t value)
{
	bar_access(pci, true, bar, EfiPciIoWidthUint8, offset, &value);
}

void pci_bar_write16(struct pci_device *pci, unsigned bar, uint64_t offset,
		     uint16_t value)
{
	bar_access(pci, true, bar, EfiPciIoWidthUint16, offset, &value);
}

void pci_bar_write32(struct pci_device *pci, unsigned bar, uint64_t offset,
		     uint32_t value)
{
	bar_access(pci, true, bar, EfiPciIoWidthUint32, offset, &value);
}

int pci_enable_device(struct pci_device *pci)
{
	EFI_PCI_IO_PROTOCOL *io = efi_pci(pci)->io;
	UINT64 supported;
	EFI_STATUS status;

	status = io->Attributes(io, EfiPciIoAttributeOperationSupported, 0,
				&supported);
	if (!EFI_ERROR(status))
		status = io->Attributes(io, EfiPciIoAttributeOperationEnable,
					supported & EFI_PCI_DEVICE_ENABLE, NULL);
	if (EFI_ERROR(status)) {
		DBG("PCI " PCI_FMT ": cannot enable: %s\n", PCI_ARGS(pci),
		    strerror(efi_status_to_rc(status)));
		return efi_status_to_rc(status);
	}
	return 0;
}

/* ---- DMA --------------------------------------------------------------- */

static UINTN dma_pages(size_t len)
{
	return (len + EFI_PAGE_SIZE - 1) / EFI_PAGE_SIZE;
}

/* Maps [addr, addr + len) whole for the device; a partial mapping (the
 * firmware may shorten it) is undone and fails. */
static int map_range(struct pci_device *pci, struct dma_mapping *map,
		     EFI_PCI_IO_PROTOCOL_OPERATION operation, void *addr,
		     size_t len)
{
	EFI_PCI_IO_PROTOCOL *io = efi_pci(pci)->io;
	EFI_PHYSICAL_ADDRESS device_address;
	UINTN mapped = len;
	VOID *mapping;
	EFI_STATUS status;

	status = io->Map(io, operation, addr, &mapped, &device_address, &mapping);
	if (EFI_ERROR(status))
		return efi_status_to_rc(status);
	if (mapped < len) {
		io->Unmap(io, mapping);
		return -ENOMEM;
	}
	map->dma_addr = device_address;
	map->token = mapping;
	map->len = len;
	return 0;
}

void *dma_alloc(struct pci_device *pci, struct dma_mapping *map, size_t len)
{
	EFI_PCI_IO_PROTOCOL *io = efi_pci(pci)->io;
	UINTN pages = dma_pages(len);
	VOID *addr;
	int rc;

	/* Boot-services data is what AllocateBuffer accepts; the memory is
	 * ours until dma_free() even though the OS could reclaim that type,
	 * because everything is freed before the next stage starts. */
	if (EFI_ERROR(io->AllocateBuffer(io, AllocateAnyPages,
					 EfiBootServicesData, pages, &addr, 0)))
		return NULL;
	memset(addr, 0, pages * EFI_PAGE_SIZE);
	rc = map_range(pci, map, EfiPciIoOperationBusMasterCommonBuffer, addr,
		       pages * EFI_PAGE_SIZE);
	if (rc != 0) {
		io->FreeBuffer(io, pages, addr);
		return NULL;
	}
	return addr;
}

void dma_free(struct pci_device *pci, struct dma_mapping *map, void *addr)
{
	EFI_PCI_IO_PROTOCOL *io = efi_pci(pci)->io;

	if (!addr)
		return;
	io->Unmap(io, map->token);
	io->FreeBuffer(io, dma_pages(map->len), addr);
	map->token = NULL;
}

int dma_map(struct pci_device *pci, struct dma_mapping *map, void *addr,
	    size_t len, enum dma_direction direction)
{
	static const EFI_PCI_IO_PROTOCOL_OPERATION operations[] = {
		[DMA_TO_DEVICE] = EfiPciIoOperationBusMasterRead,
		[DMA_FROM_DEVICE] = EfiPciIoOperationBusMasterWrite,
		/* Both ways at once is a common buffer: memory from
		 * dma_alloc() only. */
		[DMA_BIDIRECTIONAL] = EfiPciIoOperationBusMasterCommonBuffer,
	};

	if ((unsigned)direction >= ARRAY_SIZE(operations))
		return -EINVAL;
	return map_range(pci, map, operations[direction], addr, len);
}

void dma_unmap(struct pci_device *pci, struct dma_mapping *map)
{
	EFI_PCI_IO_PROTOCOL *io = efi_pci(pci)->io;

	if (!map->token)
		return;
	io->Unmap(io, map->token);
	map->token = NULL;
}

/* ---- the platform's view of the device ------------------------------------ */

static int bar_type(struct pci_device *pci, unsigned bar)
{
	uint32_t value;
	int rc;

	rc = pci_read_config32(pci, PCI_BASE_ADDRESS_0 + 4 * bar, &value);
	if (rc != 0)
		return rc;
	/* An unassigned BAR reads as zero: nothing decodes there. */
	if (value == 0)
		return -ENODEV;
	return (value & PCI_BASE_ADDRESS_SPACE_IO) ? 1 : 0;
}

int efi_pci_init(struct efi_pci_device *dev, EFI_HANDLE handle,
		 EFI_PCI_IO_PROTOCOL *io)
{
	struct pci_device *pci = &dev->pci;
	UINTN segment, bus, device, function;
	uint32_t ids, class_rev;
	unsigned bar;
	int rc;

	dev->handle = handle;
	dev->io = io;
	pci->platform = dev;
	INIT_LIST_HEAD(&dev->list);

	if (EFI_ERROR(io->GetLocation(io, &segment, &bus, &device, &function)))
		return -EIO;
	pci->segment = (uint16_t)segment;
	pci->bus = (uint8_t)bus;
	pci->dev = (uint8_t)device;
	pci->fn = (uint8_t)function;

	rc = pci_read_config32(pci, PCI_VENDOR_ID, &ids);
	if (rc == 0)
		rc = pci_read_config32(pci, PCI_CLASS_REVISION, &class_rev);
	if (rc != 0)
		return rc;
	pci->vendor = (uint16_t)ids;
	pci->device = (uint16_t)(ids >> 16);
	pci->class = class_rev >> 8;

	for (bar = 0; bar < PCI_BAR_COUNT; bar++)
		dev->bar_type[bar] = bar_type(pci, bar);

	if (EFI_ERROR(io->Attributes(io, EfiPciIoAttributeOperationGet, 0,
				     &dev->original_attributes)))
		dev->original_attributes = 0;
	return 0;
}

void efi_pci_restore(struct efi_pci_device *dev)
{
	dev->io->Attributes(dev->io, EfiPciIoAttributeOperationSet,
			    dev->original_attributes, NULL);
}

void efi_pci_stop_dma(struct efi_pci_device *dev)
{
	uint16_t command;

	if (pci_read_config16(&dev->pci, PCI_COMMAND, &command) == 0)
		pci_write_config16(&dev->pci, PCI_COMMAND,
				   command & ~PCI_COMMAND_MASTER);
}
