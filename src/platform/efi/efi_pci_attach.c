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
#include <wireboot/debug.h>
#include <wireboot/device.h>
#include <wireboot/efi.h>
#include <wireboot/pci_regs.h>

PROVIDE_OBJECT(efi_pci_attach);

static LIST_HEAD(attached_devices);
static EFI_EVENT exit_boot_event;

/* Gives the device back: PCI I/O closed, attributes as we found them, and
 * the firmware's drivers connected again. */
static void release_device(struct efi_pci_device *dev)
{
	efi_boot_services->CloseProtocol(dev->handle, &efi_pci_io_protocol_guid,
					 efi_image_handle, dev->handle);
	efi_pci_restore(dev);
	efi_boot_services->ConnectController(dev->handle, NULL, NULL, 1);
}

/* Calls fn on every firmware SNP sitting on the PCI device. */
static void for_each_snp_on(struct efi_pci_device *dev,
			    void (*fn)(EFI_HANDLE snp_handle))
{
	EFI_HANDLE *handles, pci_handle;
	UINTN count, i;

	if (EFI_ERROR(efi_boot_services->LocateHandleBuffer(
		    ByProtocol, &efi_simple_network_protocol_guid, NULL, &count, &handles)))
		return;
	for (i = 0; i < count; i++) {
		if (efi_locate_on_path(handles[i], &efi_pci_io_protocol_guid, &pci_handle) == 0 &&
		    pci_handle == dev->handle)
			fn(handles[i]);
	}
	efi_boot_services->FreePool(handles);
}

static void disconnect_consumers(EFI_HANDLE snp_handle)
{
	efi_boot_services->DisconnectController(snp_handle, NULL, NULL);
}

static void stop_snp(EFI_HANDLE snp_handle)
{
	EFI_SIMPLE_NETWORK_PROTOCOL *snp;
	VOID *interface;

	if (EFI_ERROR(efi_boot_services->HandleProtocol(snp_handle, &efi_simple_network_protocol_guid,
							&interface)))
		return;
	snp = interface;
	if (snp->Mode->State == EfiSimpleNetworkInitialized)
		snp->Shutdown(snp);
	if (snp->Mode->State == EfiSimpleNetworkStarted)
		snp->Stop(snp);
}

/*
 * A firmware NIC driver may refuse to stop while its SNP runs (OVMF's
 * VirtioNetDxe does), and the SNP runs while the firmware's network stack
 * (MNP, PXE, ...) uses it. So the stack lets go of the SNP first and the
 * SNP is stopped; then every driver of the device is disconnected.
 */
static EFI_STATUS disconnect_firmware(struct efi_pci_device *dev)
{
	for_each_snp_on(dev, disconnect_consumers);
	for_each_snp_on(dev, stop_snp);
	return efi_boot_services->DisconnectController(dev->handle, NULL, NULL);
}

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
