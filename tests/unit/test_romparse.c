/* SPDX-License-Identifier: GPL-2.0-or-later */
// HOST_SOURCES: util/rombuild.c util/romlegacy.c util/romparse.c util/eficompress.c util/efidecompress.c util/huffman.c util/peinfo.c util/build_record.c
/*
 * Option ROMs: build with rom_build_efi() and parse back with rom_parse();
 * checksums, multi-image chains, build records, and parsing of truncated
 * and damaged ROMs (clean errors, never a crash); the legacy prefix that
 * combined ROMs keep (romlegacy.c).
 */

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "unit.h"
#include "build_record.h"
#include "byteorder.h"
#include "pci_rom.h"
#include "peinfo.h"
#include "rombuild.h"
#include "romlegacy.h"
#include "romparse.h"

#define MAX_DECOMPRESSED (16u << 20)
#define PE_HEADER_OFFSET 0x40
#define PE_OPTIONAL_SIZE 0xf0		/* PE32+ with 16 data directories */
#define PE_HEADERS_END (PE_HEADER_OFFSET + 4 + 20 + PE_OPTIONAL_SIZE)

struct buffer {
	uint8_t *data;
	size_t len;
};

static void append(struct buffer *b, const void *data, size_t len)
{
	b->data = realloc(b->data, b->len + len);
	if (!b->data)
		exit(1);
	memcpy(b->data + b->len, data, len);
	b->len += len;
}

/* Longer than a v2 record's deps (32 bytes): only a v3 reader has it all. */
#define DEPS "wolfssl 5.5.4-2+deb12u3, ca-certificates 20230311+deb12u1"

static void append_build_record(struct buffer *b)
{
	struct build_info info = { BUILD_INFO_MAGIC, "0.1.0+gtest", "qemu",
				   "e1000", DEPS };
	struct build_feature features[3] = { { "SNP" }, { "E1000" }, { "" } };

	append(b, &info, sizeof(info));
	append(b, features, sizeof(features));
}

/*
 * A minimal PE image: DOS header, PE header, optional header, then some
 * realistic bytes (this test program) and optionally a build record.
 */
static struct buffer make_pe(uint16_t magic, uint16_t subsystem,
			     uint16_t machine, size_t body_len, int with_record)
{
	struct buffer b = { 0 };
	uint8_t headers[PE_HEADERS_END] = { 0 };
	uint8_t *coff = headers + PE_HEADER_OFFSET + 4;
	uint8_t *optional = coff + 20;
	FILE *self = fopen("/proc/self/exe", "rb");
	uint8_t chunk[4096];

	headers[0] = 'M';
	headers[1] = 'Z';
	put_le32(headers + 0x3c, PE_HEADER_OFFSET);
	memcpy(headers + PE_HEADER_OFFSET, "PE\0\0", 4);
	put_le16(coff, machine);
	put_le16(coff + 16, PE_OPTIONAL_SIZE);
	put_le16(optional, magic);
	put_le16(optional + 68, subsystem);
	append(&b, headers, sizeof(headers));

	while (self && body_len) {
		size_t want = body_len < sizeof(chunk) ? body_len : sizeof(chunk);
		size_t got = fread(chunk, 1, want, self);
		if (!got)
			break;
		append(&b, chunk, got);
		body_len -= got;
	}
	if (self)
		fclose(self);
	if (with_record)
		append_build_record(&b);
	return b;
}

static struct rom_build_options options_for(const uint16_t *devices,
					    size_t count, int compress)
{
	struct rom_build_options options = {
		.vendor_id = 0x8086,
		.device_ids = devices,
		.device_count = count,
		.class_code = 0x020000,
		.compress = compress,
	};
	return options;
}

static struct buffer build_rom(const struct buffer *pe,
			       const struct rom_build_options *options)
{
	struct buffer rom = { 0 };
	char error[200] = "";

	if (rom_build_efi(pe->data, pe->len, options, &rom.data, &rom.len,
			  error, sizeof(error))) {
		printf("FAIL: rom_build_efi: %s\n", error);
		exit(1);
	}
	return rom;
}

