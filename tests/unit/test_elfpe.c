/* SPDX-License-Identifier: GPL-2.0-or-later */
// HOST_SOURCES: util/elfpe.c util/peinfo.c
/*
 * The ELF to PE converter of the arm64 build: a small AArch64 executable
 * made here converts into a PE32+ image with the right headers, section
 * layout and base relocations; every kind of input the converter must
 * refuse is refused with a reason; truncated and damaged inputs fail
 * cleanly (never a crash or a read past the buffer).
 */

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "unit.h"
#include "byteorder.h"
#include "elfpe.h"
#include "peinfo.h"

#define EM_AARCH64 183
#define R_AARCH64_ABS64 257
#define R_AARCH64_ABS32 258
#define R_AARCH64_CALL26 283
#define R_AARCH64_ADR_GOT_PAGE 311
#define SHSTRTAB "\0.text\0.data\0.rela.data\0.shstrtab\0.bss\0.averylongname\0.got\0"
#define NAME_TEXT 1
#define NAME_DATA 7
#define NAME_RELA 13
#define NAME_SHSTRTAB 24
#define NAME_BSS 34
#define NAME_LONG 39
#define NAME_GOT 54

enum { SEC_NULL, SEC_TEXT, SEC_DATA, SEC_RELA, SEC_SHSTRTAB, SEC_BSS, SEC_COUNT };

/* Layout of the test file. */
#define OFF_TEXT 0x100
#define OFF_DATA 0x200
#define OFF_RELA 0x300
#define OFF_SHSTRTAB 0x400
#define OFF_SHDRS 0x500
#define RELA_COUNT 4
#define ELF_SIZE (OFF_SHDRS + SEC_COUNT * 64)

static uint8_t *shdr(uint8_t *elf, unsigned index)
{
	return elf + OFF_SHDRS + 64 * index;
}

static void set_shdr(uint8_t *elf, unsigned index, uint32_t name, uint32_t type,
		     uint64_t flags, uint64_t addr, uint64_t offset, uint64_t size,
		     uint32_t info)
{
	uint8_t *h = shdr(elf, index);

	put_le32(h, name);
	put_le32(h + 4, type);
	put_le64(h + 8, flags);
	put_le64(h + 16, addr);
	put_le64(h + 24, offset);
	put_le64(h + 32, size);
	put_le32(h + 44, info);
	put_le64(h + 48, 8);
	put_le64(h + 56, type == 4 ? 24 : 0);
}

static void set_rela(uint8_t *elf, unsigned index, uint64_t where, uint32_t type)
{
	uint8_t *r = elf + OFF_RELA + 24 * index;

	put_le64(r, where);
	put_le64(r + 8, type);
	put_le64(r + 16, 0);
}

/* .text at 0x1000 (32 bytes, entry at 0x1010), .data at 0x3000 (24
 * bytes: pointers at 0x3000, 0x3008, 0x3010), .bss at 0x4000, and
 * relocations: three ABS64 into .data (one given twice) and a CALL26. */
static uint8_t *make_elf(void)
{
	uint8_t *elf = calloc(1, ELF_SIZE);

	memcpy(elf, "\177ELF\2\1\1", 7);
	put_le16(elf + 16, 2);			/* ET_EXEC */
	put_le16(elf + 18, EM_AARCH64);
	put_le32(elf + 20, 1);
	put_le64(elf + 24, 0x1010);		/* entry */
	put_le64(elf + 40, OFF_SHDRS);
	put_le16(elf + 52, 64);
	put_le16(elf + 58, 64);
	put_le16(elf + 60, SEC_COUNT);
	put_le16(elf + 62, SEC_SHSTRTAB);
	memset(elf + OFF_TEXT, 0xd5, 32);
	put_le64(elf + OFF_DATA, 0x1000);
	put_le64(elf + OFF_DATA + 8, 0x1010);
	put_le64(elf + OFF_DATA + 16, 0x3000);
	memcpy(elf + OFF_SHSTRTAB, SHSTRTAB, sizeof(SHSTRTAB));
	set_shdr(elf, SEC_TEXT, NAME_TEXT, 1, 0x6, 0x1000, OFF_TEXT, 32, 0);
	set_shdr(elf, SEC_DATA, NAME_DATA, 1, 0x3, 0x3000, OFF_DATA, 24, 0);
	set_shdr(elf, SEC_RELA, NAME_RELA, 4, 0x40, 0, OFF_RELA, 24 * RELA_COUNT, SEC_DATA);
	set_shdr(elf, SEC_SHSTRTAB, NAME_SHSTRTAB, 3, 0, 0, OFF_SHSTRTAB, sizeof(SHSTRTAB), 0);
	set_shdr(elf, SEC_BSS, NAME_BSS, 8, 0x3, 0x4000, 0, 0x2000, 0);
	set_rela(elf, 0, 0x3010, R_AARCH64_ABS64);
	set_rela(elf, 1, 0x3000, R_AARCH64_ABS64);
	set_rela(elf, 2, 0x3000, R_AARCH64_ABS64);
	set_rela(elf, 3, 0x3008, R_AARCH64_CALL26);
	return elf;
}

