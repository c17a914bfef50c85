/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Verification by shim: when shim started us (Secure Boot with a
 * distribution's chain of trust), the images we start must pass its
 * Verify as well as the firmware's LoadImage, as GRUB does: the firmware
 * knows only its own db, shim also the distribution's key and the machine
 * owner's. Without shim there is nothing to ask, and LoadImage alone
 * decides.
 */

#include <errno.h>
#include <stdio.h>
#include <efi/protocol/shim_lock.h>
#include <platform/efi/efi_shim_lock.h>
#include <wireboot/efi.h>

int efi_shim_lock_verify(const char *name, const void *data, size_t len)
{
	static EFI_GUID guid = SHIM_LOCK_PROTOCOL_GUID;
	SHIM_LOCK_PROTOCOL *shim_lock = NULL;
	EFI_STATUS status;

	if (EFI_ERROR(efi_boot_services->LocateProtocol(&guid, NULL,
							(void **)&shim_lock)) ||
	    !shim_lock || !shim_lock->Verify)
		return 0;
	if (len > UINT32_MAX) {
		printf("%s: too large for shim to verify (%zu bytes)\n", name, len);
		return -EFBIG;
	}
	status = shim_lock->Verify((VOID *)data, (UINT32)len);
	if (EFI_ERROR(status)) {
		printf("%s: refused by shim: its signature did not verify (%s)\n",
		       name, efi_status_name(status));
		return efi_status_to_rc(status);
	}
	return 0;
}
