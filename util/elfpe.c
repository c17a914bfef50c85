/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * ELF to PE32+ conversion (see elfpe.h for what is accepted and why).
 *
 * Three passes: read and check the ELF headers and section table (every
 * offset and size bounds checked against the file), collect the absolute
 * addresses the relocation sections name, then write headers, section data
 * and the base relocation table. Field layouts are those of the ELF-64
 * Object File Format and of the Microsoft PE/COFF specification.
 */

#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "byteorder.h"
#include "elfpe.h"
#include "peinfo.h"

/* ELF-64 */
#define EI_NIDENT 16
#define ELFCLASS64 2
#define ELFDATA2LSB 1
#define ET_EXEC 2
#define EM_AARCH64 183
#define ELF64_EHDR_SIZE 64
#define ELF64_SHDR_SIZE 64
#define ELF64_RELA_SIZE 24
#define SHT_PROGBITS 1
#define SHT_RELA 4
#define SHT_NOBITS 8
#define SHT_REL 9
#define SHF_WRITE 0x1
#define SHF_ALLOC 0x2
#define SHF_EXECINSTR 0x4

/* PE/COFF */
#define PE_ALIGN_SECTION 4096u
#define PE_ALIGN_FILE 512u
#define DOS_HEADER_SIZE 0x40
#define COFF_HEADER_SIZE 20
#define OPTIONAL_SIZE_PE32_PLUS 240	/* 112 + 16 data directories */
#define SECTION_HEADER_SIZE 40
#define DIRECTORY_COUNT 16
#define DIRECTORY_BASERELOC 5
#define COFF_EXECUTABLE_IMAGE 0x0002
#define COFF_LINE_NUMS_STRIPPED 0x0004
#define COFF_LOCAL_SYMS_STRIPPED 0x0008
#define COFF_LARGE_ADDRESS_AWARE 0x0020
#define COFF_DEBUG_STRIPPED 0x0200
#define DLL_HIGH_ENTROPY_VA 0x0020
#define DLL_DYNAMIC_BASE 0x0040
#define DLL_NX_COMPAT 0x0100
#define SCN_CNT_CODE 0x00000020
#define SCN_CNT_INITIALIZED_DATA 0x00000040
#define SCN_CNT_UNINITIALIZED_DATA 0x00000080
#define SCN_MEM_DISCARDABLE 0x02000000
#define SCN_MEM_EXECUTE 0x20000000
#define SCN_MEM_READ 0x40000000
#define SCN_MEM_WRITE 0x80000000
#define REL_BASED_ABSOLUTE 0
#define REL_BASED_DIR64 10

/* No image of ours comes near these; they bound the work on hostile input. */
#define MAX_SECTIONS 16
#define MAX_IMAGE_SIZE (64u << 20)

/* What each ELF relocation type means to a loader. */
enum reloc_kind { RELOC_NONE, RELOC_ABS64, RELOC_REFUSE };

struct machine {
	uint16_t elf_machine;
	uint16_t pe_machine;
	enum reloc_kind (*classify)(uint32_t type, const char **why);
};

struct section {
	char name[9];
	uint64_t addr, size;
	uint64_t offset;	/* in the ELF file; PROGBITS only */
	bool nobits, write, exec;
	uint32_t raw_offset;	/* in the PE file */
};

struct converter {
	const uint8_t *elf;
	size_t len;
	const struct machine *machine;
	uint64_t entry;
	struct section sections[MAX_SECTIONS];
	unsigned count;
	uint32_t *relocs;	/* RVAs of DIR64 fix-ups, sorted */
	size_t reloc_count, reloc_alloc;
	char *error;
};

/*
 * AArch64 (ELF for the Arm 64-bit Architecture, "Relocation codes"). Only
 * R_AARCH64_ABS64 stores an absolute address a loader can fix up; every
 * PC-relative and page-relative form is position independent (including
 * ADD_ABS_LO12_NC and LDST*_ABS_LO12_NC: the low 12 bits of an address are
 * the same at any 4 KiB-aligned load address); everything else would need a
 * fix-up PE cannot express, or a GOT.
 */
