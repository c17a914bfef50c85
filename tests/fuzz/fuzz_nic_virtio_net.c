/* SPDX-License-Identifier: GPL-2.0-or-later */
// FIRMWARE_SOURCES: src/drivers/net/virtio_net.c src/drivers/net/virtio_pci.c src/drivers/net/virtio_ring.c src/core/iobuf.c src/drivers/net/pci_nic.c src/core/poll.c src/drivers/net/microwire.c
/*
 * The virtio-net driver's receive path against a hostile device (see
 * nic_fuzz.h): the input writes the used rings (index, element ids and
 * lengths), and the descriptor and available rings too, as a device with
 * write access to the ring memory could, between polls. The device is a
 * legacy one (I/O BAR 0, queue page frame numbers: 32-bit bus
 * addresses); the rings and the receive path are those of modern devices
 * as well.
 */

#define NIC_FUZZ_DRIVER wb_virtio_net_driver
#define NIC_FUZZ_VENDOR 0x1af4
#define NIC_FUZZ_DEVICE 0x1000
#define NIC_FUZZ_DRIVER_DATA 0
#include "nic_fuzz.h"

/* Legacy register block (virtio 1.x, section 4.1.4.10). */
#define DEVICE_FEATURES 0x00
#define QUEUE_SIZE 0x0c
#define DEVICE_CONFIG 0x14
#define FEATURE_MAC (1u << 5)
#define FEATURE_STATUS (1u << 16)
#define QUEUE_ENTRIES 256

int pci_bar_is_io(struct pci_device *pci, unsigned bar)
{
	(void)pci;
	return bar == 0 ? 1 : -ENODEV;
}

static void model_power_on(void)
{
	static const uint8_t mac[ETH_ALEN] = { 0x52, 0x54, 0x00, 0x1a, 0xf4, 0x01 };

	fake_dma_32bit = true;
	nic_reg_store(0, DEVICE_FEATURES, 4, FEATURE_MAC | FEATURE_STATUS);
	memcpy(&nic_regs[0][DEVICE_CONFIG], mac, ETH_ALEN);
	nic_reg_store(0, DEVICE_CONFIG + 6, 2, 1);	/* link up */
}

static uint32_t model_read(unsigned bar, uint64_t offset, unsigned width)
{
	if (bar == 0 && offset == QUEUE_SIZE)
		return QUEUE_ENTRIES;
	return nic_reg_load(bar, offset, width);
}

static void model_write(unsigned bar, uint64_t offset, unsigned width, uint32_t value)
{
	if (bar == 0 && offset == DEVICE_FEATURES)
		return;	/* read-only: what the device offers */
	nic_reg_store(bar, offset, width, value);
}