static void test_build_and_parse(int compress)
{
	static const uint16_t devices[] = { 0x100e, 0x100f, 0x10d3 };
	struct rom_build_options options = options_for(devices, 3, compress);
	struct buffer pe = make_pe(PE_OPTIONAL_MAGIC_PE32_PLUS,
				   PE_SUBSYSTEM_EFI_BOOT_SERVICE_DRIVER,
				   PE_MACHINE_X86_64, 200000, 1);
	struct buffer rom = build_rom(&pe, &options), again = build_rom(&pe, &options);
	struct rom_file parsed;

	printf("build and parse, %s\n", compress ? "compressed" : "uncompressed");
	CHECK(again.len == rom.len && memcmp(again.data, rom.data, rom.len) == 0);
	CHECK_INT(rom.len % PCI_ROM_BLOCK_SIZE, 0);
	CHECK_INT(pci_rom_byte_sum(rom.data, rom.len), 0);
	CHECK_INT(get_le16(rom.data + PCI_ROM_OFF_PCIR) % 4, 0);
	if (compress)
		CHECK(rom.len < pe.len);

	CHECK_INT(rom_parse(rom.data, rom.len, MAX_DECOMPRESSED, &parsed), 0);
	CHECK_STR(parsed.error, "");
	CHECK_INT(parsed.count, 1);
	CHECK_INT(parsed.trailing_bytes, 0);
	const struct rom_image *img = &parsed.images[0];
	CHECK_STR(img->error, "");
	CHECK_INT(img->offset, 0);
	CHECK_INT(img->length, rom.len);
	CHECK_INT(img->code_type, PCIR_CODE_TYPE_EFI);
	CHECK(img->last);
	CHECK_INT(img->vendor_id, 0x8086);
	CHECK_INT(img->device_id, 0x100e);
	CHECK_INT(img->pcir_revision, 3);
	CHECK_INT(img->pcir_length, PCIR_SIZE_V3);
	CHECK_INT(img->class_code, 0x020000);
	CHECK_INT(img->device_count, 3);
	CHECK(img->device_list && img->device_list[0] == 0x100e &&
	      img->device_list[1] == 0x100f && img->device_list[2] == 0x10d3);
	CHECK_INT(img->initialization_size, rom.len);
	CHECK(img->checksum_ok);
	CHECK_INT(img->efi_subsystem, PE_SUBSYSTEM_EFI_BOOT_SERVICE_DRIVER);
	CHECK_INT(img->efi_machine, PE_MACHINE_X86_64);
	CHECK_INT(img->compression_type, compress ? PCI_ROM_EFI_COMPRESSED
						  : PCI_ROM_EFI_UNCOMPRESSED);
	CHECK_INT(img->efi_image_offset % ROM_BUILD_IMAGE_ALIGN, 0);
	if (compress)
		CHECK_INT(img->pe_size, pe.len);
	else
		CHECK(img->pe_size >= pe.len && img->pe_size < pe.len + 512);
	CHECK(img->pe_ok);
	CHECK_INT(img->pe.subsystem, PE_SUBSYSTEM_EFI_BOOT_SERVICE_DRIVER);
	CHECK_INT(img->pe.machine, PE_MACHINE_X86_64);
	CHECK(img->has_build_record);
	CHECK_STR(img->build.version, "0.1.0+gtest");
	CHECK_STR(img->build.deps, DEPS);
	CHECK_STR(img->build.config, "qemu");
	CHECK_STR(img->build.target, "e1000");
	CHECK_INT(img->build.feature_count, 2);
	if (img->build.feature_count == 2) {
		CHECK_STR(img->build.features[0], "SNP");
		CHECK_STR(img->build.features[1], "E1000");
	}
	rom_file_free(&parsed);

	/* A changed byte breaks the checksum but not the structure. */
	rom.data[rom.len - 2] ^= 0x40;
	CHECK_INT(rom_parse(rom.data, rom.len, MAX_DECOMPRESSED, &parsed), 0);
	CHECK(parsed.count == 1 && !parsed.images[0].checksum_ok);
	rom_file_free(&parsed);

	free(again.data);
	free(rom.data);
	free(pe.data);
}

