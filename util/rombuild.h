/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef UTIL_ROMBUILD_H
#define UTIL_ROMBUILD_H

/*
 * Assembles an EFI PCI option ROM image around a PE32+ driver:
 *
 *   0x00  EFI ROM header (0x55AA, EFI signature, subsystem, machine, ...)
 *   0x1c  PCI data structure, revision 3
 *   0x38  device list: every device ID, then a zero entry
 *   ...   the PE image, EFI-compressed unless disabled, at a 16-byte
 *         aligned offset
 *   ...   zero padding to a multiple of 512 bytes, whose last byte makes
 *         the image sum to 0 mod 256
 *
 * The image is the only (and so last) one in the ROM. Output depends only
 * on the inputs.
 */

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define ROM_BUILD_MAX_DEVICES 256
#define ROM_BUILD_IMAGE_ALIGN 16
#define ROM_BUILD_DEFAULT_CLASS 0x020000	/* network, Ethernet */

struct rom_build_options {
	uint16_t vendor_id;
	const uint16_t *device_ids;	/* first one goes in the PCIR */
	size_t device_count;		/* 1 .. ROM_BUILD_MAX_DEVICES */
	uint32_t class_code;		/* 24 bits: base, sub, interface */
	bool compress;
};

/*
 * Build the ROM image into a newly allocated buffer (free() it). Returns 0,
 * or -1 with a one-line reason in error: not a PE32+ image, not an EFI
 * driver subsystem, bad IDs, or too large for the 16-bit length fields.
 */
int rom_build_efi(const uint8_t *pe, size_t pe_len,
		  const struct rom_build_options *options, uint8_t **rom,
		  size_t *rom_len, char *error, size_t error_len);

#endif
