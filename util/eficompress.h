/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef UTIL_EFICOMPRESS_H
#define UTIL_EFICOMPRESS_H

/*
 * Compressor for the UEFI specification's compression format (the "EFI"
 * variant with an 8 KiB window, as read by EFI_DECOMPRESS_PROTOCOL; see
 * eficompress_format.h). Output is a pure function of the input.
 */

#include <stddef.h>
#include <stdint.h>

/*
 * Compress in[0..in_len) into a newly allocated buffer (free() it),
 * header included. Returns 0, or -1 if memory ran out or the input is
 * larger than the format's 32-bit size fields allow.
 */
int efi_compress(const uint8_t *in, size_t in_len, uint8_t **out,
		 size_t *out_len);

#endif