static enum reloc_kind aarch64_classify(uint32_t type, const char **why)
{
	switch (type) {
	case 0:		/* R_AARCH64_NONE */
		return RELOC_NONE;
	case 257:	/* ABS64 */
		return RELOC_ABS64;
	case 260: case 261: case 262:		/* PREL64, PREL32, PREL16 */
	case 273: case 274: case 275: case 276:	/* LD_PREL_LO19, ADR_PREL_LO21, ADR_PREL_PG_HI21(_NC) */
	case 277: case 278:			/* ADD_ABS_LO12_NC, LDST8_ABS_LO12_NC */
	case 279: case 280: case 282: case 283:	/* TSTBR14, CONDBR19, JUMP26, CALL26 */
	case 284: case 285: case 286: case 299:	/* LDST16/32/64/128_ABS_LO12_NC */
		return RELOC_NONE;
	case 258: case 259:			/* ABS32, ABS16 */
		*why = "an absolute address narrower than 64 bits";
		return RELOC_REFUSE;
	case 311: case 312: case 313:		/* ADR_GOT_PAGE, LD64_GOT_LO12_NC, LD64_GOTPAGE_LO15 */
		*why = "a GOT slot (a symbol that is not hidden?)";
		return RELOC_REFUSE;
	default:
		*why = "a relocation type a PE loader cannot apply";
		return RELOC_REFUSE;
	}
}

static const struct machine machines[] = {
	{ EM_AARCH64, PE_MACHINE_ARM64, aarch64_classify },
};

static int fail(struct converter *c, const char *format, ...)
	__attribute__((format(printf, 2, 3)));

static int fail(struct converter *c, const char *format, ...)
{
	va_list args;

	va_start(args, format);
	vsnprintf(c->error, sizeof(((struct elf2pe_result *)0)->error), format, args);
	va_end(args);
	return -1;
}

static uint64_t align_up(uint64_t value, uint64_t alignment)
{
	return (value + alignment - 1) / alignment * alignment;
}

/* True if [offset, offset + size) lies inside the file. */
static bool in_file(const struct converter *c, uint64_t offset, uint64_t size)
{
	return offset <= c->len && size <= c->len - offset;
}

static const uint8_t *section_header(const struct converter *c, uint64_t table,
				     unsigned index)
{
	return c->elf + table + (uint64_t)index * ELF64_SHDR_SIZE;
}

/* The name of a section, from the section-name string table. */
static int section_name(struct converter *c, const uint8_t *names_header,
			uint32_t name, char *out, size_t out_len)
{
	uint64_t offset = get_le64(names_header + 24);
	uint64_t size = get_le64(names_header + 32);
	size_t i;

	if (!in_file(c, offset, size) || name >= size)
		return fail(c, "section name at %u is outside the string table", name);
	for (i = 0; name + i < size && c->elf[offset + name + i]; i++) {
		if (i + 1 >= out_len)
			return fail(c, "section name \"%.*s...\" is longer than PE allows (8)",
				    (int)i, (const char *)c->elf + offset + name);
		out[i] = (char)c->elf[offset + name + i];
	}
	if (name + i >= size)
		return fail(c, "section name at %u is not terminated", name);
	out[i] = 0;
	return 0;
}

