/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef EFI_PROTOCOL_SIMPLE_TEXT_OUTPUT_H
#define EFI_PROTOCOL_SIMPLE_TEXT_OUTPUT_H

/* EFI_SIMPLE_TEXT_OUTPUT_PROTOCOL (UEFI 2.10, section 12.4). */

#include <efi/efi.h>

/* Attributes for SetAttribute (section 12.4.7): foreground in bits 0-3,
 * background (no bright ones) in bits 4-6. */
#define EFI_BLACK 0x00
#define EFI_BLUE 0x01
#define EFI_GREEN 0x02
#define EFI_CYAN 0x03
#define EFI_RED 0x04
#define EFI_MAGENTA 0x05
#define EFI_BROWN 0x06
#define EFI_LIGHTGRAY 0x07
#define EFI_BRIGHT 0x08
#define EFI_TEXT_ATTR(foreground, background) \
	((foreground) | ((background) << 4))

typedef struct EFI_SIMPLE_TEXT_OUTPUT_PROTOCOL EFI_SIMPLE_TEXT_OUTPUT_PROTOCOL;

typedef struct {
	INT32 MaxMode;
	INT32 Mode;
	INT32 Attribute;
	INT32 CursorColumn;
	INT32 CursorRow;
	BOOLEAN CursorVisible;
} SIMPLE_TEXT_OUTPUT_MODE;

struct EFI_SIMPLE_TEXT_OUTPUT_PROTOCOL {
	EFI_STATUS(EFIAPI *Reset)(EFI_SIMPLE_TEXT_OUTPUT_PROTOCOL *This,
				  BOOLEAN ExtendedVerification);
	EFI_STATUS(EFIAPI *OutputString)(EFI_SIMPLE_TEXT_OUTPUT_PROTOCOL *This,
					 CHAR16 *String);
	EFI_STATUS(EFIAPI *TestString)(EFI_SIMPLE_TEXT_OUTPUT_PROTOCOL *This,
				       CHAR16 *String);
	EFI_STATUS(EFIAPI *QueryMode)(EFI_SIMPLE_TEXT_OUTPUT_PROTOCOL *This,
				      UINTN ModeNumber, UINTN *Columns,
				      UINTN *Rows);
	EFI_STATUS(EFIAPI *SetMode)(EFI_SIMPLE_TEXT_OUTPUT_PROTOCOL *This,
				    UINTN ModeNumber);
	EFI_STATUS(EFIAPI *SetAttribute)(EFI_SIMPLE_TEXT_OUTPUT_PROTOCOL *This,
					 UINTN Attribute);
	EFI_STATUS(EFIAPI *ClearScreen)(EFI_SIMPLE_TEXT_OUTPUT_PROTOCOL *This);
	EFI_STATUS(EFIAPI *SetCursorPosition)(
		EFI_SIMPLE_TEXT_OUTPUT_PROTOCOL *This, UINTN Column, UINTN Row);
	EFI_STATUS(EFIAPI *EnableCursor)(EFI_SIMPLE_TEXT_OUTPUT_PROTOCOL *This,
					 BOOLEAN Visible);
	SIMPLE_TEXT_OUTPUT_MODE *Mode;
};

#endif
