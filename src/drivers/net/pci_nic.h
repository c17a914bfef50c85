/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef DRIVERS_NET_PCI_NIC_H
#define DRIVERS_NET_PCI_NIC_H

/*
 * The life cycle every PCI NIC driver shares: probe allocates the network
 * device with the driver's private state, enables the device, lets the
 * chip code bring the chip up and registers the device; remove (and a
 * failed probe) undo that in reverse; shutdown only stops the chip. A
 * driver names pci_nic_probe(), pci_nic_remove() and pci_nic_shutdown() in
 * its struct pci_driver and gives what is its own in
 * a struct pci_nic_ops (the .ops of that struct).
 */

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <wireboot/debug.h>
#include <wireboot/netdev.h>
#include <wireboot/pci.h>
#include <wireboot/timer.h>

struct pci_nic_ops {
	size_t priv_len;	/* netdev->priv, zeroed */
	const struct net_device_operations *op;
	/* The BARs the chip code needs (bit n: BAR n), of either kind or of
	 * one; a device without them is refused (-ENODEV) before anything
	 * is allocated. */
	uint8_t bars, io_bars, memory_bars;
	/* With the device enabled: brings the chip to a quiet, known state,
	 * reads its address into netdev->hw_addr and its link. On failure
	 * it leaves the chip quiet itself. */
	int (*init)(struct pci_device *pci, struct net_device *netdev);
	/* Stops every DMA of a chip init() brought up: on removal, after the
	 * device is unregistered (and so closed), when registering fails, and
	 * at shutdown (pci_nic_shutdown()), open or not. Touches registers
	 * only: no memory is allocated or freed. */
	void (*quiesce)(struct net_device *netdev);
	/* What a chip family's shared code needs of one member (intel.c). */
	const void *variant;
};

/* How often a poll reads the link: under emulation a register read is an
 * exit to the device model, which costs more than the rest of a poll, and
 * a poll that finds nothing is repeated at once. */
#define PCI_NIC_LINK_CHECK_US 100000

/* Whether a poll reads the link now (*checked_us: when it last did). */
static inline bool pci_nic_link_due(uint64_t *checked_us)
{
	uint64_t now = monotonic_us();

	if (now - *checked_us < PCI_NIC_LINK_CHECK_US)
		return false;
	*checked_us = now;
	return true;
}

int pci_nic_probe(struct pci_device *pci);
void pci_nic_remove(struct pci_device *pci);
void pci_nic_shutdown(struct pci_device *pci);

static inline const struct pci_nic_ops *pci_nic_ops(struct pci_device *pci)
{
	return pci->driver->ops;
}

/* The driver's probe announcement, which the NIC tests read: a macro, so
 * that it expands in the chip's own file and DEBUG=<file> shows it. fmt
 * describes the model (and whatever else matters), then come the MAC
 * address and the link. */
#define pci_nic_dbg_probed(pci, netdev, fmt, ...)                            \
	do {                                                                 \
		char mac_[18];                                               \
		DBG("%s PCI " PCI_FMT ": " fmt ", MAC %s, link %s\n",        \
		    (pci)->driver->name, PCI_ARGS(pci), __VA_ARGS__,         \
		    eth_ntoa((netdev)->hw_addr, mac_),                       \
		    netdev_link_ok(netdev) ? "up" : "down");                 \
	} while (0)

#endif
