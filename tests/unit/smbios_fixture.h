/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef TESTS_SMBIOS_FIXTURE_H
#define TESTS_SMBIOS_FIXTURE_H

/*
 * An SMBIOS table as firmware lays it out (types 1, 3 and 127), and entry
 * points of both versions pointing at it, for the parser's test and its
 * fuzz target's seed.
 */

#include <stddef.h>
#include <stdint.h>
#include <string.h>

static const uint8_t smbios_fixture_table[] = {
	/* Type 1, length 0x1b, handle 0x0100: manufacturer 1, product 2,
	 * version 0, serial 3, the UUID mixed-endian, wake-up, SKU 0,
	 * family 0. */
	0x01, 0x1b, 0x00, 0x01, 0x01, 0x02, 0x00, 0x03,
	0x78, 0x56, 0x34, 0x12, 0xbc, 0x9a, 0xf0, 0xde,
	0x12, 0x34, 0x56, 0x78, 0x9a, 0xbc, 0xde, 0xf0,
	0x06, 0x00, 0x00,
	'W', 'i', 'r', 'e', 'C', 'o', 'r', 'p', 0,
	'T', 'e', 's', 't', ' ', 'B', 'o', 'x', 0,
	'S', 'N', '1', '2', '3', 0, 0,
	/* Type 3, length 0x09: asset tag is string 1. */
	0x03, 0x09, 0x00, 0x03, 0x00, 0x01, 0x00, 0x00, 0x01,
	'A', 'S', 'S', 'E', 'T', '-', '7', 0, 0,
	/* A second type 3 without strings. */
	0x03, 0x09, 0x01, 0x03, 0x00, 0x00, 0x00, 0x00, 0x00, 0, 0,
	/* End of table. */
	0x7f, 0x04, 0xff, 0xff, 0, 0,
};

/* Fills a checksum byte so that the len bytes at p sum to 0. */
static inline void smbios_fixture_sum(uint8_t *p, size_t len, size_t at)
{
	uint8_t sum = 0;

	p[at] = 0;
	for (size_t i = 0; i < len; i++)
		sum = (uint8_t)(sum + p[i]);
	p[at] = (uint8_t)-sum;
}

/* A 3.x entry point (24 bytes) for a table at address of len bytes. */
static inline void smbios_fixture_entry3(uint8_t ep[24], uint64_t address,
					 uint32_t len)
{
	memset(ep, 0, 24);
	memcpy(ep, "_SM3_", 5);
	ep[6] = 24;
	ep[7] = 3;
	ep[8] = 2;
	ep[10] = 1;
	for (int i = 0; i < 4; i++)
		ep[0x0c + i] = (uint8_t)(len >> (8 * i));
	for (int i = 0; i < 8; i++)
		ep[0x10 + i] = (uint8_t)(address >> (8 * i));
	smbios_fixture_sum(ep, 24, 5);
}

/* A 2.x entry point (31 bytes). */
static inline void smbios_fixture_entry2(uint8_t ep[31], uint32_t address,
					 uint16_t len)
{
	memset(ep, 0, 31);
	memcpy(ep, "_SM_", 4);
	ep[5] = 31;
	ep[6] = 2;
	ep[7] = 8;
	memcpy(ep + 0x10, "_DMI_", 5);
	ep[0x16] = (uint8_t)len;
	ep[0x17] = (uint8_t)(len >> 8);
	for (int i = 0; i < 4; i++)
		ep[0x18 + i] = (uint8_t)(address >> (8 * i));
	smbios_fixture_sum(ep + 0x10, 15, 5);
	smbios_fixture_sum(ep, 31, 4);
}

#endif
