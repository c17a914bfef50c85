/* SPDX-License-Identifier: GPL-2.0-or-later */
// HOST_SOURCES: util/elfpe.c
/*
 * Arbitrary bytes as the ELF input of the arm64 build's PE converter:
 * headers, section table, names and relocations all come from the input.
 */

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include "elfpe.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct elf2pe_result result;

	if (elf2pe(data, size, 10, &result) == 0)
		free(result.image);
	return 0;
}