static void test_good_image(void)
{
	uint8_t *elf = make_elf();
	struct elf2pe_result result;
	struct pe_info info;
	char error[100];
	const uint8_t *pe, *opt, *sh, *reloc;
	uint32_t reloc_rva, reloc_size;

	set_rela(elf, 3, 0x3008, R_AARCH64_ABS64);	/* three distinct */
	if (!CHECK(elf2pe(elf, ELF_SIZE, 10, &result) == 0)) {
		printf("     %s\n", result.error);
		free(elf);
		return;
	}
	pe = result.image;
	CHECK(pe_read_info(pe, result.len, &info, error, sizeof(error)) == 0);
	CHECK_INT(info.machine, PE_MACHINE_ARM64);
	CHECK_INT(info.optional_magic, PE_OPTIONAL_MAGIC_PE32_PLUS);
	CHECK_INT(info.subsystem, 10);
	opt = pe + get_le32(pe + 0x3c) + 24;
	CHECK_INT(get_le16(pe + get_le32(pe + 0x3c) + 6), 4);	/* .text .data .bss .reloc */
	CHECK_INT(get_le32(pe + get_le32(pe + 0x3c) + 8), 0);	/* no time stamp */
	CHECK_INT(get_le32(opt + 16), 0x1010);			/* entry */
	CHECK_INT(get_le32(opt + 32), 4096);
	CHECK_INT(get_le32(opt + 36), 512);
	CHECK_INT(get_le16(opt + 70), 0x160);	/* high-entropy VA, dynamic base, NX */
	CHECK_INT(get_le32(opt + 56), 0x7000);	/* size of image: up to .reloc's page */
	sh = opt + 240;
	CHECK(memcmp(sh, ".text\0\0\0", 8) == 0);
	CHECK_INT(get_le32(sh + 12), 0x1000);
	CHECK_INT(get_le32(sh + 36), 0x60000020);		/* code, execute, read */
	CHECK(memcmp(pe + get_le32(sh + 20), elf + OFF_TEXT, 32) == 0);
	CHECK(memcmp(sh + 40, ".data\0\0\0", 8) == 0);
	CHECK_INT(get_le32(sh + 40 + 36), 0xc0000040);		/* data, read, write */
	CHECK(memcmp(pe + get_le32(sh + 40 + 20), elf + OFF_DATA, 24) == 0);
	CHECK(memcmp(sh + 80, ".bss\0\0\0\0", 8) == 0);
	CHECK_INT(get_le32(sh + 80 + 16), 0);			/* no file data */
	CHECK_INT(get_le32(sh + 80 + 36), 0xc0000080);
	CHECK(memcmp(sh + 120, ".reloc\0\0", 8) == 0);
	CHECK_INT(get_le32(sh + 120 + 12), 0x6000);
	reloc_rva = get_le32(opt + 112 + 8 * 5);
	reloc_size = get_le32(opt + 112 + 8 * 5 + 4);
	CHECK_INT(reloc_rva, 0x6000);
	/* One block for page 0x3000: three DIR64 entries and a pad entry. */
	CHECK_INT(reloc_size, 16);
	reloc = pe + get_le32(sh + 120 + 20);
	CHECK_INT(get_le32(reloc), 0x3000);
	CHECK_INT(get_le32(reloc + 4), 16);
	CHECK_INT(get_le16(reloc + 8), 0xa000);
	CHECK_INT(get_le16(reloc + 10), 0xa008);
	CHECK_INT(get_le16(reloc + 12), 0xa010);
	CHECK_INT(get_le16(reloc + 14), 0);
	CHECK(result.len % 512 == 0);
	free(result.image);

	/* Two fix-ups (one named twice, the CALL26 ignored): no pad entry. */
	set_rela(elf, 3, 0x3008, R_AARCH64_CALL26);
	CHECK(elf2pe(elf, ELF_SIZE, 11, &result) == 0);
	opt = result.image + get_le32(result.image + 0x3c) + 24;
	CHECK_INT(get_le16(opt + 68), 11);
	CHECK_INT(get_le32(opt + 112 + 8 * 5 + 4), 12);
	free(result.image);
	free(elf);
}

static void check_refused(uint8_t *elf, size_t len, const char *reason)
{
	struct elf2pe_result result;

	if (!CHECK(elf2pe(elf, len, 10, &result) == -1 && result.image == NULL &&
		   strstr(result.error, reason)))
		printf("     want \"%s\", got \"%s\"\n", reason, result.error);
	free(result.image);
	free(elf);
}

