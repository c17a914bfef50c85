/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef EFI_PROTOCOL_RNG_H
#define EFI_PROTOCOL_RNG_H

/*
 * EFI_RNG_PROTOCOL (UEFI 2.10, section 37.5): random bytes from the
 * platform's generator. An algorithm is named by a GUID; NULL asks for the
 * platform's default one.
 */

#include <efi/efi.h>

#define EFI_RNG_PROTOCOL_GUID                                                \
	{ 0x3152bca5, 0xeade, 0x433d,                                        \
	  { 0x86, 0x2e, 0xc0, 0x1c, 0xdc, 0x29, 0x1f, 0x44 } }

typedef EFI_GUID EFI_RNG_ALGORITHM;

typedef struct _EFI_RNG_PROTOCOL EFI_RNG_PROTOCOL;

typedef EFI_STATUS(EFIAPI *EFI_RNG_GET_INFO)(
	EFI_RNG_PROTOCOL *This, UINTN *RNGAlgorithmListSize,
	EFI_RNG_ALGORITHM *RNGAlgorithmList);

typedef EFI_STATUS(EFIAPI *EFI_RNG_GET_RNG)(
	EFI_RNG_PROTOCOL *This, EFI_RNG_ALGORITHM *RNGAlgorithm,
	UINTN RNGValueLength, UINT8 *RNGValue);

struct _EFI_RNG_PROTOCOL {
	EFI_RNG_GET_INFO GetInfo;
	EFI_RNG_GET_RNG GetRNG;
};

#endif
