/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef EFI_PROTOCOL_SIMPLE_TEXT_INPUT_H
#define EFI_PROTOCOL_SIMPLE_TEXT_INPUT_H

/* EFI_SIMPLE_TEXT_INPUT_PROTOCOL (UEFI 2.10, section 12.3). */

#include <efi/efi.h>

typedef struct {
	UINT16 ScanCode;
	CHAR16 UnicodeChar;
} EFI_INPUT_KEY;

/* Scan codes (UEFI 2.10, table 12.2 "EFI Scan Codes for
 * EFI_SIMPLE_TEXT_INPUT_PROTOCOL"); the table goes on with Pause, F13-F24,
 * volume, brightness and power keys, which nothing here reads. */
#define SCAN_NULL 0x00
#define SCAN_UP 0x01
#define SCAN_DOWN 0x02
#define SCAN_RIGHT 0x03
#define SCAN_LEFT 0x04
#define SCAN_HOME 0x05
#define SCAN_END 0x06
#define SCAN_INSERT 0x07
#define SCAN_DELETE 0x08
#define SCAN_PAGE_UP 0x09
#define SCAN_PAGE_DOWN 0x0a
#define SCAN_F1 0x0b
#define SCAN_F10 0x14
#define SCAN_F11 0x15
#define SCAN_F12 0x16
#define SCAN_ESC 0x17

typedef struct EFI_SIMPLE_TEXT_INPUT_PROTOCOL EFI_SIMPLE_TEXT_INPUT_PROTOCOL;

struct EFI_SIMPLE_TEXT_INPUT_PROTOCOL {
	EFI_STATUS(EFIAPI *Reset)(EFI_SIMPLE_TEXT_INPUT_PROTOCOL *This,
				  BOOLEAN ExtendedVerification);
	EFI_STATUS(EFIAPI *ReadKeyStroke)(EFI_SIMPLE_TEXT_INPUT_PROTOCOL *This,
					  EFI_INPUT_KEY *Key);
	EFI_EVENT WaitForKey;
};

#endif