/* With no byte left after the image, the checksum needs a new block. */
static void test_padding_edge(void)
{
	static const uint16_t device = 0x1234;
	struct rom_build_options options = options_for(&device, 1, 0);
	struct buffer pe = make_pe(PE_OPTIONAL_MAGIC_PE32_PLUS,
				   PE_SUBSYSTEM_EFI_RUNTIME_DRIVER,
				   PE_MACHINE_X86_64, 0, 0);
	/* Header, PCIR and a two-entry device list end at 0x3c: image at 0x40. */
	size_t body = 4 * PCI_ROM_BLOCK_SIZE - 0x40 - pe.len;
	uint8_t *zeros = calloc(1, body);

	append(&pe, zeros, body);
	free(zeros);
	struct buffer rom = build_rom(&pe, &options);
	CHECK_INT(rom.len, 5 * PCI_ROM_BLOCK_SIZE);
	CHECK_INT(pci_rom_byte_sum(rom.data, rom.len), 0);
	CHECK_INT(get_le16(rom.data + PCI_ROM_OFF_EFI_IMAGE), 0x40);
	free(rom.data);

	/* One byte less: the checksum fits in the last byte of block 4. */
	pe.len--;
	rom = build_rom(&pe, &options);
	CHECK_INT(rom.len, 4 * PCI_ROM_BLOCK_SIZE);
	CHECK_INT(pci_rom_byte_sum(rom.data, rom.len), 0);
	free(rom.data);
	free(pe.data);
}

static void check_build_fails(const struct buffer *pe,
			      const struct rom_build_options *options,
			      const char *expect)
{
	uint8_t *rom;
	size_t rom_len;
	char error[300] = "";

	CHECK_INT(rom_build_efi(pe->data, pe->len, options, &rom, &rom_len,
				error, sizeof(error)), -1);
	CHECK(rom == NULL);
	if (!CHECK(strstr(error, expect) != NULL))
		printf("  error was: %s\n", error);
}