static int read_headers(struct converter *c, uint64_t *table, unsigned *count,
			unsigned *names)
{
	const uint8_t *e = c->elf;
	uint16_t machine;
	size_t i;

	if (c->len < ELF64_EHDR_SIZE || memcmp(e, "\177ELF", 4) != 0)
		return fail(c, "not an ELF file");
	if (e[4] != ELFCLASS64 || e[5] != ELFDATA2LSB)
		return fail(c, "not a 64-bit little-endian ELF file");
	if (get_le16(e + 16) != ET_EXEC)
		return fail(c, "not an ELF executable (type %u)", get_le16(e + 16));
	machine = get_le16(e + 18);
	for (i = 0; i < sizeof(machines) / sizeof(machines[0]); i++)
		if (machines[i].elf_machine == machine)
			c->machine = &machines[i];
	if (!c->machine)
		return fail(c, "ELF machine %u is not supported", machine);
	c->entry = get_le64(e + 24);
	*table = get_le64(e + 40);
	if (get_le16(e + 58) != ELF64_SHDR_SIZE)
		return fail(c, "section header size %u, expected %u",
			    get_le16(e + 58), ELF64_SHDR_SIZE);
	*count = get_le16(e + 60);
	*names = get_le16(e + 62);
	if (!in_file(c, *table, (uint64_t)*count * ELF64_SHDR_SIZE))
		return fail(c, "section table is outside the file");
	if (*names >= *count)
		return fail(c, "no section-name string table");
	return 0;
}

/* Collects the allocated sections, in address order, and checks them. */
static int read_sections(struct converter *c, uint64_t table, unsigned count,
			 unsigned names)
{
	const uint8_t *names_header = section_header(c, table, names);
	struct section *s, *prev;
	unsigned i;

	for (i = 1; i < count; i++) {
		const uint8_t *h = section_header(c, table, i);
		uint32_t type = get_le32(h + 4);
		uint64_t flags = get_le64(h + 8);
		uint64_t size = get_le64(h + 32);

		if (!(flags & SHF_ALLOC) || size == 0)
			continue;
		if (c->count == MAX_SECTIONS)
			return fail(c, "more than %u allocated sections", MAX_SECTIONS);
		s = &c->sections[c->count];
		memset(s, 0, sizeof(*s));
		if (section_name(c, names_header, get_le32(h), s->name, sizeof(s->name)))
			return -1;
		if (type != SHT_PROGBITS && type != SHT_NOBITS)
			return fail(c, "section %s has type %u, not data", s->name, type);
		s->addr = get_le64(h + 16);
		s->size = size;
		s->offset = get_le64(h + 24);
		s->nobits = type == SHT_NOBITS;
		/* ".rdata" holds read-only data that ELF marks writable only
		 * because some of it (.data.rel.ro) is relocated at load time;
		 * a PE loader relocates before it protects, so in PE it stays
		 * read-only, as the linker script's section name says. */
		s->write = (flags & SHF_WRITE) && strcmp(s->name, ".rdata") != 0;
		s->exec = flags & SHF_EXECINSTR;
		if (s->write && s->exec)
			return fail(c, "section %s is both writable and executable", s->name);
		if (s->addr % PE_ALIGN_SECTION)
			return fail(c, "section %s at 0x%llx is not 4 KiB aligned (the linker script must place it)",
				    s->name, (unsigned long long)s->addr);
		if (s->addr < PE_ALIGN_SECTION || s->addr > MAX_IMAGE_SIZE ||
		    s->size > MAX_IMAGE_SIZE - s->addr)
			return fail(c, "section %s at 0x%llx size 0x%llx is outside the image",
				    s->name, (unsigned long long)s->addr,
				    (unsigned long long)s->size);
		if (!s->nobits && !in_file(c, s->offset, s->size))
			return fail(c, "section %s data is outside the file", s->name);
		if (strcmp(s->name, ".got") == 0 || strcmp(s->name, ".got.plt") == 0)
			return fail(c, "the image has a GOT (%s), which PE cannot relocate", s->name);
		if (strcmp(s->name, ".reloc") == 0)
			return fail(c, "the ELF file already has a .reloc section");
		c->count++;
	}
	if (c->count == 0)
		return fail(c, "no allocated sections");
	for (i = 1; i < c->count; i++) {
		s = &c->sections[i];
		prev = &c->sections[i - 1];
		if (s->addr < prev->addr + prev->size)
			return fail(c, "section %s overlaps %s or is out of address order",
				    s->name, prev->name);
	}
	for (i = 0; i < c->count; i++) {
		s = &c->sections[i];
		if (s->exec && c->entry >= s->addr && c->entry < s->addr + s->size)
			return 0;
	}
	return fail(c, "entry point 0x%llx is in no executable section",
		    (unsigned long long)c->entry);
}

