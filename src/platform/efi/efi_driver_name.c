/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * EFI_COMPONENT_NAME2_PROTOCOL of driver mode: "wireboot <driver>" for the
 * driver, "wireboot <driver> PCI bb:dd.f" for a NIC we run and
 * "wireboot <driver> <MAC>" for its network interface, in English only.
 */

#include <stdio.h>
#include <string.h>
#include <platform/efi/efi_driver.h>
#include <wireboot/utf.h>

static CHAR16 driver_name[EFI_DRIVER_NAME_LEN];

static void set_name(CHAR16 *name, const char *text)
{
	utf8_to_utf16(name, EFI_DRIVER_NAME_LEN, text);
}

/* The first NIC driver of the table: a driver image links one. */
static const char *nic_driver_name(void)
{
	return TABLE_COUNT(pci_drivers) ? TABLE_START(pci_drivers)->name : "nic";
}

void efi_driver_name_init(void)
{
	char text[EFI_DRIVER_NAME_LEN];

	snprintf(text, sizeof(text), "wireboot %s", nic_driver_name());
	set_name(driver_name, text);
}

void efi_driver_name_device(struct efi_driver_device *dev)
{
	struct pci_device *pci = &dev->pci.pci;
	char text[EFI_DRIVER_NAME_LEN], mac[18];

	snprintf(text, sizeof(text), "wireboot %s PCI " PCI_FMT,
		 pci->driver->name, PCI_ARGS(pci));
	set_name(dev->controller_name, text);
	snprintf(text, sizeof(text), "wireboot %s %s", pci->driver->name,
		 eth_ntoa(dev->netdev->hw_addr, mac));
	set_name(dev->child_name, text);
}

/* RFC 4646: "en", or a regional variant of it ("en-US"). */
static bool is_english(const CHAR8 *language)
{
	return language && language[0] == 'e' && language[1] == 'n' &&
	       (language[2] == '\0' || language[2] == '-');
}

static EFI_STATUS EFIAPI get_driver_name(EFI_COMPONENT_NAME2_PROTOCOL *This,
					 CHAR8 *Language, CHAR16 **DriverName)
{
	if (!Language || !DriverName)
		return EFI_INVALID_PARAMETER;
	if (!is_english(Language))
		return EFI_UNSUPPORTED;
	*DriverName = driver_name;
	return EFI_SUCCESS;
}

static EFI_STATUS EFIAPI get_controller_name(EFI_COMPONENT_NAME2_PROTOCOL *This,
					     EFI_HANDLE ControllerHandle,
					     EFI_HANDLE ChildHandle,
					     CHAR8 *Language,
					     CHAR16 **ControllerName)
{
	struct efi_driver_device *dev;

	if (!ControllerHandle || !Language || !ControllerName)
		return EFI_INVALID_PARAMETER;
	dev = efi_driver_find(ControllerHandle);
	if (!dev || (ChildHandle && ChildHandle != dev->child))
		return EFI_UNSUPPORTED;
	if (!is_english(Language))
		return EFI_UNSUPPORTED;
	*ControllerName = ChildHandle ? dev->child_name : dev->controller_name;
	return EFI_SUCCESS;
}

EFI_COMPONENT_NAME2_PROTOCOL efi_driver_component_name = {
	.GetDriverName = get_driver_name,
	.GetControllerName = get_controller_name,
	.SupportedLanguages = (CHAR8 *)"en",
};
