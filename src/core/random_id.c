/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Identifiers from the random source, or from the clock when there is none
 * (see wireboot/random_id.h). The fallback mixes the monotonic clock with a
 * counter through a 32-bit finaliser so that successive values differ in
 * every bit; it is not meant to resist anyone, only to keep booting.
 */

#include <wireboot/debug.h>
#include <wireboot/random.h>
#include <wireboot/random_id.h>
#include <wireboot/timer.h>

static uint32_t mix32(uint32_t x)
{
	x ^= x >> 16;
	x *= 0x7feb352dU;
	x ^= x >> 15;
	x *= 0x846ca68bU;
	x ^= x >> 16;
	return x;
}

uint32_t random_id(void)
{
	static uint32_t counter;
	uint64_t now;
	uint32_t value;

	if (random_u32(&value) == 0)
		return value;
	DBG("random: no entropy source works; identifiers from the clock\n");
	now = monotonic_us();
	return mix32((uint32_t)now ^ (uint32_t)(now >> 32) ^ mix32(++counter));
}
