/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Intel 82574L (e1000e), QEMU's e1000e. The shared register model lives
 * in intel.c; what is particular here (82574 datasheet, chapter 10): the
 * NVM is read a word at a time through EERD, whose layout differs from
 * the 8254x one; after a reset the chip reloads its NVM, which must finish
 * before the chip is used; and its transmit queue has enable bits of its
 * own.
 */

#include <errno.h>
#include <drivers/net/intel.h>
#include <wireboot/features.h>
#include <wireboot/poll.h>

PROVIDE_OBJECT(e1000e);

#define EECD_AUTO_RD (1u << 9)	/* NVM auto-read done */

#define EERD_START (1u << 0)
#define EERD_DONE (1u << 1)
#define EERD_ADDR_SHIFT 2
#define EERD_ADDR_MASK 0x3fffu
#define EERD_DATA_SHIFT 16

#define TXDCTL 0x3828
#define TXDCTL_FAMILY_BIT22 (1u << 22)	/* "must be set" on the 82571 family */
#define TXDCTL_GRAN (1u << 24)		/* thresholds count descriptors */
#define TARC0 0x3840
#define TARC0_ENABLE (1u << 10)		/* the queue transmits only when set */

#define EERD_TIMEOUT_US 10000
#define AUTO_READ_TIMEOUT_US 10000

static int e1000e_read_eeprom(struct intel_nic *intel, unsigned word,
			      uint16_t *value)
{
	uint32_t eerd;
	int rc;

	if (word > EERD_ADDR_MASK)
		return -EINVAL;
	intel_write(intel, INTEL_EERD, (word << EERD_ADDR_SHIFT) | EERD_START);
	rc = pci_poll32(intel->pci, 0, INTEL_EERD, EERD_DONE, EERD_DONE,
			EERD_TIMEOUT_US, &eerd);
	if (rc == 0)
		*value = (uint16_t)(eerd >> EERD_DATA_SHIFT);
	return rc;
}

static int e1000e_reset_done(struct intel_nic *intel)
{
	return pci_poll32(intel->pci, 0, INTEL_EECD, EECD_AUTO_RD, EECD_AUTO_RD,
			  AUTO_READ_TIMEOUT_US, NULL);
}

static void e1000e_configure_tx(struct intel_nic *intel)
{
	intel_write(intel, TXDCTL, intel_read(intel, TXDCTL) |
				   TXDCTL_FAMILY_BIT22 | TXDCTL_GRAN);
	intel_write(intel, TARC0, intel_read(intel, TARC0) | TARC0_ENABLE);
}

static const struct intel_variant e1000e_variant = {
	.read_eeprom = e1000e_read_eeprom,
	.reset_done = e1000e_reset_done,
	.configure_tx = e1000e_configure_tx,
};

static const struct pci_device_id e1000e_ids[] = {
	PCI_ID(0x8086, 0x10d3, "82574l", 0),
};

PCI_DRIVER(e1000e_driver) = {
	.name = "e1000e",
	.ids = e1000e_ids,
	.id_count = ARRAY_SIZE(e1000e_ids),
	.probe = pci_nic_probe,
	.remove = pci_nic_remove,
	.shutdown = pci_nic_shutdown,
	.ops = INTEL_NIC_OPS(&e1000e_variant),
};

FEATURE("e1000e");