static const struct section *section_at(const struct converter *c,
					uint64_t addr, uint64_t size)
{
	unsigned i;

	for (i = 0; i < c->count; i++) {
		const struct section *s = &c->sections[i];

		if (addr >= s->addr && addr - s->addr <= s->size &&
		    size <= s->size - (addr - s->addr))
			return s;
	}
	return NULL;
}

static int add_reloc(struct converter *c, uint64_t addr)
{
	uint32_t *grown;

	if (c->reloc_count == c->reloc_alloc) {
		c->reloc_alloc = c->reloc_alloc ? c->reloc_alloc * 2 : 256;
		grown = realloc(c->relocs, c->reloc_alloc * sizeof(*grown));
		if (!grown)
			return fail(c, "out of memory");
		c->relocs = grown;
	}
	c->relocs[c->reloc_count++] = (uint32_t)addr;
	return 0;
}

static int compare_u32(const void *a, const void *b)
{
	uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;

	return x < y ? -1 : x > y;
}

/* Every relocation section whose target is allocated: ABS64 entries become
 * base relocations; anything a loader could not apply fails. */
static int read_relocations(struct converter *c, uint64_t table, unsigned count)
{
	unsigned i;
	uint64_t j;

	for (i = 1; i < count; i++) {
		const uint8_t *h = section_header(c, table, i);
		uint32_t type = get_le32(h + 4);
		uint32_t target = get_le32(h + 44);
		uint64_t offset = get_le64(h + 24), size = get_le64(h + 32);
		const uint8_t *t;

		if (type != SHT_RELA && type != SHT_REL)
			continue;
		if (target == 0 || target >= count)
			return fail(c, "relocation section %u names no section", i);
		t = section_header(c, table, target);
		if (!(get_le64(t + 8) & SHF_ALLOC))
			continue;
		if (type == SHT_REL)
			return fail(c, "REL relocations (section %u) are not expected on this machine", i);
		if (!in_file(c, offset, size) || size % ELF64_RELA_SIZE)
			return fail(c, "relocation section %u is outside the file or torn", i);
		for (j = 0; j < size; j += ELF64_RELA_SIZE) {
			const uint8_t *r = c->elf + offset + j;
			uint64_t where = get_le64(r);
			uint32_t rtype = (uint32_t)get_le64(r + 8);
			const char *why = "";

			switch (c->machine->classify(rtype, &why)) {
			case RELOC_NONE:
				break;
			case RELOC_ABS64:
				if (!section_at(c, where, 8))
					return fail(c, "relocation at 0x%llx is outside every section",
						    (unsigned long long)where);
				if (add_reloc(c, where))
					return -1;
				break;
			case RELOC_REFUSE:
				return fail(c, "relocation type %u at 0x%llx is %s",
					    rtype, (unsigned long long)where, why);
			}
		}
	}
	if (c->reloc_count)
		qsort(c->relocs, c->reloc_count, sizeof(*c->relocs), compare_u32);
	return 0;
}

/* The .reloc contents: one block per 4 KiB page with fix-ups, each padded
 * to a multiple of 4 bytes with an ABSOLUTE (no-op) entry. Called with
 * out NULL to measure. */
