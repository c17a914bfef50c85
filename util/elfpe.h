/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef UTIL_ELFPE_H
#define UTIL_ELFPE_H

/*
 * ELF executable to PE32+ image, for architectures whose binutils cannot
 * link PE directly (arm64 in Debian 12). The input is what ld writes from
 * src/platform/efi/efi.lds with -q: an ELF64 little-endian executable laid
 * out at address 0 with 4 KiB-aligned output sections, and its relocations
 * kept. The output has one PE section per allocated ELF section at the same
 * address (so no code moves and no relocation needs rewriting), and a
 * .reloc section with one base relocation per absolute 64-bit address the
 * relocations name. Everything else is refused with a reason: relocations a
 * loader cannot apply (absolute 32-bit, GOT slots), sections that are both
 * writable and executable, unaligned or overlapping sections.
 *
 * The conversion is a pure function of its input bytes (no dates), so the
 * output is reproducible.
 */

#include <stddef.h>
#include <stdint.h>

struct elf2pe_result {
	uint8_t *image;		/* malloc()ed PE image; NULL on failure */
	size_t len;
	char error[200];	/* one-line reason on failure */
};

/* Converts elf (len bytes) into a PE image with the given subsystem
 * (10: EFI application, 11: boot-service driver). Returns 0, or -1 with
 * result->error set. The caller frees result->image. */
int elf2pe(const uint8_t *elf, size_t len, uint16_t subsystem,
	   struct elf2pe_result *result);

#endif
