/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * What the network boot program needs from the UEFI platform beyond an
 * entry point, wherever it runs (the application, or a full driver's
 * LoadFile): starting EFI programs, power off, the platform's settings.
 * Both places require this one object, so the list lives here once.
 */

#include <wireboot/tables.h>

PROVIDE_OBJECT(efi_program);
REQUIRE_OBJECT(efi_image);
REQUIRE_OBJECT(efi_power_cmd);
REQUIRE_OBJECT(efi_settings);
/* What scripts see of the machine: SMBIOS, firmware variables, PCI. */
REQUIRE_OBJECT(smbios_settings);
REQUIRE_OBJECT(efi_var_settings);
REQUIRE_OBJECT(pci_settings);
REQUIRE_OBJECT(pciscan_cmd);
