/* SPDX-License-Identifier: GPL-2.0-or-later */
// FIRMWARE_SOURCES: src/drivers/net/rtl8139.c src/core/iobuf.c src/drivers/net/pci_nic.c src/core/poll.c src/drivers/net/microwire.c
/*
 * The rtl8139 driver against a hostile chip (see nic_fuzz.h), in either
 * of its modes: the input's first byte says which chip powers on (odd: an
 * RTL8139C+, which the driver runs in C+ mode). Original mode: the input
 * writes the receive ring's entry headers (status and length) and
 * contents, and the chip's registers (the "ring empty" bit, transmit
 * status), between polls. C+ mode: it writes the descriptors of both
 * rings (ownership, status, lengths) and the buffers they point at. The
 * chip takes 32-bit bus addresses (in C+ mode it could take more).
 */

#include "../../src/drivers/net/rtl8139.h"

/* The BAR the driver prefers: its registers in memory space. */
#define MEMORY_BAR 1

#define NIC_FUZZ_DRIVER wb_rtl8139_driver
#define NIC_FUZZ_VENDOR 0x10ec
#define NIC_FUZZ_DEVICE 0x8139
#define NIC_FUZZ_DRIVER_DATA 0
#include "nic_fuzz.h"

int pci_bar_is_io(struct pci_device *pci, unsigned bar)
{
	(void)pci;
	return bar == MEMORY_BAR ? 0 : -ENODEV;
}

static void model_power_on(void)
{
	static const uint8_t mac[ETH_ALEN] = { 0x52, 0x54, 0x00, 0x81, 0x39, 0x01 };

	fake_dma_32bit = true;
	memcpy(&nic_regs[MEMORY_BAR][RTL_IDR0], mac, ETH_ALEN);
	nic_regs[MEMORY_BAR][RTL_CR] = RTL_CR_BUFE;
	if (take8() & 1)
		nic_reg_store(MEMORY_BAR, RTL_TCR, 4, RTL_TCR_HWVER_8139CPLUS);
}

static uint32_t model_read(unsigned bar, uint64_t offset, unsigned width)
{
	return nic_reg_load(bar, offset, width);
}

static void model_write(unsigned bar, uint64_t offset, unsigned width, uint32_t value)
{
	if (offset == RTL_CR && width == 1) {
		/* A reset completes at once; "ring empty" is the chip's. */
		uint8_t bufe = nic_regs[bar][RTL_CR] & RTL_CR_BUFE;

		nic_regs[bar][RTL_CR] = (uint8_t)((value & ~(RTL_CR_RST | RTL_CR_BUFE)) | bufe);
		return;
	}
	nic_reg_store(bar, offset, width, value);
}