static void test_build_errors(void)
{
	static const uint16_t devices[] = { 0x100e, 0x100f, 0x100e };
	uint16_t many[ROM_BUILD_MAX_DEVICES + 1];
	struct rom_build_options options = options_for(devices, 1, 1);
	struct buffer driver = make_pe(PE_OPTIONAL_MAGIC_PE32_PLUS,
				       PE_SUBSYSTEM_EFI_BOOT_SERVICE_DRIVER,
				       PE_MACHINE_X86_64, 1000, 0);
	struct buffer app = make_pe(PE_OPTIONAL_MAGIC_PE32_PLUS,
				    PE_SUBSYSTEM_EFI_APPLICATION,
				    PE_MACHINE_X86_64, 1000, 0);
	/* PE32 headers on a 64-bit machine, and PE32+ on a 32-bit one. */
	struct buffer pe32 = make_pe(PE_OPTIONAL_MAGIC_PE32,
				     PE_SUBSYSTEM_EFI_BOOT_SERVICE_DRIVER,
				     PE_MACHINE_X86_64, 1000, 0);
	struct buffer pe32_plus = make_pe(PE_OPTIONAL_MAGIC_PE32_PLUS,
					  PE_SUBSYSTEM_EFI_BOOT_SERVICE_DRIVER,
					  PE_MACHINE_I386, 1000, 0);
	struct buffer unknown = make_pe(PE_OPTIONAL_MAGIC_PE32_PLUS,
					PE_SUBSYSTEM_EFI_BOOT_SERVICE_DRIVER,
					0x1234, 1000, 0);
	static uint8_t text[100] = "just some text, not a PE image at all";
	struct buffer not_pe = { text, sizeof(text) };
	/* Ends inside the optional header, before the subsystem field. */
	struct buffer cut = { driver.data, PE_HEADER_OFFSET + 4 + 20 + 60 };

	check_build_fails(&app, &options, "not an EFI driver");
	check_build_fails(&pe32, &options, "not a PE32+ image");
	check_build_fails(&pe32_plus, &options, "not a PE32 image");
	check_build_fails(&unknown, &options, "no UEFI binding");
	check_build_fails(&not_pe, &options, "no MZ header");
	check_build_fails(&cut, &options, "truncated");

	driver.data[PE_HEADER_OFFSET + 1] = 'X';
	check_build_fails(&driver, &options, "no PE signature");
	driver.data[PE_HEADER_OFFSET + 1] = 'E';
	put_le32(driver.data + 0x3c, 0x7fffffff);
	check_build_fails(&driver, &options, "beyond");
	put_le32(driver.data + 0x3c, PE_HEADER_OFFSET);

	options.device_count = 3;
	check_build_fails(&driver, &options, "given twice");
	options.device_count = 0;
	check_build_fails(&driver, &options, "device IDs");
	for (size_t i = 0; i < ROM_BUILD_MAX_DEVICES + 1; i++)
		many[i] = (uint16_t)(i + 1);
	options.device_ids = many;
	options.device_count = ROM_BUILD_MAX_DEVICES + 1;
	check_build_fails(&driver, &options, "device IDs");
	options.device_count = 1;
	many[0] = 0;
	check_build_fails(&driver, &options, "invalid PCI device ID");
	options.device_ids = devices;
	options.vendor_id = 0xffff;
	check_build_fails(&driver, &options, "invalid PCI vendor ID");
	options.vendor_id = 0x8086;
	options.class_code = 0x1000000;
	check_build_fails(&driver, &options, "24 bits");

	free(driver.data);
	free(app.data);
	free(pe32.data);
	free(pe32_plus.data);
	free(unknown.data);
}

/* A legacy BIOS image of the given size, checksummed, not last. */
static struct buffer make_legacy(size_t blocks)
{
	struct buffer b = { calloc(1, blocks * PCI_ROM_BLOCK_SIZE),
			    blocks * PCI_ROM_BLOCK_SIZE };
	uint8_t *pcir = b.data + 0x1c;

	put_le16(b.data, PCI_ROM_SIGNATURE);
	b.data[PCI_ROM_OFF_LEGACY_SIZE] = (uint8_t)blocks;
	put_le16(b.data + PCI_ROM_OFF_PCIR, 0x1c);
	memcpy(pcir, PCIR_SIGNATURE, 4);
	put_le16(pcir + PCIR_OFF_VENDOR, 0x10ec);
	put_le16(pcir + PCIR_OFF_DEVICE, 0x8139);
	put_le16(pcir + PCIR_OFF_DEVICE_LIST, PCIR_SIZE_V3);
	put_le16(pcir + PCIR_OFF_LENGTH, PCIR_SIZE_V3);
	pcir[PCIR_OFF_REVISION] = 3;
	pcir[PCIR_OFF_CLASS + 2] = 0x02;
	put_le16(pcir + PCIR_OFF_IMAGE_LENGTH, (uint16_t)blocks);
	pcir[PCIR_OFF_CODE_TYPE] = PCIR_CODE_TYPE_X86;
	put_le16(pcir + PCIR_SIZE_V3, 0x8139);
	put_le16(pcir + PCIR_SIZE_V3 + 2, 0x8138);
	b.data[b.len - 1] = (uint8_t)-pci_rom_byte_sum(b.data, b.len - 1);
	return b;
}

static struct buffer make_multi_image_rom(struct buffer *efi_rom)
{
	static const uint16_t device = 0x8139;
	struct rom_build_options options = options_for(&device, 1, 1);
	struct buffer pe = make_pe(PE_OPTIONAL_MAGIC_PE32_PLUS,
				   PE_SUBSYSTEM_EFI_BOOT_SERVICE_DRIVER,
				   PE_MACHINE_X86_64, 30000, 1);
	struct buffer rom = make_legacy(3);

