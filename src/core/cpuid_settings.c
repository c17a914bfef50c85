/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The "cpuid/..." settings scope: CPUID results by a numeric name, as the
 * established language encodes them, plus ${cpuvendor} and ${cpumodel}.
 *
 * The name's dotted numbers fold into one 32-bit tag (each shifts the
 * previous left by 8 bits), whose fields are:
 *   bit 31      extended function (0x8000xxxx)
 *   bits 30-24  a subfunction (when bit 22 is set), else the number of
 *               consecutive functions to call, minus one
 *   bit 23      registers in little-endian byte order (for text)
 *   bit 22      bits 30-24 are a subfunction
 *   bits 17-16  number of registers, minus one
 *   bits 15-8   the registers, two bits each from bit 8 (0 eax .. 3 edx)
 *   bits 7-0    the first function
 * so that "cpuid/<register>.<function>" reads one register
 * ("cpuid/2.0x80000001" is ecx of function 0x80000001), and
 * "cpuid/<subfunction>.0x40.<register>.<function>" one of a subfunction.
 * Values show as hexraw unless a ":type" says otherwise.
 */

#define ERRFILE ERRFILE_cpuid_settings
#include <errno.h>
#include <string.h>
#include <wireboot/cpuid.h>
#include <wireboot/errfile.h>
#include <wireboot/settings.h>

PROVIDE_OBJECT(cpuid_settings);

#define TAG_EXTENDED 0x80000000u
#define TAG_LITTLE_ENDIAN 0x00800000u
#define TAG_SUBFUNCTION 0x00400000u
#define TAG_PARTS 8

/* The tags of the named settings (vendor: ebx edx ecx of function 0;
 * model: eax..edx of the three functions from 0x80000002). */
#define TAG_VENDOR (TAG_LITTLE_ENDIAN | 2u << 16 | \
		    (CPUID_EBX | CPUID_EDX << 2 | CPUID_ECX << 4) << 8)
#define TAG_MODEL (TAG_EXTENDED | 2u << 24 | TAG_LITTLE_ENDIAN | 3u << 16 | \
		   (CPUID_EAX | CPUID_EBX << 2 | CPUID_ECX << 4 | \
		    CPUID_EDX << 6) << 8 | 2u)

static int tag_of(const char *name, bool qualified, uint32_t *tag,
		  enum setting_type *type)
{
	unsigned long long parts[TAG_PARTS], folded = 0;
	int count, i;

	*type = SETTING_STRING;
	if (strcmp(name, "cpuvendor") == 0) {
		*tag = TAG_VENDOR;
		return 0;
	}
	if (strcmp(name, "cpumodel") == 0) {
		*tag = TAG_MODEL;
		return 0;
	}
	*type = SETTING_HEXRAW;
	count = qualified ? parse_setting_numbers(name, parts, TAG_PARTS) : -1;
	if (count < 0)
		return -ENOENT;
	for (i = 0; i < count; i++) {
		folded = folded << 8 | parts[i];
		if (folded > 0xffffffffULL)
			return -ENOENT;
	}
	*tag = (uint32_t)folded;
	return 0;
}

static void put_register(uint32_t value, bool little_endian, uint8_t *out)
{
	unsigned i;

	for (i = 0; i < 4; i++)
		out[i] = (uint8_t)(little_endian ? value >> (8 * i)
						 : value >> (8 * (3 - i)));
}

static int cpuid_fetch(const char *name, bool qualified, void *buf, size_t len,
		       enum setting_type *type)
{
	uint32_t tag, function, subfunction = 0, functions = 1, regs[4];
	unsigned registers, count, i, j;
	size_t used = 0;
	int rc = tag_of(name, qualified, &tag, type);

	if (rc)
		return rc;
	function = tag & (TAG_EXTENDED | 0xff);
	if (tag & TAG_SUBFUNCTION)
		subfunction = (tag >> 24) & 0x7f;
	else
		functions = ((tag >> 24) & 0x7f) + 1;
	count = ((tag >> 16) & 3) + 1;
	for (i = 0; i < functions; i++, function++) {
		/* A function the CPU lacks: no such setting. */
		if (cpu_cpuid(function, subfunction, regs))
			return -ENOENT;
		registers = (tag >> 8) & 0xff;
		for (j = 0; j < count; j++, registers >>= 2) {
			uint8_t out[4];
			size_t piece = len - used < 4 ? len - used : 4;

			put_register(regs[registers & 3],
				     tag & TAG_LITTLE_ENDIAN, out);
			memcpy((uint8_t *)buf + used, out, piece);
			used += piece;
		}
	}
	return (int)(functions * count * 4);
}

SETTINGS_SCOPE(cpuid_scope) = { .name = "cpuid", .fetch = cpuid_fetch };
