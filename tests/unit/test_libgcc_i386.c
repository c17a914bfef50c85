/* SPDX-License-Identifier: GPL-2.0-or-later */
// FIRMWARE_SOURCES: src/arch/i386/libgcc.c
/*
 * The i386 build's 64-bit division helpers, compiled for the host and
 * compared with the host's own 64-bit division: edge values (zero, one,
 * powers of two, the extremes of both signs, divisors above 32 bits) and a
 * deterministic pseudo-random sweep over operands of every width.
 */

#include <stdint.h>
#include "unit.h"

uint64_t wb___udivmoddi4(uint64_t dividend, uint64_t divisor, uint64_t *remainder);
uint64_t wb___udivdi3(uint64_t dividend, uint64_t divisor);
uint64_t wb___umoddi3(uint64_t dividend, uint64_t divisor);
int64_t wb___divdi3(int64_t dividend, int64_t divisor);
int64_t wb___moddi3(int64_t dividend, int64_t divisor);

static void same_unsigned(uint64_t a, uint64_t b)
{
	uint64_t remainder = 0;
	uint64_t quotient = wb___udivmoddi4(a, b, &remainder);

	if (!CHECK(quotient == a / b && remainder == a % b &&
		   wb___udivdi3(a, b) == a / b && wb___umoddi3(a, b) == a % b))
		printf("     %llu / %llu: got %llu rem %llu\n", (unsigned long long)a,
		       (unsigned long long)b, (unsigned long long)quotient,
		       (unsigned long long)remainder);
}

static void same_signed(int64_t a, int64_t b)
{
	if (b == -1 && a == INT64_MIN)
		return;		/* overflows in C itself */
	if (!CHECK(wb___divdi3(a, b) == a / b && wb___moddi3(a, b) == a % b))
		printf("     %lld / %lld: got %lld rem %lld\n", (long long)a,
		       (long long)b, (long long)wb___divdi3(a, b),
		       (long long)wb___moddi3(a, b));
}

/* xorshift64: the same sequence on every run. */
static uint64_t next(uint64_t *state)
{
	*state ^= *state << 13;
	*state ^= *state >> 7;
	*state ^= *state << 17;
	return *state;
}

int main(void)
{
	static const uint64_t edges[] = {
		1, 2, 3, 7, 10, 1000000, 0x7fffffff, 0x80000000, 0xffffffff,
		0x100000000ull, 0x100000001ull, 0x123456789abcdefull,
		0x7fffffffffffffffull, 0x8000000000000000ull, 0xfffffffffffffffeull,
		0xffffffffffffffffull,
	};
	size_t n = sizeof(edges) / sizeof(edges[0]);
	uint64_t state = 0x9e3779b97f4a7c15ull, remainder;
	unsigned i, j;

	for (i = 0; i < n; i++) {
		same_unsigned(0, edges[i]);
		for (j = 0; j < n; j++) {
			same_unsigned(edges[i], edges[j]);
			same_signed((int64_t)edges[i], (int64_t)edges[j]);
			same_signed((int64_t)-edges[i], (int64_t)edges[j]);
		}
	}
	for (i = 0; i < 200000; i++) {
		uint64_t a = next(&state) >> (next(&state) % 64);
		uint64_t b = next(&state) >> (next(&state) % 64);

		if (b == 0)
			continue;
		same_unsigned(a, b);
		same_signed((int64_t)a, (int64_t)b);
		same_signed((int64_t)a, (int64_t)-b);
	}
	/* What C leaves undefined has a defined, harmless answer here. */
	CHECK(wb___udivmoddi4(12345, 0, &remainder) == UINT64_MAX && remainder == 12345);
	CHECK(wb___udivmoddi4(5, 7, NULL) == 0);
	return unit_finish();
}