	*efi_rom = build_rom(&pe, &options);
	append(&rom, efi_rom->data, efi_rom->len);
	free(pe.data);
	return rom;
}

static void test_multi_image(void)
{
	struct buffer efi, rom = make_multi_image_rom(&efi);
	struct rom_file parsed;

	CHECK_INT(rom_parse(rom.data, rom.len, MAX_DECOMPRESSED, &parsed), 0);
	CHECK_INT(parsed.count, 2);
	if (parsed.count == 2) {
		const struct rom_image *legacy = &parsed.images[0];
		const struct rom_image *uefi = &parsed.images[1];
		CHECK_INT(legacy->code_type, PCIR_CODE_TYPE_X86);
		CHECK(!legacy->last);
		CHECK_INT(legacy->length, 3 * PCI_ROM_BLOCK_SIZE);
		CHECK(legacy->checksum_ok);
		CHECK_INT(legacy->device_count, 2);
		CHECK_INT(legacy->vendor_id, 0x10ec);
		CHECK_INT(uefi->offset, 3 * PCI_ROM_BLOCK_SIZE);
		CHECK_INT(uefi->code_type, PCIR_CODE_TYPE_EFI);
		CHECK(uefi->last && uefi->checksum_ok && uefi->pe_ok);
		CHECK(uefi->has_build_record);
	}
	rom_file_free(&parsed);

	/* Trailing padding after the last image is reported, not an error. */
	uint8_t pad[1000] = { 0 };
	append(&rom, pad, sizeof(pad));
	CHECK_INT(rom_parse(rom.data, rom.len, MAX_DECOMPRESSED, &parsed), 0);
	CHECK_INT(parsed.trailing_bytes, sizeof(pad));
	rom_file_free(&parsed);
	rom.len -= sizeof(pad);

	/* Without the last-image bit the walk hits the padding. */
	size_t efi_pcir = 3 * PCI_ROM_BLOCK_SIZE +
			  get_le16(rom.data + 3 * PCI_ROM_BLOCK_SIZE + PCI_ROM_OFF_PCIR);
	rom.data[efi_pcir + PCIR_OFF_INDICATOR] = 0;
	CHECK_INT(rom_parse(rom.data, rom.len, MAX_DECOMPRESSED, &parsed), -1);
	CHECK(strstr(parsed.error, "lacks the last-image indicator") != NULL);
	CHECK_INT(parsed.count, 2);
	rom_file_free(&parsed);
	append(&rom, pad, sizeof(pad));
	CHECK_INT(rom_parse(rom.data, rom.len, MAX_DECOMPRESSED, &parsed), -1);
	CHECK(strstr(parsed.error, "bad ROM signature") != NULL);
	rom_file_free(&parsed);

	free(efi.data);
	free(rom.data);
}

/* Every prefix of a ROM fails with a message; none crashes. */
static void test_truncated_roms(void)
{
	struct buffer efi, rom = make_multi_image_rom(&efi);
	struct rom_file parsed;
	unsigned with_message = 0;

	for (size_t cut = 0; cut < rom.len; cut++) {
		uint8_t *copy = malloc(cut ? cut : 1);
		memcpy(copy, rom.data, cut);
		if (rom_parse(copy, cut, MAX_DECOMPRESSED, &parsed) == -1 &&
		    parsed.error[0])
			with_message++;
		rom_file_free(&parsed);
		free(copy);
	}
	CHECK_INT(with_message, rom.len);
	CHECK_INT(rom_parse(rom.data, 100, MAX_DECOMPRESSED, &parsed), -1);
	CHECK(strstr(parsed.error, "truncated image at offset 0x0") != NULL);
	rom_file_free(&parsed);
	free(efi.data);
	free(rom.data);
}

static void check_legacy_error(const struct buffer *rom, const char *expect)
{
	char error[256] = "";
	size_t prefix = 12345;

	CHECK_INT(rom_legacy_prefix(rom->data, rom->len, &prefix, error,
				    sizeof(error)), -1);
	CHECK_INT(prefix, 12345);
	if (!CHECK(strstr(error, expect) != NULL))
		printf("  error was: %s\n", error);
}

