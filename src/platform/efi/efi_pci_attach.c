/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Attaching our PCI NIC drivers to the firmware's PCI devices, for the
 * application.
 *
 * For every PCI I/O handle whose vendor:device one of our drivers claims,
 * the firmware's driver (OVMF's VirtioNetDxe, a NIC's option ROM, ...) is
 * disconnected (with the firmware's network stack above it), and PCI I/O
 * is opened BY_DRIVER: while we hold it no
 * firmware driver can bind again (its Start() would be refused), so the
 * device is ours alone. remove() hands every device back and reconnects
 * the firmware's drivers, so the next stage finds the NIC as it was.
 *
 * At ExitBootServices the OS owns memory, so no device we drive may DMA
 * any more (efi_pci_quiesce.c).
 *
 * A device whose driver fails the health check (core/netdev_health.c) is
 * handed back to the firmware's driver and driven on over its SNP.
 */

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <efi/protocol/simple_network.h>
#include <platform/efi/efi_guid.h>
#include <platform/efi/efi_locate.h>
#include <platform/efi/efi_pci.h>
#include <platform/efi/efi_pci_attach.h>
#include <platform/efi/efi_pci_match.h>
#include <platform/efi/efi_pci_quiesce.h>
#include <platform/efi/efi_snpnet.h>
#include <wireboot/debug.h>
#include <wireboot/device.h>
#include <wireboot/efi.h>
#include <wireboot/pci_regs.h>

PROVIDE_OBJECT(efi_pci_attach);

static LIST_HEAD(attached_devices);
static EFI_EVENT exit_boot_event;
/* A device went on over the firmware's SNP (hand_over()). */
static bool handed_over;

/* Gives the device back: PCI I/O closed, attributes as we found them, and
 * the firmware's drivers connected again. */
static void release_device(struct efi_pci_device *dev)
{
	efi_boot_services->CloseProtocol(dev->handle, &efi_pci_io_protocol_guid,
					 efi_image_handle, dev->handle);
	efi_pci_restore(dev);
	efi_boot_services->ConnectController(dev->handle, NULL, NULL, 1);
}

/* Calls fn on every firmware SNP sitting on the PCI device, until one
 * returns true. */
static void for_each_snp_on(struct efi_pci_device *dev,
			    bool (*fn)(EFI_HANDLE snp_handle, void *context),
			    void *context)
{
	EFI_HANDLE *handles, pci_handle;
	UINTN count, i;

	if (EFI_ERROR(efi_boot_services->LocateHandleBuffer(
		    ByProtocol, &efi_simple_network_protocol_guid, NULL, &count, &handles)))
		return;
	for (i = 0; i < count; i++) {
		if (efi_locate_on_path(handles[i], &efi_pci_io_protocol_guid, &pci_handle) == 0 &&
		    pci_handle == dev->handle && fn(handles[i], context))
			break;
	}
	efi_boot_services->FreePool(handles);
}

static bool disconnect_consumers(EFI_HANDLE snp_handle, void *context)
{
	(void)context;
	efi_boot_services->DisconnectController(snp_handle, NULL, NULL);
	return false;
}

static bool stop_snp(EFI_HANDLE snp_handle, void *context)
{
	EFI_SIMPLE_NETWORK_PROTOCOL *snp;
	VOID *interface;

	(void)context;
	if (EFI_ERROR(efi_boot_services->HandleProtocol(snp_handle, &efi_simple_network_protocol_guid,
							&interface)))
		return false;
	snp = interface;
	if (snp->Mode->State == EfiSimpleNetworkInitialized)
		snp->Shutdown(snp);
	if (snp->Mode->State == EfiSimpleNetworkStarted)
		snp->Stop(snp);
	return false;
}

/*
 * A firmware NIC driver may refuse to stop while its SNP runs (OVMF's
 * VirtioNetDxe does), and the SNP runs while the firmware's network stack
 * (MNP, PXE, ...) uses it. So the stack lets go of the SNP first and the
 * SNP is stopped; then every driver of the device is disconnected.
 */
static EFI_STATUS disconnect_firmware(struct efi_pci_device *dev)
{
	for_each_snp_on(dev, disconnect_consumers, NULL);
	for_each_snp_on(dev, stop_snp, NULL);
	return efi_boot_services->DisconnectController(dev->handle, NULL, NULL);
}

static void hand_over(struct netdev_fallback *fallback,
		      struct net_device *netdev, const char *reason);

/* Takes the device from the firmware's driver and runs ours on it. */
static int attach_device(struct efi_pci_device *dev)
{
	struct pci_device *pci = &dev->pci;
	EFI_STATUS status;
	VOID *io;
	int rc;

	status = disconnect_firmware(dev);
	DBG("PCI " PCI_FMT ": firmware drivers disconnected: %s\n",
	    PCI_ARGS(pci), strerror(efi_status_to_rc(status)));
	status = efi_boot_services->OpenProtocol(dev->handle, &efi_pci_io_protocol_guid,
						 &io, efi_image_handle,
						 dev->handle,
						 EFI_OPEN_PROTOCOL_BY_DRIVER);
	if (EFI_ERROR(status)) {
		rc = efi_status_to_rc(status);
		printf("PCI " PCI_FMT " (%s): a firmware driver keeps the "
		       "device: %s\n", PCI_ARGS(pci), pci->driver->name,
		       strerror(rc));
		efi_boot_services->ConnectController(dev->handle, NULL, NULL, 1);
		return rc;
	}
	dev->fallback.hand_over = hand_over;
	pci->fallback = dev->fallback_tried ? NULL : &dev->fallback;
	rc = pci->driver->probe(pci);
	if (rc != 0) {
		printf("PCI " PCI_FMT " (%s): %s\n", PCI_ARGS(pci),
		       pci->driver->name, strerror(rc));
		release_device(dev);
		return rc;
	}
	list_add_tail(&dev->list, &attached_devices);
	return 0;
}

static bool attach_snp(EFI_HANDLE snp_handle, void *context)
{
	return efi_snpnet_attach(snp_handle, context) == 0;
}

/*
 * Our driver failed its health check (netdev_health.c): the device goes
 * back to the firmware's driver and on over the SNP that driver puts on
 * it. Without one (the firmware has no driver for this NIC) ours takes
 * the device again, for good. Either way the new device is marked as the
 * old one's replacement, so DHCP running there starts again on it.
 */
static void hand_over(struct netdev_fallback *fallback,
		      struct net_device *netdev, const char *reason)
{
	struct efi_pci_device *dev = container_of(fallback, struct efi_pci_device, fallback);
	struct pci_device *pci = &dev->pci;
	struct net_device *replacement = NULL;

	/* Held until the message is out: unregistering drops the list's
	 * reference. */
	netdev_get(netdev);
	list_del(&dev->list);
	pci->driver->remove(pci);
	release_device(dev);
	printf("%s (%s, %s): %s; ", netdev->name, pci->driver->name,
	       netdev->location, reason);
	for_each_snp_on(dev, attach_snp, &replacement);
	if (replacement) {
		printf("continuing over the firmware's driver as %s\n",
		       replacement->name);
		handed_over = true;
		free(dev);
	} else {
		dev->fallback_tried = true;
		if (attach_device(dev) == 0) {
			/* The fallback is only ever set by pci_nic.c, whose
			 * probe leaves the device there. */
			replacement = pci->priv;
			printf("the firmware has no driver for it: continuing "
			       "with ours as %s\n", replacement->name);
		} else {
			printf("the firmware has no driver for it, and ours "
			       "cannot take it again\n");
			free(dev);
		}
	}
	if (replacement)
		netdev_replace(netdev, replacement);
	netdev_put(netdev);
}

static void probe_handle(EFI_HANDLE handle)
{
	struct efi_pci_device *dev;
	EFI_PCI_IO_PROTOCOL *io;
	VOID *interface;

	if (EFI_ERROR(efi_boot_services->OpenProtocol(
		    handle, &efi_pci_io_protocol_guid, &interface, efi_image_handle, NULL,
		    EFI_OPEN_PROTOCOL_GET_PROTOCOL)))
		return;
	io = interface;
	if (!efi_pci_io_driver(io))
		return;

	dev = zalloc(sizeof(*dev));
	if (!dev)
		return;
	if (efi_pci_init_matched(dev, handle, io) != 0) {
		free(dev);
		return;
	}
	DBG("PCI " PCI_FMT ": %04x:%04x is %s (%s)\n", PCI_ARGS(&dev->pci),
	    dev->pci.vendor, dev->pci.device, dev->pci.driver->name,
	    dev->pci.id->name);
	if (attach_device(dev) != 0)
		free(dev);
}

static int efi_pci_probe(void)
{
	EFI_HANDLE *handles;
	UINTN count, i;
	EFI_STATUS status;
	int rc;

	status = efi_boot_services->LocateHandleBuffer(ByProtocol, &efi_pci_io_protocol_guid,
						       NULL, &count, &handles);
	if (status == EFI_NOT_FOUND)
		return 0;
	if (EFI_ERROR(status))
		return efi_status_to_rc(status);
	for (i = 0; i < count; i++)
		probe_handle(handles[i]);
	efi_boot_services->FreePool(handles);

	if (!list_empty(&attached_devices)) {
		rc = efi_pci_quiesce_at_exit(&attached_devices, &exit_boot_event);
		if (rc != 0)
			printf("PCI: cannot watch for ExitBootServices: %s\n",
			       strerror(rc));
	}
	return 0;
}

static void efi_pci_remove(void)
{
	struct efi_pci_device *dev, *next;

	list_for_each_entry_safe(dev, next, &attached_devices, list) {
		list_del(&dev->list);
		dev->pci.driver->remove(&dev->pci);
		release_device(dev);
		DBG("PCI " PCI_FMT ": given back to the firmware\n",
		    PCI_ARGS(&dev->pci));
		free(dev);
	}
	efi_pci_quiesce_cancel(&exit_boot_event);
	/* The SNPs taken over from us go back too, whether or not an SNP
	 * prober (which would do it as well) is linked. */
	if (handed_over)
		efi_snpnet_detach_all();
	handed_over = false;
}

bool efi_pci_is_attached(EFI_HANDLE handle)
{
	struct efi_pci_device *dev;

	list_for_each_entry(dev, &attached_devices, list) {
		if (dev->handle == handle)
			return true;
	}
	return false;
}

DEVICE_PROBER(efi_pci_prober) = {
	.name = "pci",
	.probe = efi_pci_probe,
	.remove = efi_pci_remove,
};
