/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Intel 8254x gigabit NICs (e1000): the 82540EM, 82545EM and 82544GC that
 * QEMU emulates as e1000, e1000-82545em and e1000-82544gc. The shared
 * register model lives in intel.c; what is particular here is the EEPROM,
 * a Microwire part that software clocks bit by bit through EECD (8254x
 * manual, 5.3 and 13.4.3; the EERD register is missing on the 82544), and
 * how it is reloaded after a reset.
 */

#include <errno.h>
#include <drivers/net/intel.h>
#include <drivers/net/microwire.h>
#include <wireboot/features.h>
#include <wireboot/poll.h>
#include <wireboot/timer.h>

PROVIDE_OBJECT(e1000);

#define EECD_SK (1u << 0)	/* clock */
#define EECD_CS (1u << 1)	/* chip select */
#define EECD_DI (1u << 2)	/* data into the EEPROM */
#define EECD_DO (1u << 3)	/* data out of it */
#define EECD_REQ (1u << 6)	/* software requests the EEPROM... */
#define EECD_GNT (1u << 7)	/* ...and the chip grants it */
#define EECD_SIZE (1u << 9)	/* 256 words (8 address bits), not 64 (6) */
#define CTRL_EXT 0x0018
#define CTRL_EXT_EE_RST (1u << 13)	/* reload the EEPROM */

#define MICROWIRE_HALF_CLOCK_US 50
#define EEPROM_GRANT_TIMEOUT_US 10000
/* How long the EEPROM takes to load after a reset (or EE_RST). */
#define EEPROM_AUTOLOAD_MS 5
#define EEPROM_RELOAD_MS 2

/* driver_data: the 82540EM and its successors, unlike the 82544GC, share
 * the EEPROM with their own state machine (software requests it and waits
 * for the grant) and reload it by themselves after a reset. */
#define E1000_82540_FAMILY 1

static bool is_82540_family(struct intel_nic *intel)
{
	return intel->pci->id->driver_data & E1000_82540_FAMILY;
}

/* EECD writes must reach the chip before the next clock edge. */
static void eecd_write(void *context, uint32_t eecd)
{
	struct intel_nic *intel = context;

	intel_write(intel, INTEL_EECD, eecd);
	intel_read(intel, INTEL_STATUS);	/* flush */
}

static uint32_t eecd_read(void *context)
{
	return intel_read(context, INTEL_EECD);
}

static int e1000_read_eeprom(struct intel_nic *intel, unsigned word,
			     uint16_t *value)
{
	uint32_t eecd = intel_read(intel, INTEL_EECD);
	struct microwire eeprom = {
		.context = intel,
		.read = eecd_read,
		.write = eecd_write,
		.cs = EECD_CS, .sk = EECD_SK, .di = EECD_DI, .dout = EECD_DO,
		.half_clock_us = MICROWIRE_HALF_CLOCK_US,
		.address_bits = (eecd & EECD_SIZE) ? 8 : 6,
	};
	int rc;

	eecd &= ~(EECD_SK | EECD_CS | EECD_DI | EECD_REQ);
	if (is_82540_family(intel)) {
		eecd_write(intel, eecd | EECD_REQ);
		rc = pci_poll32(intel->pci, 0, INTEL_EECD, EECD_GNT, EECD_GNT,
				EEPROM_GRANT_TIMEOUT_US, NULL);
		if (rc != 0) {
			eecd_write(intel, eecd);
			return rc;
		}
		eecd |= EECD_REQ;
	}
	eeprom.idle = eecd;
	rc = microwire_read(&eeprom, word, value);
	eecd_write(intel, eecd & ~EECD_REQ);
	return rc;
}

/* The EEPROM restores the power-on settings (and receive address 0). */
static int e1000_reset_done(struct intel_nic *intel)
{
	if (is_82540_family(intel)) {
		mdelay(EEPROM_AUTOLOAD_MS);
		return 0;
	}
	intel_write(intel, CTRL_EXT,
		    intel_read(intel, CTRL_EXT) | CTRL_EXT_EE_RST);
	intel_read(intel, INTEL_STATUS);	/* flush */
	mdelay(EEPROM_RELOAD_MS);
	return 0;
}

static const struct intel_variant e1000_variant = {
	.read_eeprom = e1000_read_eeprom,
	.reset_done = e1000_reset_done,
};

static const struct pci_device_id e1000_ids[] = {
	PCI_ID(0x8086, 0x100e, "82540em", E1000_82540_FAMILY),
	PCI_ID(0x8086, 0x100f, "82545em", E1000_82540_FAMILY),
	PCI_ID(0x8086, 0x100c, "82544gc", 0),
};

PCI_DRIVER(e1000_driver) = {
	.name = "e1000",
	.ids = e1000_ids,
	.id_count = ARRAY_SIZE(e1000_ids),
	.probe = pci_nic_probe,
	.remove = pci_nic_remove,
	.shutdown = pci_nic_shutdown,
	.ops = INTEL_NIC_OPS(&e1000_variant),
};

FEATURE("e1000");