/* The legacy images a combined ROM keeps, and the ROMs that have none. */
static void test_legacy_prefix(void)
{
	struct buffer efi, rom = make_multi_image_rom(&efi);
	struct buffer two = make_legacy(2), legacy_only = make_legacy(1);
	char error[256];
	size_t prefix = 0;

	CHECK_INT(rom_legacy_prefix(rom.data, rom.len, &prefix, error,
				    sizeof(error)), 0);
	CHECK_INT(prefix, 3 * PCI_ROM_BLOCK_SIZE);

	/* Two legacy images before the EFI one: both are kept. */
	append(&two, rom.data, rom.len);
	CHECK_INT(rom_legacy_prefix(two.data, two.len, &prefix, error,
				    sizeof(error)), 0);
	CHECK_INT(prefix, 5 * PCI_ROM_BLOCK_SIZE);

	/* An EFI-only ROM has nothing to keep. */
	check_legacy_error(&efi, "no legacy BIOS image");

	/* A legacy-only ROM: its last-image mark is under its checksum. */
	uint8_t *pcir = legacy_only.data + get_le16(legacy_only.data + PCI_ROM_OFF_PCIR);
	pcir[PCIR_OFF_INDICATOR] = PCIR_INDICATOR_LAST;
	legacy_only.data[legacy_only.len - 1] = 0;
	legacy_only.data[legacy_only.len - 1] =
		(uint8_t)-pci_rom_byte_sum(legacy_only.data, legacy_only.len);
	check_legacy_error(&legacy_only, "is the last image");

	/* A damaged legacy image is refused, not copied. */
	rom.data[10] ^= 0x5a;
	check_legacy_error(&rom, "bad checksum");
	rom.data[10] ^= 0x5a;

	/* Cut inside or right after the legacy image: refused cleanly. */
	struct buffer cut = { rom.data, 2 * PCI_ROM_BLOCK_SIZE };
	check_legacy_error(&cut, "truncated image");
	cut.len = 3 * PCI_ROM_BLOCK_SIZE;
	check_legacy_error(&cut, "lacks the last-image indicator");
	cut.len = 0;
	check_legacy_error(&cut, "empty file");

	/* Not a ROM at all. */
	static uint8_t junk_bytes[64] = "MZ: a PE image is no option ROM";
	struct buffer junk = { junk_bytes, sizeof(junk_bytes) };
	check_legacy_error(&junk, "bad ROM signature");

	free(legacy_only.data);
	free(two.data);
	free(efi.data);
	free(rom.data);
}

static void check_image_error(const struct buffer *rom, const char *expect)
{
	struct rom_file parsed;

	CHECK_INT(rom_parse(rom->data, rom->len, MAX_DECOMPRESSED, &parsed), -1);
	CHECK_INT(parsed.count, 1);
	if (parsed.count == 1 &&
	    !CHECK(strstr(parsed.images[0].error, expect) != NULL))
		printf("  error was: %s\n", parsed.images[0].error);
	rom_file_free(&parsed);
}

static void check_chain_error(const struct buffer *rom, const char *expect)
{
	struct rom_file parsed;

	CHECK_INT(rom_parse(rom->data, rom->len, MAX_DECOMPRESSED, &parsed), -1);
	if (!CHECK(strstr(parsed.error, expect) != NULL))
		printf("  error was: %s\n", parsed.error);
	rom_file_free(&parsed);
}

