/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The 93Cx6 READ command, bit by bit (see microwire.h): chip select up,
 * start bit and opcode 10, the address most significant bit first, then
 * sixteen data bits out of the part, each sampled after a rising clock
 * edge; chip select down and one more clock to put the part in standby.
 */

#include <errno.h>
#include <stdbool.h>
#include <drivers/net/microwire.h>
#include <wireboot/timer.h>

#define MICROWIRE_READ_OPCODE 0x6	/* start bit, then 10 */
#define MICROWIRE_OPCODE_BITS 3
#define MICROWIRE_WORD_BITS 16

static void set_lines(struct microwire *mw, uint32_t lines)
{
	mw->write(mw->context, lines);
	udelay(mw->half_clock_us);
}

/* One clock pulse with the data line as given; the part's output after
 * the rising edge. */
static unsigned clock_bit(struct microwire *mw, uint32_t lines)
{
	uint32_t sampled;

	set_lines(mw, lines);
	set_lines(mw, lines | mw->sk);
	sampled = mw->read(mw->context);
	set_lines(mw, lines);
	return (sampled & mw->dout) ? 1 : 0;
}

static unsigned send_bit(struct microwire *mw, unsigned bit)
{
	return clock_bit(mw, mw->idle | mw->cs | (bit ? mw->di : 0));
}

int microwire_read(struct microwire *mw, unsigned address, uint16_t *value)
{
	unsigned width = mw->address_bits;
	bool learn = (width == 0);
	uint16_t word = 0;
	unsigned i;

	if (learn) {
		width = mw->max_address_bits;
		if (address != 0)
			return -EINVAL;
	}
	if (address >> width)
		return -EINVAL;
	set_lines(mw, mw->idle | mw->cs);
	for (i = MICROWIRE_OPCODE_BITS; i-- > 0;)
		send_bit(mw, (MICROWIRE_READ_OPCODE >> i) & 1);
	for (i = 1; i <= width; i++) {
		unsigned out = send_bit(mw, (address >> (width - i)) & 1);

		if (learn && !out)
			break;
	}
	if (learn)
		mw->address_bits = i > width ? width : i;
	for (i = 0; i < MICROWIRE_WORD_BITS; i++)
		word = (uint16_t)(word << 1 | send_bit(mw, 0));
	set_lines(mw, mw->idle);
	clock_bit(mw, mw->idle);
	*value = word;
	return 0;
}
