/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The legacy images at the front of a PCI option ROM (see romlegacy.h).
 * The chain walk and every bounds check are romparse's; this file only
 * decides which of the parsed images can be kept in front of a new one.
 */

#include <stdio.h>

#include "pci_rom.h"
#include "romlegacy.h"
#include "romparse.h"

/* Enough for any EFI image that may follow; its contents do not matter. */
#define LEGACY_MAX_DECOMPRESSED (16u << 20)

int rom_legacy_prefix(const uint8_t *data, size_t len, size_t *prefix_len,
		      char *error, size_t error_len)
{
	struct rom_file rom;
	size_t end = 0, i;
	int rc = -1;

	rom_parse(data, len, LEGACY_MAX_DECOMPRESSED, &rom);
	for (i = 0; i < rom.count; i++) {
		const struct rom_image *img = &rom.images[i];

		if (img->code_type != PCIR_CODE_TYPE_X86)
			break;
		if (img->error[0]) {
			snprintf(error, error_len, "legacy image at 0x%zx: %s",
				 img->offset, img->error);
			goto out;
		}
		if (!img->checksum_ok) {
			snprintf(error, error_len, "legacy image at 0x%zx: bad checksum",
				 img->offset);
			goto out;
		}
		if (img->last) {
			snprintf(error, error_len,
				 "legacy image at 0x%zx is the last image: a legacy-only "
				 "ROM cannot be extended (use a combined one)", img->offset);
			goto out;
		}
		end = img->offset + img->length;
	}
	if (i == rom.count && rom.error[0]) {
		snprintf(error, error_len, "%s", rom.error);
		goto out;
	}
	if (!end) {
		snprintf(error, error_len, "no legacy BIOS image at the start");
		goto out;
	}
	*prefix_len = end;
	rc = 0;
out:
	rom_file_free(&rom);
	return rc;
}
