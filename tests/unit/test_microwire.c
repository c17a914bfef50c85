// FIRMWARE_SOURCES: src/drivers/net/microwire.c
/*
 * The Microwire reader against a model of a 93C46 (6 address bits) and a
 * 93C66 (8 bits) behind a control register with the signals at different
 * bits, as two chips wire them: words read back, the address width learnt
 * from the dummy zero, a fixed width honoured, addresses that do not fit
 * refused, extra register bits kept in every write, and the part left
 * deselected.
 */

#include <errno.h>
#include <stdbool.h>
#include <stdint.h>
#include "unit.h"
#include "../../src/drivers/net/microwire.h"

int wb_microwire_read(struct microwire *mw, unsigned address, uint16_t *value);

/* The fakes implement interfaces whose arguments they mostly ignore. */
#pragma GCC diagnostic ignored "-Wunused-parameter"

void udelay(unsigned long microseconds)
{
}

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

static void part_write(void *context, uint32_t value)
{
	bool cs = value & part.cs, sk = value & part.sk;

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

static uint32_t part_read(void *context)
{
	return (part.reg & ~part.dout) | (part.out ? part.dout : 0);
}

static void wire(unsigned width, uint32_t cs, uint32_t sk, uint32_t di,
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

static struct microwire reader(unsigned address_bits, uint32_t keep)
{
	struct microwire mw = {
		.read = part_read, .write = part_write,
		.cs = part.cs, .sk = part.sk, .di = part.di, .dout = part.dout,
		.idle = keep, .half_clock_us = 1,
		.address_bits = address_bits, .max_address_bits = 8,
	};

	return mw;
}

static void check_all_words(struct microwire *mw, unsigned count)
{
	uint16_t value;
	unsigned i;

	for (i = 0; i < count; i++) {
		CHECK_INT(wb_microwire_read(mw, i, &value), 0);
		CHECK_INT(value, part.words[i]);
	}
	CHECK(!part.selected);
}

static void test_learnt_width(unsigned width)
{
	struct microwire mw;
	uint16_t value;

	/* The bit order of eepro100's control register. */
	wire(width, 0x02, 0x01, 0x04, 0x08, 0);
	mw = reader(0, 0);
	/* Learning needs word 0. */
	CHECK_INT(wb_microwire_read(&mw, 1, &value), -EINVAL);
	CHECK_INT(mw.address_bits, 0);
	CHECK_INT(wb_microwire_read(&mw, 0, &value), 0);
	CHECK_INT(value, part.words[0]);
	CHECK_INT(mw.address_bits, width);
	check_all_words(&mw, 1u << width);
	CHECK_INT(wb_microwire_read(&mw, 1u << width, &value), -EINVAL);
}

static void test_fixed_width(void)
{
	const uint32_t keep = 0x40 | 0x200;	/* e1000: REQ, and the size bit */
	struct microwire mw;
	unsigned commands;
	uint16_t value;

	/* The bit order of e1000's EECD. */
	wire(8, 0x02, 0x01, 0x04, 0x08, keep);
	mw = reader(8, keep);
	check_all_words(&mw, 256);
	CHECK_INT(part.kept_violations, 0);
	commands = part.commands;
	CHECK_INT(wb_microwire_read(&mw, 256, &value), -EINVAL);
	CHECK_INT(part.commands, commands);	/* nothing was sent */
}

int main(void)
{
	test_learnt_width(6);
	test_learnt_width(8);
	test_fixed_width();
	return unit_finish();
}
