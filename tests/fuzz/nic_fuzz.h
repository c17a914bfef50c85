/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef TESTS_NIC_FUZZ_H
#define TESTS_NIC_FUZZ_H

/*
 * Fuzzing a NIC driver's receive path against a hostile device. The
 * target (tests/fuzz/fuzz_nic_*.c) defines a device model: register
 * behaviour enough for the driver to probe and open (model_power_on(),
 * model_read(), model_write() over the register file below), and
 * includes this after it. The input is then a program for the device,
 * which writes what it likes wherever the driver lets it:
 *
 *   - bytes or 32-bit words into any live DMA region (descriptor rings,
 *     status and length fields, ids and generation bits, packet buffers),
 *   - values into its own registers (ring pointers, status, counts),
 *
 * between calls to the driver's poll(), transmits and close/open cycles.
 * The bus, clock and network-device layer are tests/unit/fake_nic.h: the
 * device reaches memory only through live regions, and every block and
 * buffer is exact-size under AddressSanitizer, so a frame the driver
 * reads past its buffer or the ring, or delivers with a length beyond
 * what it holds, stops the run. Besides: close leaves no streaming
 * mapping, remove no block at all, and no frame delivered is longer than
 * a receive buffer.
 */

#include <stdio.h>
#include <stdlib.h>

static void nic_fuzz_fault(const char *message)
{
	fprintf(stderr, "NIC fuzz: %s\n", message);
	abort();
}

#define FAKE_BUS_FAULT(message) nic_fuzz_fault(message)
#include "fake_nic.h"
#include "fuzz_input.h"

/* Longest frame the driver may deliver: its receive buffers' size (a
 * target with larger buffers says so). */
#ifndef NIC_FUZZ_MAX_FRAME
#define NIC_FUZZ_MAX_FRAME NETDEV_RX_BUFFER_LEN
#endif
/* Transmits go up to more than any driver takes. */
#define NIC_FUZZ_MAX_TRANSMIT 2048

/* ---- the register file and configuration space --------------------------- */

#define NIC_BARS 6
#define NIC_REG_SPACE 0x6000

static uint8_t nic_regs[NIC_BARS][NIC_REG_SPACE];
static uint8_t nic_config[256];

static inline uint32_t nic_reg_load(unsigned bar, uint64_t offset, unsigned width)
{
	uint32_t value = 0;
	unsigned i;

	if (bar >= NIC_BARS || offset > NIC_REG_SPACE - width)
		return 0xffffffffu;	/* nothing decodes there */
	for (i = 0; i < width; i++)
		value |= (uint32_t)nic_regs[bar][offset + i] << (8 * i);
	return value;
}

static inline void nic_reg_store(unsigned bar, uint64_t offset, unsigned width,
				 uint32_t value)
{
	unsigned i;

	if (bar >= NIC_BARS || offset > NIC_REG_SPACE - width)
		return;
	for (i = 0; i < width; i++)
		nic_regs[bar][offset + i] = (uint8_t)(value >> (8 * i));
}

/* The model: the state at power-on, and register accesses with side
 * effects (the plain ones go to nic_reg_load()/nic_reg_store()). */
static void model_power_on(void);
static uint32_t model_read(unsigned bar, uint64_t offset, unsigned width);
static void model_write(unsigned bar, uint64_t offset, unsigned width, uint32_t value);

uint8_t pci_bar_read8(struct pci_device *pci, unsigned bar, uint64_t offset)
{
	(void)pci;
	return (uint8_t)model_read(bar, offset, 1);
}

uint16_t pci_bar_read16(struct pci_device *pci, unsigned bar, uint64_t offset)
{
	(void)pci;
	return (uint16_t)model_read(bar, offset, 2);
}

uint32_t pci_bar_read32(struct pci_device *pci, unsigned bar, uint64_t offset)
{
	(void)pci;
	return model_read(bar, offset, 4);
}

void pci_bar_write8(struct pci_device *pci, unsigned bar, uint64_t offset, uint8_t value)
{
	(void)pci;
	model_write(bar, offset, 1, value);
}

void pci_bar_write16(struct pci_device *pci, unsigned bar, uint64_t offset, uint16_t value)
{
	(void)pci;
	model_write(bar, offset, 2, value);
}

void pci_bar_write32(struct pci_device *pci, unsigned bar, uint64_t offset, uint32_t value)
{
	(void)pci;
	model_write(bar, offset, 4, value);
}

static inline int nic_config_read(unsigned offset, unsigned width, uint32_t *value)
{
	unsigned i;

	if (offset > sizeof(nic_config) - width)
		return -EINVAL;
	*value = 0;
	for (i = 0; i < width; i++)
		*value |= (uint32_t)nic_config[offset + i] << (8 * i);
	return 0;
}

int pci_read_config8(struct pci_device *pci, unsigned offset, uint8_t *value)
{
	uint32_t v;
	int rc = nic_config_read(offset, 1, &v);

	(void)pci;
	*value = (uint8_t)v;
	return rc;
}

int pci_read_config16(struct pci_device *pci, unsigned offset, uint16_t *value)
{
	uint32_t v;
	int rc = nic_config_read(offset, 2, &v);

	(void)pci;
	*value = (uint16_t)v;
	return rc;
}

int pci_read_config32(struct pci_device *pci, unsigned offset, uint32_t *value)
{
	(void)pci;
	return nic_config_read(offset, 4, value);
}

static inline int nic_config_write(unsigned offset, unsigned width, uint32_t value)
{
	unsigned i;

	if (offset > sizeof(nic_config) - width)
		return -EINVAL;
	for (i = 0; i < width; i++)
		nic_config[offset + i] = (uint8_t)(value >> (8 * i));
	return 0;
}

