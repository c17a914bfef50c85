/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef EFI_PROTOCOL_SHIM_LOCK_H
#define EFI_PROTOCOL_SHIM_LOCK_H

/*
 * The "shim lock" protocol that shim (the first-stage loader signed by the
 * platform's keys) installs for the loaders it starts: Verify checks a PE
 * image in memory against shim's own trust (its built-in vendor key, the
 * machine owner's keys, SBAT), as GRUB asks it to before starting a
 * kernel. Only Verify is used here; Hash and Context follow it in the
 * structure and are not called (their context type is shim's own).
 */

#include <efi/efi.h>

#define SHIM_LOCK_PROTOCOL_GUID                                              \
	{ 0x605dab50, 0xe046, 0x4300,                                        \
	  { 0xab, 0xb6, 0x3d, 0xd8, 0x10, 0xdd, 0x8b, 0x23 } }

typedef EFI_STATUS(EFIAPI *SHIM_LOCK_VERIFY)(VOID *Buffer, UINT32 Size);

typedef struct {
	SHIM_LOCK_VERIFY Verify;
	VOID *Hash;
	VOID *Context;
} SHIM_LOCK_PROTOCOL;

#endif
