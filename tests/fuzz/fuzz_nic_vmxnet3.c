/* SPDX-License-Identifier: GPL-2.0-or-later */
// FIRMWARE_SOURCES: src/drivers/net/vmxnet3.c src/core/iobuf.c src/drivers/net/pci_nic.c src/core/poll.c src/drivers/net/microwire.c
/*
 * The vmxnet3 driver's receive path against a hostile device (see
 * nic_fuzz.h): the input writes receive and transmit completions (index,
 * length and error word, generation bit), the event word of the shared
 * area and the packet buffers, between polls; commands succeed (the
 * input may change a result register afterwards).
 */

#include "../../src/drivers/net/vmxnet3.h"

#define NIC_FUZZ_DRIVER wb_vmxnet3_driver
#define NIC_FUZZ_VENDOR 0x15ad
#define NIC_FUZZ_DEVICE 0x07b0
#define NIC_FUZZ_DRIVER_DATA 0
#include "nic_fuzz.h"

int pci_bar_is_io(struct pci_device *pci, unsigned bar)
{
	(void)pci;
	return bar <= 2 ? 0 : -ENODEV;
}

static void model_power_on(void)
{
	nic_reg_store(VMXNET3_VD_BAR, VMXNET3_REG_VRRS, 4, VMXNET3_REVISION_1);
	nic_reg_store(VMXNET3_VD_BAR, VMXNET3_REG_UVRS, 4, VMXNET3_UPT_VERSION_1);
	nic_reg_store(VMXNET3_VD_BAR, VMXNET3_REG_MACL, 4, 0x07005452);
	nic_reg_store(VMXNET3_VD_BAR, VMXNET3_REG_MACH, 4, 0x03b0);
}

static uint32_t model_read(unsigned bar, uint64_t offset, unsigned width)
{
	return nic_reg_load(bar, offset, width);
}

static void model_write(unsigned bar, uint64_t offset, unsigned width, uint32_t value)
{
	if (bar == VMXNET3_VD_BAR && offset == VMXNET3_REG_CMD) {
		/* Every command succeeds; the link is up. */
		nic_reg_store(bar, offset, 4, value == VMXNET3_CMD_GET_LINK ?
			      (10000u << VMXNET3_LINK_SPEED_SHIFT) | VMXNET3_LINK_UP : 0);
		return;
	}
	/* What the device offers does not change when the driver picks. */
	if (bar == VMXNET3_VD_BAR &&
	    (offset == VMXNET3_REG_VRRS || offset == VMXNET3_REG_UVRS))
		return;
	nic_reg_store(bar, offset, width, value);
}
