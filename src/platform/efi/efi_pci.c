/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The bus and DMA interface of wireboot/pci.h over EFI_PCI_IO_PROTOCOL.
 * BARs are addressed by index, so the firmware translates them (memory or
 * I/O space alike); DMA goes through Map(), which is what makes it work
 * behind an IOMMU or with bounce buffers.
 */

#include <errno.h>
#include <string.h>
#include <arch/io.h>
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

/*
 * One register access straight from the CPU, where the architecture can
 * (arch/io.h) and the firmware told us where the BAR is; false: not done.
 * Under emulation a call through the PCI I/O protocol (and the root bridge
 * protocol beneath it) costs several times the access itself, and a NIC
 * driver makes a few per frame -- a word each for a programmed-I/O copy.
 */
static bool direct_access(struct efi_pci_device *dev, bool write, int type,
			  unsigned bar, unsigned size, uint64_t offset,
			  void *value)
{
	uint64_t address;

	if (offset >= dev->bar_len[bar] || size > dev->bar_len[bar] - offset)
		return false;
	address = dev->bar_base[bar] + offset;
	if (type)
		return write ? arch_port_write(size, (uint16_t)address, value) :
			       arch_port_read(size, (uint16_t)address, value);
	return write ? arch_mmio_write(size, (uintptr_t)address, value) :
		       arch_mmio_read(size, (uintptr_t)address, value);
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

	if (type >= 0 && direct_access(efi_pci(pci), write, type, bar,
				       1u << width, offset, value))
		return;
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

/* ACPI QWORD address space descriptor (ACPI 6.4, 6.4.3.5.1), the form in
 * which GetBarAttributes() describes a BAR. */
#define ACPI_QWORD_DESCRIPTOR 0x8a
#define ACPI_QWORD_LEN 46
#define ACPI_QWORD_TYPE 3
#define ACPI_TYPE_MEMORY 0
#define ACPI_TYPE_IO 1
#define ACPI_QWORD_MIN 14
#define ACPI_QWORD_TRANSLATION 30
#define ACPI_QWORD_LENGTH 38

static uint64_t get_le64(const uint8_t *p)
{
	uint64_t value = 0;
	unsigned i;

	for (i = 0; i < 8; i++)
		value |= (uint64_t)p[i] << (8 * i);
	return value;
}

/* Where the CPU reaches the BAR: only when the firmware describes it as
 * one range it does not translate (a CPU address equal to the bus one). */
static void direct_window(struct efi_pci_device *dev, unsigned bar)
{
	uint8_t *desc = NULL;
	uint64_t base, len;

	dev->bar_len[bar] = 0;
	if (dev->bar_type[bar] < 0 ||
	    EFI_ERROR(dev->io->GetBarAttributes(dev->io, (UINT8)bar, NULL,
						(VOID **)&desc)) || !desc)
		return;
	if (desc[0] == ACPI_QWORD_DESCRIPTOR &&
	    (desc[1] | desc[2] << 8) == ACPI_QWORD_LEN - 3 &&
	    desc[ACPI_QWORD_TYPE] == (dev->bar_type[bar] ? ACPI_TYPE_IO : ACPI_TYPE_MEMORY) &&
	    get_le64(desc + ACPI_QWORD_TRANSLATION) == 0) {
		base = get_le64(desc + ACPI_QWORD_MIN);
		len = get_le64(desc + ACPI_QWORD_LENGTH);
		/* Port numbers are 16 bits wide. */
		if (len && (!dev->bar_type[bar] || base + len <= 0x10000)) {
			dev->bar_base[bar] = base;
			dev->bar_len[bar] = len;
		}
	}
	efi_boot_services->FreePool(desc);
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

	for (bar = 0; bar < PCI_BAR_COUNT; bar++) {
		dev->bar_type[bar] = bar_type(pci, bar);
		direct_window(dev, bar);
	}

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