static size_t write_relocs(const struct converter *c, uint8_t *out)
{
	size_t i = 0, pos = 0, start, n;
	uint32_t page;

	while (i < c->reloc_count) {
		page = c->relocs[i] & ~(PE_ALIGN_SECTION - 1);
		start = pos;
		pos += 8;
		for (n = 0; i < c->reloc_count &&
			    (c->relocs[i] & ~(PE_ALIGN_SECTION - 1)) == page; i++) {
			if (i > 0 && c->relocs[i] == c->relocs[i - 1])
				continue;	/* one fix-up per address */
			if (out)
				put_le16(out + pos, (uint16_t)(REL_BASED_DIR64 << 12 |
							       (c->relocs[i] & 0xfff)));
			pos += 2;
			n++;
		}
		if (n % 2) {
			if (out)
				put_le16(out + pos, REL_BASED_ABSOLUTE << 12);
			pos += 2;
		}
		if (out) {
			put_le32(out + start, page);
			put_le32(out + start + 4, (uint32_t)(pos - start));
		}
	}
	return pos;
}

static void write_section_header(uint8_t *h, const char *name, uint32_t virtual_size,
				 uint32_t rva, uint32_t raw_size, uint32_t raw_offset,
				 uint32_t characteristics)
{
	memset(h, 0, SECTION_HEADER_SIZE);
	memcpy(h, name, strlen(name));
	put_le32(h + 8, virtual_size);
	put_le32(h + 12, rva);
	put_le32(h + 16, raw_size);
	put_le32(h + 20, raw_offset);
	put_le32(h + 36, characteristics);
}

static uint32_t characteristics(const struct section *s)
{
	if (s->exec)
		return SCN_CNT_CODE | SCN_MEM_EXECUTE | SCN_MEM_READ;
	if (s->nobits)
		return SCN_CNT_UNINITIALIZED_DATA | SCN_MEM_READ | SCN_MEM_WRITE;
	return SCN_CNT_INITIALIZED_DATA | SCN_MEM_READ | (s->write ? SCN_MEM_WRITE : 0);
}

static int write_image(struct converter *c, uint16_t subsystem,
		       struct elf2pe_result *result)
{
	const struct section *last = &c->sections[c->count - 1];
	size_t reloc_size = write_relocs(c, NULL);
	unsigned pe_sections = c->count + (reloc_size ? 1 : 0);
	size_t headers = DOS_HEADER_SIZE + 4 + COFF_HEADER_SIZE +
			 OPTIONAL_SIZE_PE32_PLUS + pe_sections * SECTION_HEADER_SIZE;
	uint32_t headers_size = (uint32_t)align_up(headers, PE_ALIGN_FILE);
	uint32_t reloc_rva = (uint32_t)align_up(last->addr + last->size, PE_ALIGN_SECTION);
	uint32_t image_size = (uint32_t)align_up(reloc_rva + reloc_size, PE_ALIGN_SECTION);
	uint32_t code = 0, data = 0, bss = 0, base_of_code = 0;
	uint8_t *pe, *coff, *opt, *sh;
	size_t file_size = headers_size;
	unsigned i;

	if (headers > PE_ALIGN_SECTION)
		return fail(c, "PE headers do not fit in the first page");
	for (i = 0; i < c->count; i++) {
		struct section *s = &c->sections[i];
		uint32_t raw = s->nobits ? 0 : (uint32_t)align_up(s->size, PE_ALIGN_FILE);

		s->raw_offset = s->nobits ? 0 : (uint32_t)file_size;
		file_size += raw;
		if (s->exec) {
			code += raw;
			if (!base_of_code)
				base_of_code = (uint32_t)s->addr;
		} else if (s->nobits) {
			bss += (uint32_t)align_up(s->size, PE_ALIGN_FILE);
		} else {
			data += raw;
		}
	}
	data += (uint32_t)align_up(reloc_size, PE_ALIGN_FILE);
	file_size += align_up(reloc_size, PE_ALIGN_FILE);

	pe = calloc(1, file_size);
	if (!pe)
		return fail(c, "out of memory");
	pe[0] = 'M';
	pe[1] = 'Z';
	put_le32(pe + 0x3c, DOS_HEADER_SIZE);
	memcpy(pe + DOS_HEADER_SIZE, "PE\0\0", 4);

