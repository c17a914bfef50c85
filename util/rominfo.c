/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * rominfo [--extract PREFIX] FILE...: describe the images in PCI option ROM
 * files; with --extract, also write each EFI image's PE file (decompressed)
 * to PREFIX<n>.efi, n counting EFI images across all files from 0.
 * Exit status 0 when every file parsed cleanly, 1 otherwise.
 */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pci_rom.h"
#include "readfile.h"
#include "pesecurity.h"
#include "romparse.h"

#define MAX_ROM_FILE (64u << 20)	/* far above the 32 MiB PCI limit */
#define MAX_DECOMPRESSED (64u << 20)

/* "0xaa64 (AA64, arm64)": UEFI's name for the machine, then the usual one. */
static const char *machine_text(uint16_t machine, char *buf, size_t len)
{
	const char *uefi = pe_machine_uefi_name(machine);

	if (uefi)
		snprintf(buf, len, "0x%04x (%s, %s)", machine, uefi,
			 pe_machine_name(machine));
	else
		snprintf(buf, len, "0x%04x (%s)", machine, pe_machine_name(machine));
	return buf;
}

static void print_efi(const struct rom_image *img)
{
	char machine[48];

	printf("    EFI header: subsystem %u (%s), machine %s\n",
	       img->efi_subsystem, pe_subsystem_name(img->efi_subsystem),
	       machine_text(img->efi_machine, machine, sizeof(machine)));
	if (!img->stored_size)
		return;
	if (img->compression_type == PCI_ROM_EFI_COMPRESSED)
		printf("    PE image at 0x%x: EFI-compressed, %zu bytes -> %zu bytes\n",
		       img->efi_image_offset, img->stored_size, img->pe_size);
	else if (img->compression_type == PCI_ROM_EFI_UNCOMPRESSED)
		printf("    PE image at 0x%x: uncompressed, %zu bytes with padding\n",
		       img->efi_image_offset, img->stored_size);
	if (!img->pe_ok)
		return;
	if (img->pe_data)
		pe_print_secure_boot(stdout, "    ", img->pe_data, img->pe_size);
	printf("    PE header: %s, subsystem %u (%s), machine %s\n",
	       img->pe.optional_magic == PE_OPTIONAL_MAGIC_PE32_PLUS ? "PE32+"
								     : "PE32",
	       img->pe.subsystem, pe_subsystem_name(img->pe.subsystem),
	       machine_text(img->pe.machine, machine, sizeof(machine)));
	if (!img->has_build_record)
		return;
	printf("    build: version %s, config %s, target %s\n",
	       img->build.version, img->build.config, img->build.target);
	if (img->build.deps[0])
		printf("    built with: %s\n", img->build.deps);
	printf("    features:");
	for (size_t i = 0; i < img->build.feature_count; i++)
		printf(" %s", img->build.features[i]);
	printf("%s\n", img->build.feature_count ? "" : " (none)");
}

static void print_image(size_t index, const struct rom_image *img)
{
	printf("  image %zu at offset 0x%zx: %s (code type %u), %zu bytes%s\n",
	       index, img->offset, rom_code_type_name(img->code_type),
	       img->code_type, img->length, img->last ? ", last image" : "");
	printf("    PCIR revision %u (%u bytes): vendor 0x%04x, device 0x%04x, class 0x%06x, code revision 0x%04x\n",
	       img->pcir_revision, img->pcir_length, img->vendor_id,
	       img->device_id, img->class_code, img->code_revision);
	if (img->device_list) {
		printf("    device list:");
		for (size_t i = 0; i < img->device_count; i++)
			printf(" 0x%04x", img->device_list[i]);
		printf("%s\n", img->device_count ? "" : " (empty)");
	}
	if (img->initialization_size)
		printf("    checksum over %zu bytes: %s\n",
		       img->initialization_size,
		       img->checksum_ok ? "valid" : "INVALID");
	if (img->code_type == PCIR_CODE_TYPE_EFI)
		print_efi(img);
}

static const char *extract_prefix;
static unsigned extracted;

static int extract(const struct rom_image *img)
{
	char path[4096];
	FILE *out;
	int ok;

	snprintf(path, sizeof(path), "%s%u.efi", extract_prefix, extracted++);
	out = fopen(path, "wb");
	if (!out) {
		fprintf(stderr, "rominfo: %s: cannot create\n", path);
		return 1;
	}
	ok = fwrite(img->pe_data, 1, img->pe_size, out) == img->pe_size;
	ok = (fclose(out) == 0) && ok;
	if (!ok) {
		fprintf(stderr, "rominfo: %s: write failed\n", path);
		return 1;
	}
	printf("    extracted to %s\n", path);
	return 0;
}

static int describe(const char *path)
{
	char error[256];
	struct rom_file rom;
	uint8_t *data;
	size_t len;
	int rc;

	if (read_whole_file(path, MAX_ROM_FILE, &data, &len, error,
			    sizeof(error))) {
		fprintf(stderr, "rominfo: %s\n", error);
		return 1;
	}
	rc = rom_parse(data, len, MAX_DECOMPRESSED, &rom);
	printf("%s: %zu bytes, %zu image%s\n", path, len, rom.count,
	       rom.count == 1 ? "" : "s");
	for (size_t i = 0; i < rom.count; i++) {
		print_image(i, &rom.images[i]);
		if (extract_prefix && rom.images[i].pe_data && extract(&rom.images[i]))
			rc = -1;
		if (rom.images[i].error[0])
			fprintf(stderr, "rominfo: %s: %s\n", path,
				rom.images[i].error);
	}
	if (rom.error[0])
		fprintf(stderr, "rominfo: %s: %s\n", path, rom.error);
	else if (rom.trailing_bytes)
		printf("  %zu bytes after the last image\n", rom.trailing_bytes);
	rom_file_free(&rom);
	free(data);
	return rc ? 1 : 0;
}

int main(int argc, char **argv)
{
	int status = 0;

	int first = 1;

	if (argc > 2 && strcmp(argv[1], "--extract") == 0) {
		extract_prefix = argv[2];
		first = 3;
	}
	if (argc <= first) {
		fprintf(stderr, "usage: rominfo [--extract PREFIX] FILE...\n");
		return 1;
	}
	for (int i = first; i < argc; i++)
		status |= describe(argv[i]);
	return status;
}
