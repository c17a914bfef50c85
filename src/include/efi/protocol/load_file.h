/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef EFI_PROTOCOL_LOAD_FILE_H
#define EFI_PROTOCOL_LOAD_FILE_H

/*
 * EFI_LOAD_FILE_PROTOCOL (UEFI 2.10, section 13.1): a device the boot
 * manager can boot from without a file system (a network boot entry).
 */

#include <efi/efi.h>
#include <efi/protocol/device_path.h>

#define EFI_LOAD_FILE_PROTOCOL_GUID                                          \
	{ 0x56ec3091, 0x954c, 0x11d2,                                        \
	  { 0x8e, 0x3f, 0x00, 0xa0, 0xc9, 0x69, 0x72, 0x3b } }

typedef struct _EFI_LOAD_FILE_PROTOCOL EFI_LOAD_FILE_PROTOCOL;

typedef EFI_STATUS(EFIAPI *EFI_LOAD_FILE)(
	EFI_LOAD_FILE_PROTOCOL *This, EFI_DEVICE_PATH_PROTOCOL *FilePath,
	BOOLEAN BootPolicy, UINTN *BufferSize, VOID *Buffer);

struct _EFI_LOAD_FILE_PROTOCOL {
	EFI_LOAD_FILE LoadFile;
};

#endif
