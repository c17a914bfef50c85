/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The driver binding of driver mode (UEFI 2.10, section 11.1, and the
 * UEFI Driver Model's bus driver rules for the child we create).
 *
 * Supported: the controller has PCI I/O, not yet opened BY_DRIVER by
 * anybody, and one of our drivers serves its vendor:device.
 * Start: PCI I/O opened BY_DRIVER, the NIC driver probed (it registers a
 * network device), then a child handle for the network interface with a
 * device path (the PCI path plus a MAC address node) and SNP, and the
 * child extensions; the child opens PCI I/O BY_CHILD_CONTROLLER, which is
 * how the firmware knows the child belongs to the controller.
 * Stop: the reverse, for the children named and then for the controller.
 */

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <platform/efi/efi_driver.h>
#include <platform/efi/efi_guid.h>
#include <platform/efi/efi_path.h>
#include <platform/efi/efi_pci_match.h>
#include <platform/efi/efi_pci_quiesce.h>
#include <wireboot/debug.h>
#include <wireboot/efi.h>

/* Above the firmware's own NIC drivers (0x10); the PCI bus driver's
 * override for option ROM images ranks ours first anyway. */
#define DRIVER_VERSION 0x20
#define MAC_NODE_LEN 37
#define IF_TYPE_ETHERNET 1

TABLE_DEFINE(const struct efi_child_extension, efi_child_extensions);

LIST_HEAD(efi_driver_devices);
static EFI_EVENT exit_boot_event;


struct efi_driver_device *efi_driver_find(EFI_HANDLE controller)
{
	struct efi_driver_device *dev;

	list_for_each_entry(dev, &efi_driver_devices, pci.list) {
		if (dev->pci.handle == controller)
			return dev;
	}
	return NULL;
}

struct efi_driver_device *efi_driver_find_child(EFI_HANDLE child)
{
	struct efi_driver_device *dev;

	list_for_each_entry(dev, &efi_driver_devices, pci.list) {
		if (child && dev->child == child)
			return dev;
	}
	return NULL;
}

static EFI_STATUS EFIAPI binding_supported(EFI_DRIVER_BINDING_PROTOCOL *This,
					   EFI_HANDLE ControllerHandle,
					   EFI_DEVICE_PATH_PROTOCOL *RemainingDevicePath)
{
	EFI_STATUS status;
	VOID *io;

	/* BY_DRIVER also says whether another driver holds the device. */
	status = efi_boot_services->OpenProtocol(ControllerHandle, &efi_pci_io_protocol_guid,
						 &io, This->DriverBindingHandle,
						 ControllerHandle,
						 EFI_OPEN_PROTOCOL_BY_DRIVER);
	if (EFI_ERROR(status))
		return status;
	status = efi_pci_io_driver(io) ? EFI_SUCCESS : EFI_UNSUPPORTED;
	efi_boot_services->CloseProtocol(ControllerHandle, &efi_pci_io_protocol_guid,
					 This->DriverBindingHandle,
					 ControllerHandle);
	return status;
}

/* The controller's device path, then MAC(<address>,0x1), then the end. */
static EFI_DEVICE_PATH_PROTOCOL *child_device_path(struct efi_driver_device *dev)
{
	VOID *parent;
	size_t parent_len;
	UINT8 *path, *node;

	if (EFI_ERROR(efi_boot_services->HandleProtocol(
		    dev->pci.handle, &efi_device_path_protocol_guid, &parent)))
		return NULL;
	if (efi_path_len(parent, EFI_PATH_MAX_LEN, &parent_len) != 0)
		return NULL;
	path = zalloc(parent_len + MAC_NODE_LEN + sizeof(EFI_DEVICE_PATH_PROTOCOL));
	if (!path)
		return NULL;
	memcpy(path, parent, parent_len);
	node = path + parent_len;
	efi_path_set_node(node, MESSAGING_DEVICE_PATH, MSG_MAC_ADDR_DP, MAC_NODE_LEN);
	memcpy(node + 4, dev->netdev->hw_addr, ETH_ALEN);
	node[MAC_NODE_LEN - 1] = IF_TYPE_ETHERNET;
	efi_path_set_end(node + MAC_NODE_LEN);
	return (EFI_DEVICE_PATH_PROTOCOL *)path;
}

static void install_extensions(struct efi_driver_device *dev)
{
	const struct efi_child_extension *ext;
	int rc;

	for_each_table_entry(ext, efi_child_extensions) {
		rc = ext->install(dev);
		if (rc != 0)
			printf("%s: no %s: %s\n", dev->netdev->name, ext->name,
			       strerror(rc));
	}
	dev->extended = true;
}

static void uninstall_extensions(struct efi_driver_device *dev)
{
	const struct efi_child_extension *ext = TABLE_END(efi_child_extensions);

	if (!dev->extended)
		return;
	while (ext-- > TABLE_START(efi_child_extensions))
		ext->uninstall(dev);
	dev->extended = false;
}

static EFI_STATUS create_child(struct efi_driver_device *dev)
{
	EFI_STATUS status;
	VOID *io;

	dev->snp = efi_snp_export_new(dev->netdev);
	dev->path = child_device_path(dev);
	if (!dev->snp || !dev->path) {
		status = EFI_OUT_OF_RESOURCES;
		goto fail;
	}
	status = efi_boot_services->InstallMultipleProtocolInterfaces(
		&dev->child, &efi_device_path_protocol_guid, dev->path, &efi_simple_network_protocol_guid,
		&dev->snp->protocol, NULL);
	if (EFI_ERROR(status))
		goto fail;
	status = efi_boot_services->OpenProtocol(
		dev->pci.handle, &efi_pci_io_protocol_guid, &io, efi_image_handle,
		dev->child, EFI_OPEN_PROTOCOL_BY_CHILD_CONTROLLER);
	if (EFI_ERROR(status)) {
		efi_boot_services->UninstallMultipleProtocolInterfaces(
			dev->child, &efi_device_path_protocol_guid, dev->path, &efi_simple_network_protocol_guid,
			&dev->snp->protocol, NULL);
		goto fail;
	}
	install_extensions(dev);
	return EFI_SUCCESS;

fail:
	dev->child = NULL;
	if (dev->snp)
		efi_snp_export_free(dev->snp);
	dev->snp = NULL;
	free(dev->path);
	dev->path = NULL;
	return status;
}

/* Fails (and leaves the child whole) when a user of the child's protocols
 * refuses to let go of them. */
static EFI_STATUS destroy_child(struct efi_driver_device *dev)
{
	EFI_STATUS status;
	VOID *io;

	if (!dev->child)
		return EFI_SUCCESS;
	uninstall_extensions(dev);
	efi_boot_services->CloseProtocol(dev->pci.handle, &efi_pci_io_protocol_guid,
					 efi_image_handle, dev->child);
	status = efi_boot_services->UninstallMultipleProtocolInterfaces(
		dev->child, &efi_device_path_protocol_guid, dev->path, &efi_simple_network_protocol_guid,
		&dev->snp->protocol, NULL);
	if (EFI_ERROR(status)) {
		DBG("%s: child handle in use: %s\n", dev->netdev->name,
		    strerror(efi_status_to_rc(status)));
		efi_boot_services->OpenProtocol(
			dev->pci.handle, &efi_pci_io_protocol_guid, &io, efi_image_handle,
			dev->child, EFI_OPEN_PROTOCOL_BY_CHILD_CONTROLLER);
		install_extensions(dev);
		return EFI_DEVICE_ERROR;
	}
	efi_snp_export_free(dev->snp);
	dev->snp = NULL;
	free(dev->path);
	dev->path = NULL;
	dev->child = NULL;
	return EFI_SUCCESS;
}

/* The NIC driver's network device: the one its probe registered, which is
 * the first on the list after the last one before the probe. */
static int probe_nic(struct efi_driver_device *dev)
{
	struct list_head *before = net_devices.prev;
	struct pci_device *pci = &dev->pci.pci;
	int rc;

	rc = pci->driver->probe(pci);
	if (rc != 0)
		return rc;
	if (before->next == &net_devices) {
		pci->driver->remove(pci);
		return -ENODEV;
	}
	dev->netdev = container_of(before->next, struct net_device, list);
	return 0;
}

static void release_controller(struct efi_driver_device *dev)
{
	efi_boot_services->CloseProtocol(dev->pci.handle, &efi_pci_io_protocol_guid,
					 efi_image_handle, dev->pci.handle);
	efi_pci_restore(&dev->pci);
}

static EFI_STATUS EFIAPI binding_start(EFI_DRIVER_BINDING_PROTOCOL *This,
				       EFI_HANDLE ControllerHandle,
				       EFI_DEVICE_PATH_PROTOCOL *RemainingDevicePath)
{
	struct efi_driver_device *dev;
	EFI_STATUS status;
	VOID *io;
	int rc;

	status = efi_boot_services->OpenProtocol(ControllerHandle, &efi_pci_io_protocol_guid,
						 &io, efi_image_handle,
						 ControllerHandle,
						 EFI_OPEN_PROTOCOL_BY_DRIVER);
	if (EFI_ERROR(status))
		return status;
	dev = zalloc(sizeof(*dev));
	if (!dev) {
		status = EFI_OUT_OF_RESOURCES;
		goto fail_alloc;
	}
	if (efi_pci_init_matched(&dev->pci, ControllerHandle, io) != 0) {
		status = EFI_UNSUPPORTED;
		goto fail_init;
	}
	rc = probe_nic(dev);
	if (rc != 0) {
		printf("PCI " PCI_FMT " (%s): %s\n", PCI_ARGS(&dev->pci.pci),
		       dev->pci.pci.driver->name, strerror(rc));
		status = EFI_DEVICE_ERROR;
		goto fail_probe;
	}
	efi_driver_name_device(dev);
	status = create_child(dev);
	if (EFI_ERROR(status))
		goto fail_child;
	list_add_tail(&dev->pci.list, &efi_driver_devices);
	rc = efi_pci_quiesce_at_exit(&efi_driver_devices, &exit_boot_event);
	if (rc != 0)
		printf("%s: cannot watch for ExitBootServices: %s\n",
		       dev->netdev->name, strerror(rc));
	DBG("%s: %s at PCI " PCI_FMT " started\n", dev->netdev->name,
	    dev->pci.pci.driver->name, PCI_ARGS(&dev->pci.pci));
	return EFI_SUCCESS;

fail_child:
	dev->pci.pci.driver->remove(&dev->pci.pci);
fail_probe:
	efi_pci_restore(&dev->pci);
fail_init:
	free(dev);
fail_alloc:
	efi_boot_services->CloseProtocol(ControllerHandle, &efi_pci_io_protocol_guid,
					 efi_image_handle, ControllerHandle);
	return status;
}

static EFI_STATUS EFIAPI binding_stop(EFI_DRIVER_BINDING_PROTOCOL *This,
				      EFI_HANDLE ControllerHandle,
				      UINTN NumberOfChildren,
				      EFI_HANDLE *ChildHandleBuffer)
{
	struct efi_driver_device *dev = efi_driver_find(ControllerHandle);
	EFI_STATUS status;
	UINTN i;

	if (!dev) {
		/* An extension keeps the child's SNP open BY_DRIVER: whoever
		 * wants the SNP exclusively disconnects us from the child. */
		dev = efi_driver_find_child(ControllerHandle);
		if (!dev)
			return EFI_UNSUPPORTED;
		uninstall_extensions(dev);
		return EFI_SUCCESS;
	}
	if (NumberOfChildren) {
		status = EFI_SUCCESS;
		for (i = 0; i < NumberOfChildren; i++) {
			if (ChildHandleBuffer[i] == dev->child &&
			    EFI_ERROR(destroy_child(dev)))
				status = EFI_DEVICE_ERROR;
		}
		return status;
	}
	status = destroy_child(dev);
	if (EFI_ERROR(status))
		return status;
	list_del(&dev->pci.list);
	if (list_empty(&efi_driver_devices))
		efi_pci_quiesce_cancel(&exit_boot_event);
	dev->pci.pci.driver->remove(&dev->pci.pci);
	release_controller(dev);
	DBG("PCI " PCI_FMT ": stopped\n", PCI_ARGS(&dev->pci.pci));
	free(dev);
	return EFI_SUCCESS;
}

EFI_DRIVER_BINDING_PROTOCOL efi_driver_binding = {
	.Supported = binding_supported,
	.Start = binding_start,
	.Stop = binding_stop,
	.Version = DRIVER_VERSION,
};
