/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * 64-bit division for i386. The CPU divides at most 64 by 32 bits, so gcc
 * compiles a 64-bit "/" or "%" into calls to these helpers, which normally
 * come from libgcc; the firmware links no C runtime, so they are here.
 * Names and semantics are gcc's (its "Integer library routines"):
 *   __udivdi3 quotient, __umoddi3 remainder, __udivmoddi4 both (remainder
 *   through a pointer when it is not NULL); __divdi3 and __moddi3 signed,
 *   truncating toward zero, the remainder taking the dividend's sign.
 * Division by zero is undefined in C; here it yields an all-ones quotient
 * and the dividend as remainder rather than a trap.
 *
 * The code must not divide 64-bit values itself (it would call itself): it
 * uses the CPU's 32-bit division when both operands fit, and otherwise long
 * division in binary, starting at the divisor's highest bit so the loop runs
 * once per bit of the quotient rather than 64 times.
 */

#include <stdint.h>

uint64_t __udivmoddi4(uint64_t dividend, uint64_t divisor, uint64_t *remainder);
uint64_t __udivdi3(uint64_t dividend, uint64_t divisor);
uint64_t __umoddi3(uint64_t dividend, uint64_t divisor);
int64_t __divdi3(int64_t dividend, int64_t divisor);
int64_t __moddi3(int64_t dividend, int64_t divisor);

static int leading_zeros(uint64_t value)
{
	return (value >> 32) ? __builtin_clz((uint32_t)(value >> 32)) :
			       32 + __builtin_clz((uint32_t)value);
}

uint64_t __udivmoddi4(uint64_t dividend, uint64_t divisor, uint64_t *remainder)
{
	uint64_t quotient = 0;
	int shift;

	if (divisor == 0) {
		quotient = UINT64_MAX;
	} else if ((dividend >> 32) == 0 && (divisor >> 32) == 0) {
		quotient = (uint32_t)dividend / (uint32_t)divisor;
		dividend = (uint32_t)dividend % (uint32_t)divisor;
	} else if (dividend >= divisor) {
		shift = leading_zeros(divisor) - leading_zeros(dividend);
		divisor <<= shift;
		for (; shift >= 0; shift--) {
			quotient <<= 1;
			if (dividend >= divisor) {
				dividend -= divisor;
				quotient |= 1;
			}
			divisor >>= 1;
		}
	}
	if (remainder)
		*remainder = dividend;
	return quotient;
}

uint64_t __udivdi3(uint64_t dividend, uint64_t divisor)
{
	return __udivmoddi4(dividend, divisor, 0);
}

uint64_t __umoddi3(uint64_t dividend, uint64_t divisor)
{
	uint64_t remainder;

	__udivmoddi4(dividend, divisor, &remainder);
	return remainder;
}

/* Magnitudes as unsigned values: -INT64_MIN does not fit an int64_t. */
static uint64_t magnitude(int64_t value)
{
	return value < 0 ? -(uint64_t)value : (uint64_t)value;
}

int64_t __divdi3(int64_t dividend, int64_t divisor)
{
	uint64_t quotient = __udivdi3(magnitude(dividend), magnitude(divisor));

	return (int64_t)((dividend < 0) != (divisor < 0) ? -quotient : quotient);
}

int64_t __moddi3(int64_t dividend, int64_t divisor)
{
	uint64_t remainder = __umoddi3(magnitude(dividend), magnitude(divisor));

	return (int64_t)(dividend < 0 ? -remainder : remainder);
}
