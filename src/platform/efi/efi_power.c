/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Power control through the runtime services. */

#include <stdbool.h>
#include <wireboot/console.h>
#include <wireboot/efi.h>

void efi_poweroff(void)
{
	console_flush();
	efi_system_table->RuntimeServices->ResetSystem(EfiResetShutdown,
						       EFI_SUCCESS, 0, NULL);
}

void efi_reboot(bool warm)
{
	console_flush();
	efi_system_table->RuntimeServices->ResetSystem(
		warm ? EfiResetWarm : EfiResetCold, EFI_SUCCESS, 0, NULL);
}
