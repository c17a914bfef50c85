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

/* EFI_LOAD_FILE2_PROTOCOL (section 13.2): the same interface, for files
 * that are not boot options (BootPolicy must be FALSE). */
#define EFI_LOAD_FILE2_PROTOCOL_GUID                                         \
	{ 0x4006c0c1, 0xfcb3, 0x403e,                                        \
	  { 0x99, 0x6d, 0x4a, 0x6c, 0x87, 0x24, 0xe0, 0x6d } }

/* The vendor media node under which Linux's EFI stub (5.8 and later)
 * looks for a LoadFile2 that hands it its initrd. */
#define LINUX_EFI_INITRD_MEDIA_GUID                                          \
	{ 0x5568e427, 0x68fc, 0x4f3d,                                        \
	  { 0xac, 0x74, 0xca, 0x55, 0x52, 0x31, 0xcc, 0x68 } }

typedef struct _EFI_LOAD_FILE_PROTOCOL EFI_LOAD_FILE_PROTOCOL;

typedef EFI_STATUS(EFIAPI *EFI_LOAD_FILE)(
	EFI_LOAD_FILE_PROTOCOL *This, EFI_DEVICE_PATH_PROTOCOL *FilePath,
	BOOLEAN BootPolicy, UINTN *BufferSize, VOID *Buffer);

struct _EFI_LOAD_FILE_PROTOCOL {
	EFI_LOAD_FILE LoadFile;
};

#endif
