/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef TESTS_UNIT_FAKE_93CX6_H
#define TESTS_UNIT_FAKE_93CX6_H

/*
 * A model of a 93C46 / 93C56 / 93C66 serial EEPROM (READ only) behind a
 * NIC's control register, for the tests of the Microwire reader and of
 * the drivers that use it: wire() says which register bits carry chip
 * select, clock, data in and data out (and which other bits every write
 * must keep); part_write() and part_read() are the register.
 */

#include <stdbool.h>
#include <stdint.h>
#include "unit.h"

static struct {
	unsigned width;		/* address bits of the part */
	uint16_t words[256];
	uint32_t cs, sk, di, dout, keep;	/* the wiring */
	uint32_t reg;
	bool selected, clock, out;
	unsigned bits_in, command;	/* bits shifted in since select */
	unsigned out_bits;		/* data bits still to send */
	uint16_t data;
	unsigned commands, kept_violations;
} part;

static void part_rising_edge(bool in)
{
	unsigned header = 3 + part.width;

	if (part.out_bits) {
		part.out = (part.data >> --part.out_bits) & 1;
		return;
	}
	if (part.bits_in == 0 && !in)
		return;	/* waiting for the start bit */
	part.command = part.command << 1 | in;
	part.bits_in++;
	if (part.bits_in < header)
		return;
	/* Start bit, opcode 10 (read), address: the dummy zero, then data. */
	CHECK_INT(part.command >> part.width, 0x6);
	part.commands++;
	part.data = part.words[part.command & ((1u << part.width) - 1)];
	part.out = 0;
	part.out_bits = 16;
	part.bits_in = 0;
	part.command = 0;
}

static __attribute__((unused)) void part_write(void *context, uint32_t value)
{
	bool cs = value & part.cs, sk = value & part.sk;

	(void)context;

	if ((value & part.keep) != part.keep)
		part.kept_violations++;
	part.reg = value;
	if (!cs) {
		part.selected = false;
		part.bits_in = part.command = part.out_bits = 0;
		part.out = true;	/* high impedance reads as 1 */
	} else if (!part.selected) {
		part.selected = true;
	} else if (sk && !part.clock) {
		part_rising_edge(value & part.di);
	}
	part.clock = sk;
}

static __attribute__((unused)) uint32_t part_read(void *context)
{
	(void)context;
	return (part.reg & ~part.dout) | (part.out ? part.dout : 0);
}

static __attribute__((unused)) void wire(unsigned width, uint32_t cs, uint32_t sk, uint32_t di,
		 uint32_t dout, uint32_t keep)
{
	unsigned i;

	part.width = width;
	part.cs = cs;
	part.sk = sk;
	part.di = di;
	part.dout = dout;
	part.keep = keep;
	part.selected = part.clock = false;
	part.out = true;
	for (i = 0; i < 256; i++)
		part.words[i] = (uint16_t)(0x1234 * (i + 1) ^ (i << 3));
}

#endif
