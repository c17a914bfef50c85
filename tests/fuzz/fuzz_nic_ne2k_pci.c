/* SPDX-License-Identifier: GPL-2.0-or-later */
// FIRMWARE_SOURCES: src/drivers/net/ne2k_pci.c src/core/iobuf.c src/drivers/net/pci_nic.c src/core/poll.c src/drivers/net/microwire.c
/*
 * The ne2k-pci driver's receive ring against a hostile DP8390 (see
 * nic_fuzz.h). The chip does no bus-master DMA: its 32 KiB of buffer
 * memory, which the driver reads through the remote-DMA data port, is
 * offered to the input as a DMA region, so ring entry headers (status,
 * next page, byte count) and frames are the input's; so are the chip's
 * registers (CURR, ISR, BNRY) on both register pages.
 */

#include "../../src/drivers/net/ne2k_pci.h"

#define NIC_FUZZ_DRIVER wb_ne2k_pci_driver
#define NIC_FUZZ_VENDOR 0x10ec
#define NIC_FUZZ_DEVICE 0x8029
#define NIC_FUZZ_DRIVER_DATA 0
#include "nic_fuzz.h"

/* Page-1 registers live at this offset of the register file. */
#define PAGE1 0x100
#define CARD_MEMORY_LEN (NE_MEMORY_STOP_PAGE * NE_PAGE_SIZE)

static uint8_t *card;
static unsigned rsar, rbcr;

int pci_bar_is_io(struct pci_device *pci, unsigned bar)
{
	(void)pci;
	return bar == NE_BAR ? 1 : -ENODEV;
}

static void model_power_on(void)
{
	static const uint8_t mac[ETH_ALEN] = { 0x52, 0x54, 0x00, 0x80, 0x29, 0x01 };
	static struct dma_mapping map;
	unsigned i;

	if (!card) {
		/* Never freed: the region stays for every run. */
		card = malloc(CARD_MEMORY_LEN);
		fake_dma_add(card, CARD_MEMORY_LEN, &map, true);
	}
	memset(card, 0, CARD_MEMORY_LEN);
	for (i = 0; i < 2 * NE_PROM_WORDS; i++)
		card[NE_PROM_ADDR + i] = i / 2 < ETH_ALEN ? mac[i / 2] : 0x57;
	rsar = rbcr = 0;
}

static uint8_t *reg(uint64_t offset)
{
	bool page1 = (nic_regs[NE_BAR][NE_CR] & 0xc0) == NE_CR_PAGE1;

	return &nic_regs[NE_BAR][offset + (page1 && offset != NE_CR ? PAGE1 : 0)];
}

static uint32_t model_read(unsigned bar, uint64_t offset, unsigned width)
{
	if (bar != NE_BAR)
		return 0xffffffffu;
	if (offset == NE_DATA && (width == 2 || width == 4)) {
		uint32_t data = 0;
		unsigned i;

		for (i = 0; i < width; i++) {
			data |= (uint32_t)(rsar < CARD_MEMORY_LEN ? card[rsar] : 0xff) << (8 * i);
			rsar = (rsar + 1) & 0xffff;
		}
		rbcr = rbcr > width ? rbcr - width : 0;
		if (!rbcr)
			nic_regs[NE_BAR][NE_ISR] |= NE_ISR_RDC;
		return data;
	}
	if (offset == NE_RESET) {
		nic_regs[NE_BAR][NE_ISR] |= NE_ISR_RST;
		return 0;
	}
	if (offset >= NE_DATA || width != 1)
		return 0xffffffffu;
	return *reg(offset);
}

static void model_write(unsigned bar, uint64_t offset, unsigned width, uint32_t value)
{
	uint8_t *isr = &nic_regs[NE_BAR][NE_ISR];

	if (bar != NE_BAR)
		return;
	if (offset == NE_DATA && (width == 2 || width == 4)) {
		unsigned i;

		for (i = 0; i < width; i++) {
			if (rsar < CARD_MEMORY_LEN)
				card[rsar] = (uint8_t)(value >> (8 * i));
			rsar = (rsar + 1) & 0xffff;
		}
		rbcr = rbcr > width ? rbcr - width : 0;
		if (!rbcr)
			*isr |= NE_ISR_RDC;
		return;
	}
	if (offset == NE_RESET) {
		*isr |= NE_ISR_RST;
		return;
	}
	if (width != 1 || offset >= NE_DATA)
		return;
	if (offset == NE_CR) {
		nic_regs[NE_BAR][NE_CR] = (uint8_t)value;
		if (value & NE_CR_STP)
			*isr |= NE_ISR_RST;
		return;
	}
	if ((nic_regs[NE_BAR][NE_CR] & 0xc0) == NE_CR_PAGE0) {
		/* Write-only page-0 registers the model acts on. */
		switch (offset) {
		case NE_ISR: *isr &= (uint8_t)~value; return;
		case NE_RSAR0: rsar = (rsar & 0xff00) | (value & 0xff); return;
		case NE_RSAR1: rsar = (rsar & 0xff) | (value & 0xff) << 8; return;
		case NE_RBCR0: rbcr = (rbcr & 0xff00) | (value & 0xff); return;
		case NE_RBCR1: rbcr = (rbcr & 0xff) | (value & 0xff) << 8; return;
		}
	}
	*reg(offset) = (uint8_t)value;
}
