// HOST_SOURCES: util/romparse.c util/efidecompress.c util/peinfo.c util/build_record.c
/*
 * Arbitrary bytes as a PCI option ROM file: the chain walk, PCIR and
 * device list, EFI header, the decompressor and the PE and build record
 * readers all see hostile input.
 */

#include <stddef.h>
#include <stdint.h>

#include "romparse.h"

/* Small, so that inputs claiming huge images stay fast to fuzz. */
#define MAX_DECOMPRESSED (1u << 20)

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct rom_file rom;

	rom_parse(data, size, MAX_DECOMPRESSED, &rom);
	rom_file_free(&rom);
	return 0;
}
