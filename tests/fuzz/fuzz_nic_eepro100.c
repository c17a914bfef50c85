/* SPDX-License-Identifier: GPL-2.0-or-later */
// FIRMWARE_SOURCES: src/drivers/net/eepro100.c src/core/iobuf.c src/drivers/net/pci_nic.c src/core/poll.c src/drivers/net/microwire.c
/*
 * The eepro100 driver's receive frame area against a hostile 8255x (see
 * nic_fuzz.h): the input writes receive frame descriptors (status, actual
 * count, frame data) and command block status words in the shared area,
 * and the SCB registers, between polls. Enough of the chip works for the
 * driver to start: a serial EEPROM (6 address bits) holding a MAC and a
 * valid checksum, the PHY answering on MDI with the link up, commands
 * taken at once, and the address setup completed when the command unit
 * starts. The chip takes 32-bit bus addresses.
 */

#include "../../src/drivers/net/eepro100.h"

#define NIC_FUZZ_DRIVER wb_eepro100_driver
#define NIC_FUZZ_DEVICE 0x1229
#define NIC_FUZZ_VENDOR 0x8086
#define NIC_FUZZ_DRIVER_DATA 0
#include "nic_fuzz.h"

#define EEPROM_ADDRESS_BITS 6
#define EEPROM_WORDS (1u << EEPROM_ADDRESS_BITS)

static struct {
	uint16_t words[EEPROM_WORDS];
	unsigned edges;		/* rising clock edges since chip select */
	unsigned address;
	bool clock, out;
} eeprom;

int pci_bar_is_io(struct pci_device *pci, unsigned bar)
{
	(void)pci;
	return bar == E100_CSR_BAR ? 0 : -ENODEV;
}

static void model_power_on(void)
{
	static const uint8_t mac[ETH_ALEN] = { 0x52, 0x54, 0x00, 0x12, 0x29, 0x01 };
	uint16_t sum = 0;
	unsigned i;

	fake_dma_32bit = true;
	memset(&eeprom, 0, sizeof(eeprom));
	for (i = 0; i < ETH_ALEN / 2; i++)
		eeprom.words[E100_EE_WORD_MAC + i] = (uint16_t)(mac[2 * i] | mac[2 * i + 1] << 8);
	eeprom.words[E100_EE_WORD_PHY] = 1;
	for (i = 0; i + 1 < EEPROM_WORDS; i++)
		sum = (uint16_t)(sum + eeprom.words[i]);
	eeprom.words[EEPROM_WORDS - 1] = (uint16_t)(E100_EE_CHECKSUM - sum);
}

/* Microwire READ: start bit and opcode (3 clocks), the address (its last
 * bit answered with a dummy zero), then 16 data bits, most significant
 * first, each presented after its rising edge. */
static void eeprom_control(uint16_t lines)
{
	bool rising = (lines & E100_EE_SK) && !eeprom.clock;

	eeprom.clock = lines & E100_EE_SK;
	if (!(lines & E100_EE_CS)) {
		eeprom.edges = eeprom.address = 0;
		eeprom.out = true;
		return;
	}
	if (!rising)
		return;
	eeprom.edges++;
	if (eeprom.edges <= 3)
		return;
	if (eeprom.edges <= 3 + EEPROM_ADDRESS_BITS) {
		eeprom.address = eeprom.address << 1 | !!(lines & E100_EE_DI);
		eeprom.out = eeprom.edges < 3 + EEPROM_ADDRESS_BITS;
		return;
	}
	if (eeprom.edges <= 3 + EEPROM_ADDRESS_BITS + 16) {
		unsigned bit = 3 + EEPROM_ADDRESS_BITS + 16 - eeprom.edges;

		eeprom.out = (eeprom.words[eeprom.address % EEPROM_WORDS] >> bit) & 1;
	}
}

static void scb_command(uint8_t command)
{
	uint32_t pointer = nic_reg_load(E100_CSR_BAR, E100_SCB_POINTER, 4);

	/* The address setup block the command unit starts on completes. */
	if (command == E100_CU_START) {
		uint16_t *status = fake_dma_ptr(pointer, sizeof(*status));

		if (status)
			*status |= E100_STATUS_C | E100_STATUS_OK;
	}
	if (command == E100_RU_START)
		nic_regs[E100_CSR_BAR][E100_SCB_STATUS] = E100_RU_READY << 2;
}

static uint32_t model_read(unsigned bar, uint64_t offset, unsigned width)
{
	if (bar == E100_CSR_BAR && offset == E100_EEPROM_CONTROL)
		return eeprom.out ? E100_EE_DO : 0;
	return nic_reg_load(bar, offset, width);
}

static void model_write(unsigned bar, uint64_t offset, unsigned width, uint32_t value)
{
	if (bar != E100_CSR_BAR) {
		nic_reg_store(bar, offset, width, value);
		return;
	}
	switch (offset) {
	case E100_EEPROM_CONTROL:
		eeprom_control((uint16_t)value);
		return;
	case E100_SCB_COMMAND:
		scb_command((uint8_t)value);
		return;	/* taken at once: the register reads 0 */
	case E100_MDI_CONTROL:
		/* Every PHY register reads as "link up". */
		nic_reg_store(bar, offset, 4, E100_MDI_READY | E100_MII_BMSR_LINK);
		return;
	case E100_PORT:
		return;
	}
	nic_reg_store(bar, offset, width, value);
}
