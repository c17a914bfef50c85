/* SPDX-License-Identifier: GPL-2.0-or-later */
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
#include "fake_93cx6.h"
#include "../../src/drivers/net/microwire.h"

int wb_microwire_read(struct microwire *mw, unsigned address, uint16_t *value);

/* The fakes implement interfaces whose arguments they mostly ignore. */
#pragma GCC diagnostic ignored "-Wunused-parameter"

void udelay(unsigned long microseconds)
{
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
