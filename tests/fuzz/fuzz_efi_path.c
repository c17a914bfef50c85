/* SPDX-License-Identifier: GPL-2.0-or-later */
// FIRMWARE_SOURCES: src/platform/efi/efi_path.c
/*
 * Device paths as a firmware or another driver might hand them over:
 * the walker must accept or refuse any bytes without reading past them,
 * and what it accepts must walk to its end node within the bytes.
 */

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "../../src/platform/efi/efi_path.h"

int wb_efi_path_len(const EFI_DEVICE_PATH_PROTOCOL *path, size_t bound,
		    size_t *len);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	uint8_t *copy = malloc(size ? size : 1);
	const EFI_DEVICE_PATH_PROTOCOL *node;
	size_t len;

	memcpy(copy, data, size);
	node = (const EFI_DEVICE_PATH_PROTOCOL *)copy;
	if (wb_efi_path_len(node, size, &len) == 0) {
		while (!efi_path_is_end(node))
			node = efi_path_next(node);
		if ((const uint8_t *)node != copy + len)
			abort();
	}
	free(copy);
	return 0;
}