	coff = pe + DOS_HEADER_SIZE + 4;
	put_le16(coff, c->machine->pe_machine);
	put_le16(coff + 2, (uint16_t)pe_sections);
	put_le16(coff + 16, OPTIONAL_SIZE_PE32_PLUS);
	put_le16(coff + 18, COFF_EXECUTABLE_IMAGE | COFF_LINE_NUMS_STRIPPED |
		 COFF_LOCAL_SYMS_STRIPPED | COFF_LARGE_ADDRESS_AWARE |
		 COFF_DEBUG_STRIPPED);

	opt = coff + COFF_HEADER_SIZE;
	put_le16(opt, PE_OPTIONAL_MAGIC_PE32_PLUS);
	put_le32(opt + 4, code);
	put_le32(opt + 8, data);
	put_le32(opt + 12, bss);
	put_le32(opt + 16, (uint32_t)c->entry);
	put_le32(opt + 20, base_of_code);
	put_le64(opt + 24, 0);			/* image base: linked at 0 */
	put_le32(opt + 32, PE_ALIGN_SECTION);
	put_le32(opt + 36, PE_ALIGN_FILE);
	put_le16(opt + 48, 1);			/* subsystem version 1.0 */
	put_le32(opt + 56, image_size);
	put_le32(opt + 60, headers_size);
	put_le16(opt + 68, subsystem);
	put_le16(opt + 70, DLL_HIGH_ENTROPY_VA | DLL_DYNAMIC_BASE | DLL_NX_COMPAT);
	put_le64(opt + 72, 0x200000);		/* stack reserve, commit */
	put_le64(opt + 80, 0x1000);
	put_le64(opt + 88, 0x100000);		/* heap reserve, commit */
	put_le64(opt + 96, 0x1000);
	put_le32(opt + 108, DIRECTORY_COUNT);
	if (reloc_size) {
		put_le32(opt + 112 + 8 * DIRECTORY_BASERELOC, reloc_rva);
		put_le32(opt + 112 + 8 * DIRECTORY_BASERELOC + 4, (uint32_t)reloc_size);
	}

	sh = opt + OPTIONAL_SIZE_PE32_PLUS;
	for (i = 0; i < c->count; i++, sh += SECTION_HEADER_SIZE) {
		const struct section *s = &c->sections[i];

		write_section_header(sh, s->name, (uint32_t)s->size, (uint32_t)s->addr,
				     s->nobits ? 0 : (uint32_t)align_up(s->size, PE_ALIGN_FILE),
				     s->raw_offset, characteristics(s));
		if (!s->nobits)
			memcpy(pe + s->raw_offset, c->elf + s->offset, s->size);
	}
	if (reloc_size) {
		uint32_t offset = (uint32_t)(file_size - align_up(reloc_size, PE_ALIGN_FILE));

		write_section_header(sh, ".reloc", (uint32_t)reloc_size, reloc_rva,
				     (uint32_t)align_up(reloc_size, PE_ALIGN_FILE), offset,
				     SCN_CNT_INITIALIZED_DATA | SCN_MEM_DISCARDABLE |
				     SCN_MEM_READ);
		write_relocs(c, pe + offset);
	}
	result->image = pe;
	result->len = file_size;
	return 0;
}

int elf2pe(const uint8_t *elf, size_t len, uint16_t subsystem,
	   struct elf2pe_result *result)
{
	struct converter c = { .elf = elf, .len = len, .error = result->error };
	uint64_t table = 0;
	unsigned count = 0, names = 0;
	int rc;

	result->image = NULL;
	result->len = 0;
	result->error[0] = 0;
	rc = read_headers(&c, &table, &count, &names);
	if (!rc)
		rc = read_sections(&c, table, count, names);
	if (!rc)
		rc = read_relocations(&c, table, count);
	if (!rc)
		rc = write_image(&c, subsystem, result);
	free(c.relocs);
	return rc;
}