static void test_damaged_roms(void)
{
	static const uint16_t device = 0x1af4;
	struct rom_build_options options = options_for(&device, 1, 1);
	struct buffer pe = make_pe(PE_OPTIONAL_MAGIC_PE32_PLUS,
				   PE_SUBSYSTEM_EFI_BOOT_SERVICE_DRIVER,
				   PE_MACHINE_X86_64, 5000, 0);
	struct buffer good = build_rom(&pe, &options);
	struct buffer rom = { malloc(good.len), good.len };
	uint16_t image = get_le16(good.data + PCI_ROM_OFF_EFI_IMAGE);
	const size_t pcir = 0x1c;

#define RESET() memcpy(rom.data, good.data, good.len)
	RESET();
	rom.data[0] = 0x4d;
	check_chain_error(&rom, "bad ROM signature");
	RESET();
	rom.data[pcir] = 'X';
	check_chain_error(&rom, "bad PCIR signature");
	RESET();
	put_le16(rom.data + PCI_ROM_OFF_PCIR, 0x1e);
	check_chain_error(&rom, "bad PCIR offset");
	RESET();
	put_le16(rom.data + PCI_ROM_OFF_PCIR, 0xfffc);
	check_chain_error(&rom, "truncated PCI data structure");
	RESET();
	put_le16(rom.data + pcir + PCIR_OFF_IMAGE_LENGTH, 0);
	check_chain_error(&rom, "image length 0");
	RESET();
	put_le16(rom.data + pcir + PCIR_OFF_IMAGE_LENGTH, 0xffff);
	check_chain_error(&rom, "truncated image");

	RESET();
	put_le16(rom.data + pcir + PCIR_OFF_DEVICE_LIST, 0xfff0);
	check_image_error(&rom, "device list");
	RESET();
	put_le16(rom.data + PCI_ROM_OFF_EFI_INIT_SIZE, 0x100);
	check_image_error(&rom, "initialization size");
	RESET();
	put_le32(rom.data + PCI_ROM_OFF_EFI_SIGNATURE, 0x1234);
	check_image_error(&rom, "EFI signature");
	RESET();
	put_le16(rom.data + PCI_ROM_OFF_EFI_IMAGE, (uint16_t)good.len);
	check_image_error(&rom, "PE image offset");
	RESET();
	put_le16(rom.data + PCI_ROM_OFF_EFI_COMPRESSION, 7);
	check_image_error(&rom, "unknown compression type 7");
	RESET();
	put_le16(rom.data + PCI_ROM_OFF_EFI_SUBSYSTEM, 12);
	check_image_error(&rom, "ROM header says subsystem 12");
	RESET();
	put_le32(rom.data + image + 4, 0xffffffff);	/* original size */
	check_image_error(&rom, "over the limit");
	RESET();
	put_le32(rom.data + image, 0xffffff);		/* compressed size */
	check_image_error(&rom, "truncated");
	RESET();
	memset(rom.data + image + 8, 0xff, 64);
	check_image_error(&rom, "corrupt");
	RESET();
	put_le16(rom.data + PCI_ROM_OFF_EFI_COMPRESSION, PCI_ROM_EFI_UNCOMPRESSED);
	check_image_error(&rom, "no MZ header");

	/* Random damage anywhere: any outcome but a crash. */
	for (unsigned round = 0; round < 3000; round++) {
		struct rom_file parsed;
		RESET();
		for (unsigned k = 0; k < 1 + round % 4; k++)
			rom.data[(round * 7919u + k * 104729u) % rom.len] ^=
				(uint8_t)(1 + (round + k) % 255);
		rom_parse(rom.data, rom.len, MAX_DECOMPRESSED, &parsed);
		rom_file_free(&parsed);
	}
#undef RESET
	free(rom.data);
	free(good.data);
	free(pe.data);
}

