/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Probe and removal of a PCI NIC (see pci_nic.h): one sequence and one
 * unwind path for every driver, so that none forgets a step of either.
 */

#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <drivers/net/pci_nic.h>

#define PCI_BARS 6

static bool has_bars(struct pci_device *pci, const struct pci_nic_ops *ops)
{
	unsigned needed = ops->bars | ops->io_bars | ops->memory_bars;
	unsigned bar;
	int io;

	for (bar = 0; bar < PCI_BARS; bar++) {
		if (!((needed >> bar) & 1))
			continue;
		io = pci_bar_is_io(pci, bar);
		if (io < 0)
			return false;
		if (((ops->io_bars >> bar) & 1) && io != 1)
			return false;
		if (((ops->memory_bars >> bar) & 1) && io != 0)
			return false;
	}
	return true;
}

int pci_nic_probe(struct pci_device *pci)
{
	const struct pci_nic_ops *ops = pci_nic_ops(pci);
	struct net_device *netdev;
	int rc;

	if (!has_bars(pci, ops))
		return -ENODEV;
	netdev = alloc_netdev(ops->priv_len);
	if (!netdev)
		return -ENOMEM;
	netdev->op = ops->op;
	netdev->driver_name = pci->driver->name;
	netdev->fallback = pci->fallback;
	snprintf(netdev->location, sizeof(netdev->location), "PCI " PCI_FMT,
		 PCI_ARGS(pci));
	pci->priv = netdev;

	rc = pci_enable_device(pci);
	if (rc == 0)
		rc = ops->init(pci, netdev);
	if (rc != 0)
		goto fail;
	rc = register_netdev(netdev);
	if (rc != 0)
		goto fail_register;
	return 0;

fail_register:
	ops->quiesce(netdev);
fail:
	pci->priv = NULL;
	netdev_put(netdev);
	return rc;
}

void pci_nic_remove(struct pci_device *pci)
{
	struct net_device *netdev = pci->priv;

	unregister_netdev(netdev);
	pci_nic_ops(pci)->quiesce(netdev);
	pci->priv = NULL;
	netdev_put(netdev);
}

/* The chip may be open (the firmware's network stack still uses our SNP
 * when its boot loader exits boot services): its rings stop here, and the
 * netdev's memory stays as it is, never to be used again. */
void pci_nic_shutdown(struct pci_device *pci)
{
	pci_nic_ops(pci)->quiesce(pci->priv);
}
