/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef EFI_PROTOCOL_SIMPLE_FILE_SYSTEM_H
#define EFI_PROTOCOL_SIMPLE_FILE_SYSTEM_H

/*
 * EFI_SIMPLE_FILE_SYSTEM_PROTOCOL and EFI_FILE_PROTOCOL (UEFI 2.10,
 * sections 13.4 and 13.5), and EFI_FILE_INFO (13.5.16).
 */

#include <efi/efi.h>

#define EFI_SIMPLE_FILE_SYSTEM_PROTOCOL_GUID                                 \
	{ 0x964e5b22, 0x6459, 0x11d2,                                        \
	  { 0x8e, 0x39, 0x00, 0xa0, 0xc9, 0x69, 0x72, 0x3b } }

#define EFI_FILE_INFO_ID                                                     \
	{ 0x09576e92, 0x6d3f, 0x11d2,                                        \
	  { 0x8e, 0x39, 0x00, 0xa0, 0xc9, 0x69, 0x72, 0x3b } }

#define EFI_FILE_MODE_READ 0x0000000000000001ULL
#define EFI_FILE_DIRECTORY 0x0000000000000010ULL

typedef struct EFI_FILE_PROTOCOL EFI_FILE_PROTOCOL;

struct EFI_FILE_PROTOCOL {
	UINT64 Revision;
	EFI_STATUS(EFIAPI *Open)(EFI_FILE_PROTOCOL *This,
				 EFI_FILE_PROTOCOL **NewHandle,
				 CHAR16 *FileName, UINT64 OpenMode,
				 UINT64 Attributes);
	EFI_STATUS(EFIAPI *Close)(EFI_FILE_PROTOCOL *This);
	VOID *Delete;
	EFI_STATUS(EFIAPI *Read)(EFI_FILE_PROTOCOL *This, UINTN *BufferSize,
				 VOID *Buffer);
	VOID *Write;
	VOID *GetPosition;
	VOID *SetPosition;
	EFI_STATUS(EFIAPI *GetInfo)(EFI_FILE_PROTOCOL *This,
				    EFI_GUID *InformationType,
				    UINTN *BufferSize, VOID *Buffer);
	VOID *SetInfo;
	VOID *Flush;
	/* Revision 2 adds OpenEx, ReadEx, WriteEx and FlushEx. */
};

typedef struct EFI_SIMPLE_FILE_SYSTEM_PROTOCOL {
	UINT64 Revision;
	EFI_STATUS(EFIAPI *OpenVolume)(struct EFI_SIMPLE_FILE_SYSTEM_PROTOCOL *This,
				       EFI_FILE_PROTOCOL **Root);
} EFI_SIMPLE_FILE_SYSTEM_PROTOCOL;

typedef struct {
	UINT64 Size;
	UINT64 FileSize;
	UINT64 PhysicalSize;
	EFI_TIME CreateTime;
	EFI_TIME LastAccessTime;
	EFI_TIME ModificationTime;
	UINT64 Attribute;
	CHAR16 FileName[];
} EFI_FILE_INFO;

#endif
