/* SPDX-License-Identifier: GPL-2.0-or-later */
// HOST_SOURCES: util/romlegacy.c util/romparse.c util/efidecompress.c util/peinfo.c util/build_record.c
/*
 * Arbitrary bytes as a PCI option ROM file: the chain walk, PCIR and
 * device list, EFI header, the decompressor and the PE and build record
 * readers all see hostile input; so does the choice of the legacy images
 * a combined ROM keeps (mkrom --legacy).
 */

#include <stddef.h>
#include <stdint.h>

#include "romlegacy.h"
#include "romparse.h"

/* Small, so that inputs claiming huge images stay fast to fuzz. */
#define MAX_DECOMPRESSED (1u << 20)

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct rom_file rom;
	char error[256];
	size_t prefix;

	rom_parse(data, size, MAX_DECOMPRESSED, &rom);
	rom_file_free(&rom);
	if (rom_legacy_prefix(data, size, &prefix, error, sizeof(error)) == 0 &&
	    (prefix == 0 || prefix > size))
		__builtin_trap();	/* a prefix must lie inside the file */
	return 0;
}