static void test_refusals(void)
{
	uint8_t *elf;

	check_refused(make_elf(), 10, "not an ELF file");
	elf = make_elf();
	elf[4] = 1;
	check_refused(elf, ELF_SIZE, "64-bit little-endian");
	elf = make_elf();
	put_le16(elf + 16, 3);
	check_refused(elf, ELF_SIZE, "not an ELF executable");
	elf = make_elf();
	put_le16(elf + 18, 62);
	check_refused(elf, ELF_SIZE, "machine 62 is not supported");
	elf = make_elf();
	put_le16(elf + 60, 200);
	check_refused(elf, ELF_SIZE, "section table is outside the file");
	elf = make_elf();
	put_le64(shdr(elf, SEC_TEXT) + 8, 0x7);
	check_refused(elf, ELF_SIZE, "both writable and executable");
	elf = make_elf();
	put_le64(shdr(elf, SEC_DATA) + 16, 0x3008);
	check_refused(elf, ELF_SIZE, "not 4 KiB aligned");
	elf = make_elf();
	put_le64(shdr(elf, SEC_TEXT) + 16, 0);
	check_refused(elf, ELF_SIZE, "outside the image");
	elf = make_elf();
	put_le64(shdr(elf, SEC_TEXT) + 32, 0x3000);
	check_refused(elf, ELF_SIZE, "outside the file");
	elf = make_elf();
	put_le64(shdr(elf, SEC_DATA) + 16, 0x1000);
	check_refused(elf, ELF_SIZE, "overlaps");
	elf = make_elf();
	put_le32(shdr(elf, SEC_TEXT), NAME_LONG);
	check_refused(elf, ELF_SIZE, "longer than PE allows");
	elf = make_elf();
	put_le32(shdr(elf, SEC_TEXT), 0x1000);
	check_refused(elf, ELF_SIZE, "outside the string table");
	elf = make_elf();
	put_le32(shdr(elf, SEC_DATA), NAME_GOT);
	check_refused(elf, ELF_SIZE, "has a GOT");
	elf = make_elf();
	put_le64(elf + 24, 0x3000);
	check_refused(elf, ELF_SIZE, "in no executable section");
	elf = make_elf();
	set_rela(elf, 3, 0x3008, R_AARCH64_ABS32);
	check_refused(elf, ELF_SIZE, "narrower than 64 bits");
	elf = make_elf();
	set_rela(elf, 3, 0x1000, R_AARCH64_ADR_GOT_PAGE);
	check_refused(elf, ELF_SIZE, "GOT slot");
	elf = make_elf();
	set_rela(elf, 3, 0x1000, 1027);		/* R_AARCH64_RELATIVE */
	check_refused(elf, ELF_SIZE, "cannot apply");
	elf = make_elf();
	set_rela(elf, 3, 0x3014, R_AARCH64_ABS64);	/* crosses the end */
	check_refused(elf, ELF_SIZE, "outside every section");
	elf = make_elf();
	put_le64(shdr(elf, SEC_RELA) + 32, 25);
	check_refused(elf, ELF_SIZE, "torn");
	elf = make_elf();
	put_le32(shdr(elf, SEC_RELA) + 44, 77);
	check_refused(elf, ELF_SIZE, "names no section");
	elf = make_elf();
	put_le32(shdr(elf, SEC_RELA) + 4, 9);
	check_refused(elf, ELF_SIZE, "REL relocations");
}

/* Every prefix and every single-byte corruption of the good file either
 * converts or fails with a reason: the sanitizers catch any bad read. */
static void test_damage(void)
{
	uint8_t *elf = make_elf(), *copy;
	struct elf2pe_result result;
	size_t len, i;
	unsigned failures = 0;

	for (len = 0; len < ELF_SIZE; len++) {
		copy = malloc(len ? len : 1);
		memcpy(copy, elf, len);
		if (elf2pe(copy, len, 10, &result) == 0)
			failures++;	/* the section table is at the end */
		CHECK(result.image == NULL || result.error[0] == 0);
		free(result.image);
		free(copy);
	}
	CHECK_INT(failures, 0);
	for (i = 0; i < ELF_SIZE; i++) {
		copy = malloc(ELF_SIZE);
		memcpy(copy, elf, ELF_SIZE);
		copy[i] ^= 0xa5;
		if (elf2pe(copy, ELF_SIZE, 10, &result))
			CHECK(result.error[0] != 0);
		free(result.image);
		free(copy);
	}
	free(elf);
}

int main(void)
{
	test_good_image();
	test_refusals();
	test_damage();
	return unit_finish();
}
