/* SPDX-License-Identifier: GPL-2.0-or-later */
// FIRMWARE_SOURCES: src/drivers/net/pcnet.c src/core/iobuf.c src/drivers/net/pci_nic.c src/core/poll.c src/drivers/net/microwire.c
/*
 * The pcnet driver's receive ring against a hostile PCnet-PCI II (see
 * nic_fuzz.h): the input writes receive and transmit descriptors (the
 * ownership and error bits of the status, message lengths) and buffers,
 * and the chip's CSRs and BCRs, between polls. Initialisation completes
 * at once; the chip takes 32-bit bus addresses.
 */

#include "../../src/drivers/net/pcnet.h"

#define NIC_FUZZ_DRIVER wb_pcnet_driver
#define NIC_FUZZ_VENDOR 0x1022
#define NIC_FUZZ_DEVICE 0x2000
#define NIC_FUZZ_DRIVER_DATA 0
#include "nic_fuzz.h"

/* Where the register file keeps the CSRs and BCRs (16 bits each), so
 * that the input can set them like any register. */
#define CSR_FILE 0x1000
#define BCR_FILE 0x2000
#define INDEX_MASK 0x7f

int pci_bar_is_io(struct pci_device *pci, unsigned bar)
{
	(void)pci;
	return bar == PCNET_IO_BAR ? 1 : -ENODEV;
}

static unsigned rap(void)
{
	return nic_reg_load(PCNET_IO_BAR, PCNET_RAP, 4) & INDEX_MASK;
}

static void model_power_on(void)
{
	static const uint8_t mac[ETH_ALEN] = { 0x52, 0x54, 0x00, 0x22, 0x20, 0x01 };

	fake_dma_32bit = true;
	memcpy(&nic_regs[PCNET_IO_BAR][PCNET_APROM], mac, ETH_ALEN);
	nic_reg_store(PCNET_IO_BAR, CSR_FILE + 2 * PCNET_CSR0, 2, PCNET_CSR0_STOP);
	nic_reg_store(PCNET_IO_BAR, BCR_FILE + 2 * PCNET_BCR_LNKST, 2, PCNET_BCR_LNKST_LEDOUT);
}

static uint32_t model_read(unsigned bar, uint64_t offset, unsigned width)
{
	if (bar == PCNET_IO_BAR && (offset == PCNET_RESET ||
				    (offset == PCNET_WIO_RESET && width == 2))) {
		nic_reg_store(bar, CSR_FILE + 2 * PCNET_CSR0, 2, PCNET_CSR0_STOP);
		return 0;
	}
	if (bar == PCNET_IO_BAR && offset == PCNET_RDP)
		return nic_reg_load(bar, CSR_FILE + 2 * rap(), 2);
	if (bar == PCNET_IO_BAR && offset == PCNET_BDP)
		return nic_reg_load(bar, BCR_FILE + 2 * rap(), 2);
	return nic_reg_load(bar, offset, width);
}

static void csr0_write(uint32_t value)
{
	uint32_t csr0 = nic_reg_load(PCNET_IO_BAR, CSR_FILE, 2);

	if (value & PCNET_CSR0_STOP) {
		csr0 = PCNET_CSR0_STOP;
	} else {
		csr0 &= ~(value & PCNET_CSR0_IDON);	/* write one to clear */
		if (value & PCNET_CSR0_INIT)
			csr0 = (csr0 & ~PCNET_CSR0_STOP) | PCNET_CSR0_INIT | PCNET_CSR0_IDON;
		if (value & PCNET_CSR0_STRT)
			csr0 = (csr0 & ~PCNET_CSR0_STOP) | PCNET_CSR0_STRT;
	}
	nic_reg_store(PCNET_IO_BAR, CSR_FILE, 2, csr0);
}

static void model_write(unsigned bar, uint64_t offset, unsigned width, uint32_t value)
{
	if (bar == PCNET_IO_BAR && offset == PCNET_RDP) {
		if (rap() == PCNET_CSR0)
			csr0_write(value);
		else
			nic_reg_store(bar, CSR_FILE + 2 * rap(), 2, value);
		return;
	}
	if (bar == PCNET_IO_BAR && offset == PCNET_BDP) {
		nic_reg_store(bar, BCR_FILE + 2 * rap(), 2, value);
		return;
	}
	nic_reg_store(bar, offset, width, value);
}
