/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * elf2pe: the PE step of architectures whose ld cannot write PE (arm64).
 *
 *   elf2pe --subsystem N INPUT.elf OUTPUT.efi
 *
 * The conversion itself is util/elfpe.c. On failure no output file is left
 * behind, so make never takes a failed link for an up-to-date image.
 */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "elfpe.h"
#include "readfile.h"

#define MAX_ELF (64u << 20)

static int usage(void)
{
	fprintf(stderr, "usage: elf2pe --subsystem N INPUT.elf OUTPUT.efi\n"
		"  N: 10 EFI application, 11 boot-service driver, 12 runtime driver\n");
	return 2;
}

static int write_file(const char *path, const uint8_t *data, size_t len)
{
	FILE *f = fopen(path, "wb");

	if (!f) {
		perror(path);
		return -1;
	}
	if (fwrite(data, 1, len, f) != len || fclose(f) != 0) {
		perror(path);
		remove(path);
		return -1;
	}
	return 0;
}

int main(int argc, char **argv)
{
	struct elf2pe_result result;
	char error[300];
	unsigned long subsystem;
	uint8_t *elf;
	size_t len;
	char *end;

	if (argc != 5 || strcmp(argv[1], "--subsystem") != 0)
		return usage();
	subsystem = strtoul(argv[2], &end, 10);
	if (*end || subsystem < 10 || subsystem > 12)
		return usage();
	remove(argv[4]);
	if (read_whole_file(argv[3], MAX_ELF, &elf, &len, error, sizeof(error))) {
		fprintf(stderr, "elf2pe: %s\n", error);
		return 1;
	}
	if (elf2pe(elf, len, (uint16_t)subsystem, &result)) {
		fprintf(stderr, "elf2pe: %s: %s\n", argv[3], result.error);
		free(elf);
		return 1;
	}
	free(elf);
	if (write_file(argv[4], result.image, result.len)) {
		free(result.image);
		return 1;
	}
	free(result.image);
	return 0;
}