static void test_build_record_reader(void)
{
	struct build_record record;
	struct buffer b = { 0 };
	char error[200];
	static const uint8_t junk[] = "lead-in bytes";
	uint8_t text[300];	/* more than a header */

	/* The magic as a C string constant followed by other strings. */
	memset(text, 'x', sizeof(text));
	append(&b, junk, sizeof(junk));
	append(&b, BUILD_INFO_MAGIC "\0version %s\0config", 34);
	append(&b, text, sizeof(text));
	CHECK_INT(build_record_find(b.data, b.len, &record, error, sizeof(error)), 0);
	/* A real record after it is still found. */
	append_build_record(&b);
	CHECK_INT(build_record_find(b.data, b.len, &record, error, sizeof(error)), 1);
	CHECK_STR(record.target, "e1000");
	build_record_free(&record);
	/* Without the end marker. */
	b.len -= sizeof(struct build_feature);
	CHECK_INT(build_record_find(b.data, b.len, &record, error, sizeof(error)), -1);
	CHECK(strstr(error, "no end marker") != NULL);
	/* Cut inside the fixed part. */
	b.len -= 2 * sizeof(struct build_feature) + 10;
	CHECK_INT(build_record_find(b.data, b.len, &record, error, sizeof(error)), -1);
	CHECK(strstr(error, "truncated") != NULL);
	CHECK_INT(build_record_find(b.data, 5, &record, error, sizeof(error)), 0);
	free(b.data);
}

/* Images built before the record grew ("2": a 160-byte header with a
 * 32-byte deps) still read, features included. */
static void test_build_record_v2(void)
{
	struct build_info_v2 info = { BUILD_INFO_MAGIC_V2, "0.1.0+gold", "default",
				      "ipxe", "wolfssl 5.5.4-2+deb12u3" };
	struct build_feature features[3] = { { "https" }, { "tcp" }, { "" } };
	struct build_record record;
	struct buffer b = { 0 };
	char error[200];

	CHECK_INT(sizeof(info), 160);
	append(&b, "MZ lead-in", 10);
	append(&b, &info, sizeof(info));
	append(&b, features, sizeof(features));
	CHECK_INT(build_record_find(b.data, b.len, &record, error, sizeof(error)), 1);
	CHECK_STR(record.version, "0.1.0+gold");
	CHECK_STR(record.target, "ipxe");
	CHECK_STR(record.deps, "wolfssl 5.5.4-2+deb12u3");
	CHECK_INT(record.feature_count, 2);
	if (record.feature_count == 2)
		CHECK_STR(record.features[0], "https");
	build_record_free(&record);
	/* A full 32-byte deps without NUL ends at the field, not in the
	 * features after it. */
	memset(info.deps, 'd', sizeof(info.deps));
	b.len = 10;
	append(&b, &info, sizeof(info));
	append(&b, features, sizeof(features));
	CHECK_INT(build_record_find(b.data, b.len, &record, error, sizeof(error)), 1);
	CHECK_INT(strlen(record.deps), 32);
	CHECK_STR(record.features[0], "https");
	build_record_free(&record);
	/* Cut inside the v2 header: truncated, not read as v3. */
	b.len = 10 + 150;
	CHECK_INT(build_record_find(b.data, b.len, &record, error, sizeof(error)), -1);
	CHECK(strstr(error, "truncated") != NULL);
	free(b.data);
}

int main(void)
{
	test_build_and_parse(1);
	test_build_and_parse(0);
	test_padding_edge();
	test_build_errors();
	test_multi_image();
	test_truncated_roms();
	test_legacy_prefix();
	test_damaged_roms();
	test_build_record_reader();
	test_build_record_v2();
	CHECK_STR(rom_code_type_name(PCIR_CODE_TYPE_EFI), "EFI");
	CHECK_STR(pe_machine_name(PE_MACHINE_X86_64), "x86_64");
	CHECK_STR(pe_machine_uefi_name(PE_MACHINE_X86_64), "X64");
	CHECK_STR(pe_machine_uefi_name(PE_MACHINE_ARM64), "AA64");
	CHECK_STR(pe_machine_uefi_name(PE_MACHINE_I386), "IA32");
	CHECK(pe_machine_uefi_name(0x1234) == NULL);
	CHECK_INT(pe_machine_optional_magic(PE_MACHINE_I386), PE_OPTIONAL_MAGIC_PE32);
	CHECK_INT(pe_machine_optional_magic(PE_MACHINE_ARM64), PE_OPTIONAL_MAGIC_PE32_PLUS);
	CHECK_INT(pe_machine_optional_magic(0x1234), 0);
	return unit_finish();
}
