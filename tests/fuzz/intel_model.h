/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef TESTS_INTEL_MODEL_H
#define TESTS_INTEL_MODEL_H

/*
 * The Intel gigabit MAC as the e1000 and e1000e fuzz targets present it
 * (nic_fuzz.h): a reset that completes at once, receive address 0 loaded
 * (so no EEPROM access is needed), link up, NVM auto-read done. The rest
 * of the registers, descriptor status and lengths included, are the
 * input's.
 */

#include "../../src/drivers/net/intel.h"

/* NVM auto-read done (EECD), which the e1000e waits for after a reset. */
#define MODEL_EECD_AUTO_RD (1u << 9)

int pci_bar_is_io(struct pci_device *pci, unsigned bar)
{
	(void)pci;
	return bar == 0 ? 0 : -ENODEV;
}

static void model_power_on(void)
{
	nic_reg_store(0, INTEL_RAL0, 4, 0x12005452);
	nic_reg_store(0, INTEL_RAH0, 4, INTEL_RAH_AV | 0x5634);
	nic_reg_store(0, INTEL_STATUS, 4, INTEL_STATUS_LU);
	nic_reg_store(0, INTEL_EECD, 4, MODEL_EECD_AUTO_RD);
}

static uint32_t model_read(unsigned bar, uint64_t offset, unsigned width)
{
	return nic_reg_load(bar, offset, width);
}

static void model_write(unsigned bar, uint64_t offset, unsigned width, uint32_t value)
{
	if (bar == 0 && offset == INTEL_CTRL)
		value &= ~INTEL_CTRL_RST;	/* self-clearing, at once */
	nic_reg_store(bar, offset, width, value);
}

#endif
