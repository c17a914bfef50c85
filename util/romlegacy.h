/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef UTIL_ROMLEGACY_H
#define UTIL_ROMLEGACY_H

/*
 * The legacy BIOS part of an existing PCI option ROM, to go in front of an
 * EFI image of ours. QEMU's ROM files hold a legacy (x86 BIOS) image
 * followed by an EFI image; we build no BIOS code, so a packager who wants
 * combined ROMs takes the legacy images of a ROM they already ship (e.g.
 * Debian's ipxe-qemu) and puts our EFI image after them.
 */

#include <stddef.h>
#include <stdint.h>

/*
 * Length of the legacy images at the start of the ROM file in data: every
 * image up to the first one that is not legacy x86. Fails (-1, a one-line
 * reason in error) when the file does not start with a valid legacy image,
 * when one of those images is damaged (bad chain, bad checksum), or when a
 * legacy image is marked last: changing that mark would change the
 * image's checksum, so a legacy-only ROM cannot be extended.
 */
int rom_legacy_prefix(const uint8_t *data, size_t len, size_t *prefix_len,
		      char *error, size_t error_len);

#endif
