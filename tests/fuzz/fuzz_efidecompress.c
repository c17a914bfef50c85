/* SPDX-License-Identifier: GPL-2.0-or-later */
// HOST_SOURCES: util/efidecompress.c util/eficompress.c util/huffman.c
/*
 * Arbitrary bytes as a UEFI-compressed stream. Whatever decodes is then
 * compressed again and must come back unchanged, which also feeds the
 * compressor unusual data.
 */

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "eficompress.h"
#include "efidecompress.h"

#define MAX_DECOMPRESSED (1u << 20)

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	uint8_t *plain, *packed, *again;
	size_t plain_len, packed_len, again_len;

	if (efi_decompress(data, size, MAX_DECOMPRESSED, &plain, &plain_len))
		return 0;
	if (efi_compress(plain, plain_len, &packed, &packed_len))
		abort();
	if (efi_decompress(packed, packed_len, MAX_DECOMPRESSED, &again,
			   &again_len) ||
	    again_len != plain_len || memcmp(again, plain, plain_len))
		abort();
	free(again);
	free(packed);
	free(plain);
	return 0;
}
