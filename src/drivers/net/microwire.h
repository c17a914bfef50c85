/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef DRIVERS_NET_MICROWIRE_H
#define DRIVERS_NET_MICROWIRE_H

/*
 * Serial EEPROMs of the 93Cx6 family (Microwire), which NICs wire to four
 * bits of one control register that software toggles: chip select, clock,
 * data in, data out. The protocol is the same on every chip; which bits,
 * how the register is reached and how fast the part may be clocked are
 * the chip's, and a driver describes them in a struct microwire.
 */

#include <stdint.h>

struct microwire {
	void *context;		/* the driver's, for read() and write() */
	/* The control register. write() must reach the chip before it
	 * returns (a driver flushes posted writes there). */
	uint32_t (*read)(void *context);
	void (*write)(void *context, uint32_t value);
	uint32_t cs, sk, di, dout;	/* the four signals' bits */
	/* Bits kept in every write (other fields of the register, an
	 * arbitration request): what the bus is left at when idle. */
	uint32_t idle;
	unsigned half_clock_us;
	/* Address width: 6 (93C46) or 8 (93C56/66) bits, from the chip's
	 * own size bit; 0 to learn it on the first read, which must then be
	 * of word 0 (the part pulls its output low after the last address
	 * bit it expects). */
	unsigned address_bits;
	unsigned max_address_bits;	/* for learning it */
};

/* Reads word address; -EINVAL if the address does not fit the part. */
int microwire_read(struct microwire *mw, unsigned address, uint16_t *value);

#endif
