/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The started image's device handle (see efi_boot_device.h).
 *
 * Its device path is a vendor hardware node of ours, then (when a network
 * device carried the boot) the NIC's MAC address node, as a loader such as
 * GRUB expects the path of the SNP it booted over to end. The handle is
 * created only for the time the image runs: a loader that returns leaves
 * nothing of it behind, and the next image gets the state of its own boot.
 *
 * The network device: the first whose DHCP lease we keep (the one a PXE
 * base code can describe), else the one opened last.
 */

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <net/dhcp.h>
#include <platform/efi/efi_boot_device.h>
#include <platform/efi/efi_guid.h>
#include <platform/efi/efi_path.h>
#include <wireboot/efi.h>
#include <wireboot/utf.h>

PROVIDE_OBJECT(efi_boot_device);

TABLE_DEFINE(const struct efi_boot_device_protocol, efi_boot_device_protocols);

/* a8dbe6ef-c789-429c-a409-f9a79cf76d81: wireboot's boot device. */
static const EFI_GUID boot_device_guid = {
	0xa8dbe6ef, 0xc789, 0x429c,
	{ 0xa4, 0x09, 0xf9, 0xa7, 0x9c, 0xf7, 0x6d, 0x81 }
};

#define VENDOR_NODE_LEN (sizeof(EFI_DEVICE_PATH_PROTOCOL) + sizeof(EFI_GUID))
#define MAC_NODE_LEN 37
#define IF_TYPE_ETHERNET 1

static struct net_device *boot_netdev(void)
{
	struct net_device *netdev;
	size_t len;

	for_each_netdev(netdev) {
		if (dhcp_last_message(netdev, false, &len))
			return netdev;
	}
	return last_opened_netdev();
}

static int build_path(struct efi_boot_device *dev)
{
	size_t len = VENDOR_NODE_LEN + (dev->netdev ? MAC_NODE_LEN : 0);
	UINT8 *path = malloc(len + sizeof(EFI_DEVICE_PATH_PROTOCOL));

	if (!path)
		return -ENOMEM;
	efi_path_set_node(path, HARDWARE_DEVICE_PATH, HW_VENDOR_DP, VENDOR_NODE_LEN);
	memcpy(path + sizeof(EFI_DEVICE_PATH_PROTOCOL), &boot_device_guid,
	       sizeof(boot_device_guid));
	if (dev->netdev) {
		UINT8 *mac = path + VENDOR_NODE_LEN;

		memset(mac, 0, MAC_NODE_LEN);
		efi_path_set_node(mac, MESSAGING_DEVICE_PATH, MSG_MAC_ADDR_DP,
				  MAC_NODE_LEN);
		memcpy(mac + sizeof(EFI_DEVICE_PATH_PROTOCOL),
		       dev->netdev->ll_addr, ETH_ALEN);
		mac[MAC_NODE_LEN - 1] = IF_TYPE_ETHERNET;
	}
	efi_path_set_end(path + len);
	dev->path = (EFI_DEVICE_PATH_PROTOCOL *)path;
	dev->path_len = len;
	return 0;
}

int efi_boot_device_open(struct efi_boot_device *dev, const struct image *image)
{
	const struct efi_boot_device_protocol *proto;
	EFI_STATUS status;
	int rc;

	memset(dev, 0, sizeof(*dev));
	dev->image = image;
	dev->netdev = boot_netdev();
	if (dev->netdev)
		netdev_get(dev->netdev);
	rc = build_path(dev);
	if (rc)
		goto fail;
	status = efi_boot_services->InstallMultipleProtocolInterfaces(
		&dev->handle, &efi_device_path_protocol_guid, dev->path, NULL);
	if (EFI_ERROR(status)) {
		rc = efi_status_to_rc(status);
		goto fail;
	}
	if (dev->netdev) {
		dev->snp = efi_snp_export_new(dev->netdev);
		if (dev->snp &&
		    EFI_ERROR(efi_boot_services->InstallMultipleProtocolInterfaces(
			    &dev->handle, &efi_simple_network_protocol_guid,
			    &dev->snp->protocol, NULL))) {
			efi_snp_export_free(dev->snp);
			dev->snp = NULL;
		}
		if (!dev->snp)
			printf("%s: no SNP for the started image\n",
			       dev->netdev->name);
	}
	for_each_table_entry(proto, efi_boot_device_protocols) {
		rc = proto->install(dev);
		if (rc)
			printf("%s: no %s: %s\n", image->name, proto->name,
			       strerror(rc));
	}
	return 0;

fail:
	efi_boot_device_close(dev);
	return rc;
}

EFI_DEVICE_PATH_PROTOCOL *efi_boot_device_file_path(const struct efi_boot_device *dev)
{
	size_t units = utf8_to_utf16(NULL, 0, dev->image->name) + 2;
	size_t file_len = sizeof(EFI_DEVICE_PATH_PROTOCOL) + units * sizeof(CHAR16);
	UINT8 *path, *file;
	CHAR16 *text;

	if (file_len > 0xffff)
		return NULL;
	path = malloc(dev->path_len + file_len + sizeof(EFI_DEVICE_PATH_PROTOCOL));
	if (!path)
		return NULL;
	memcpy(path, dev->path, dev->path_len);
	file = path + dev->path_len;
	efi_path_set_node(file, MEDIA_DEVICE_PATH, MEDIA_FILEPATH_DP, file_len);
	text = (CHAR16 *)(file + sizeof(EFI_DEVICE_PATH_PROTOCOL));
	text[0] = '\\';
	utf8_to_utf16(text + 1, units - 1, dev->image->name);
	efi_path_set_end(file + file_len);
	return (EFI_DEVICE_PATH_PROTOCOL *)path;
}

void efi_boot_device_close(struct efi_boot_device *dev)
{
	const struct efi_boot_device_protocol *proto =
		TABLE_END(efi_boot_device_protocols);

	if (dev->handle) {
		while (proto-- > TABLE_START(efi_boot_device_protocols))
			proto->uninstall(dev);
		/* A loader that still holds our SNP (opened exclusively and
		 * never closed) keeps it: it stays installed, and allocated. */
		if (dev->snp &&
		    EFI_ERROR(efi_boot_services->UninstallMultipleProtocolInterfaces(
			    dev->handle, &efi_simple_network_protocol_guid,
			    &dev->snp->protocol, NULL)))
			dev->snp = NULL;
		efi_boot_services->UninstallMultipleProtocolInterfaces(
			dev->handle, &efi_device_path_protocol_guid, dev->path,
			NULL);
	}
	if (dev->snp)
		efi_snp_export_free(dev->snp);
	if (dev->netdev)
		netdev_put(dev->netdev);
	free(dev->path);
	memset(dev, 0, sizeof(*dev));
}