int pci_write_config8(struct pci_device *pci, unsigned offset, uint8_t value)
{
	(void)pci;
	return nic_config_write(offset, 1, value);
}

int pci_write_config16(struct pci_device *pci, unsigned offset, uint16_t value)
{
	(void)pci;
	return nic_config_write(offset, 2, value);
}

int pci_write_config32(struct pci_device *pci, unsigned offset, uint32_t value)
{
	(void)pci;
	return nic_config_write(offset, 4, value);
}

/* Walks the capability list as the platform does (at most 48 entries, so
 * a looping list ends). */
unsigned pci_find_capability(struct pci_device *pci, uint8_t id, unsigned start)
{
	unsigned pos = start ? nic_config[start + 1] : nic_config[0x34];
	unsigned count;

	(void)pci;
	for (count = 0; count < 48 && pos >= 0x40 && pos < 0xff; count++) {
		pos &= ~3u;
		if (nic_config[pos] == id)
			return pos;
		pos = nic_config[pos + 1];
	}
	return 0;
}

/* ---- the input ---------------------------------------------------------------- */

/* The n-th live DMA region (in slot order), n taken modulo their number. */
static inline struct fake_dma_region *nic_region(unsigned n)
{
	unsigned live = 0, i;

	for (i = 0; i < FAKE_DMA_REGIONS; i++)
		live += fake_dma[i].addr != NULL;
	if (!live)
		return NULL;
	n %= live;
	for (i = 0; i < FAKE_DMA_REGIONS; i++) {
		if (fake_dma[i].addr && n-- == 0)
			return &fake_dma[i];
	}
	return NULL;
}

/* ---- the run -------------------------------------------------------------------- */

extern const struct pci_driver NIC_FUZZ_DRIVER;

static void nic_fuzz_transmit(struct net_device *netdev)
{
	size_t len = take16() % NIC_FUZZ_MAX_TRANSMIT;
	struct io_buffer *iob = wb_alloc_iob(len);

	take_bytes(iob_put(iob, len), len);
	/* As netdev_tx(): queued as pending while the driver holds it. */
	list_add_tail(&iob->list, &netdev->tx_pending);
	if (netdev->op->transmit(netdev, iob) != 0) {
		list_del(&iob->list);
		wb_free_iob(iob);
	}
}

static void nic_fuzz_device_writes(uint8_t op)
{
	struct fake_dma_region *region = nic_region(take8());
	size_t offset, len;

	if (!region || !region->len)
		return;
	offset = take16() % region->len;
	if (op & 1) {
		/* A word: lengths, status, ids, generation bits. */
		uint32_t value = take32();

		offset &= ~(size_t)3;
		len = region->len - offset < 4 ? region->len - offset : 4;
		memcpy(region->addr + offset, &value, len);
	} else {
		len = take8();
		if (len > region->len - offset)
			len = region->len - offset;
		if (len > fuzz_in_left)
			len = fuzz_in_left;
		take_bytes(region->addr + offset, len);
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const struct pci_device_id id = PCI_ID(NIC_FUZZ_VENDOR, NIC_FUZZ_DEVICE,
						       "fuzz", NIC_FUZZ_DRIVER_DATA);
	struct pci_device pci = { .vendor = NIC_FUZZ_VENDOR, .device = NIC_FUZZ_DEVICE,
				  .id = &id, .driver = &NIC_FUZZ_DRIVER };
	struct net_device *netdev;
	unsigned steps = 0;

	fuzz_input(data, size);
	/* Frames are only counted (the fake checks each one's length). */
	fake_rx_discard = true;
	fake_rx_max_frame = NIC_FUZZ_MAX_FRAME;
	/* Fresh memory as the platform gives it (EFI zeroes it): what the
	 * device leaves alone the driver finds as it would on a real one. */
	fake_dma_fill = 0;
	/* Time moves on at every look, so that drivers' timeouts expire. */
	fake_clock_tick_us = 1000;
	memset(nic_regs, 0, sizeof(nic_regs));
	memset(nic_config, 0, sizeof(nic_config));
	model_power_on();
	if (NIC_FUZZ_DRIVER.probe(&pci) != 0 || !registered)
		nic_fuzz_fault("probe failed on the model");
	netdev = registered;
	if (netdev->op->open(netdev) != 0)
		nic_fuzz_fault("open failed on the model");
	netdev->is_open = true;

	while (fuzz_in_left && steps++ < 1024) {
		uint8_t op = take8();

		switch (op % 8) {
		case 0:
		case 1:
		case 2:
			nic_fuzz_device_writes(op >> 3);
			break;
		case 3: {
			unsigned bar = take8() % NIC_BARS;
			uint64_t offset = take16() % NIC_REG_SPACE;
			unsigned width = 1u << (op >> 3) % 3;

			nic_reg_store(bar, offset, width, take32());
			break;
		}
		case 4:
		case 5:
			if (netdev->is_open)
				netdev->op->poll(netdev);
			break;
		case 6:
			if (netdev->is_open)
				nic_fuzz_transmit(netdev);
			break;
		default:
			if ((op >> 3) % 8 || !netdev->is_open)
				break;	/* rarely: a close and open costs */
			netdev->op->close(netdev);
			fake_netdev_closed(netdev);
			if (live_mappings)
				nic_fuzz_fault("close left DMA mappings behind");
			if (netdev->op->open(netdev) == 0)
				netdev->is_open = true;
			break;
		}
	}
	NIC_FUZZ_DRIVER.remove(&pci);
	if (registered)
		nic_fuzz_fault("remove left the device registered");
	if (live_blocks || live_mappings)
		nic_fuzz_fault("remove left DMA memory behind");
	return 0;
}

#endif
