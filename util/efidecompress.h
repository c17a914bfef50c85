/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef UTIL_EFIDECOMPRESS_H
#define UTIL_EFIDECOMPRESS_H

/*
 * Decompressor for the UEFI specification's compression format (the format
 * EFI_DECOMPRESS_PROTOCOL reads; see eficompress_format.h).
 *
 * Input is treated as untrusted: every read is bounds checked, a stream
 * that needs more bits than its header's compressed size is "truncated",
 * an invalid code table or a match reaching before the start of the output
 * is "corrupt". Each decoded symbol produces at least one output byte and
 * the output size is fixed up front, so decoding always terminates.
 *
 * Accepted like the firmware's decompressor: input longer than the header's
 * compressed size (option ROMs pad the stream), and a last match running
 * past the original size (the excess is dropped).
 */

#include <stddef.h>
#include <stdint.h>

enum efi_decompress_status {
	EFI_DECOMPRESS_OK = 0,
	EFI_DECOMPRESS_TRUNCATED = -1,	/* header or bit stream cut short */
	EFI_DECOMPRESS_CORRUPT = -2,	/* invalid code table or match */
	EFI_DECOMPRESS_TOO_LARGE = -3,	/* original size over the caller's limit */
	EFI_DECOMPRESS_SIZE_MISMATCH = -4, /* output buffer is not the original size */
	EFI_DECOMPRESS_NO_MEMORY = -5,
};

/* A short English description of a status code, for error messages. */
const char *efi_decompress_strerror(int status);

/*
 * Read the 8-byte header: the compressed payload size and the original
 * size. Fails with EFI_DECOMPRESS_TRUNCATED if in_len is below 8 or below
 * 8 + the compressed size.
 */
int efi_decompress_sizes(const uint8_t *in, size_t in_len,
			 uint32_t *compressed_size, uint32_t *original_size);

/*
 * Decompress into a caller buffer whose size out_len must equal the
 * original size from the header. On failure the buffer contents are
 * unspecified.
 */
int efi_decompress_into(const uint8_t *in, size_t in_len, uint8_t *out,
			size_t out_len);

/*
 * Decompress into a newly allocated buffer (free() it), refusing an
 * original size above max_out before allocating anything. For an empty
 * original, *out is a valid zero-length allocation.
 */
int efi_decompress(const uint8_t *in, size_t in_len, size_t max_out,
		   uint8_t **out, size_t *out_len);

#endif
