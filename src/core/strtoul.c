/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Number parsing with C semantics: optional sign, base prefixes "0x"/"0"
 * when base is 0, saturation at the type's maximum on overflow, and *end left
 * at the first character not consumed (at s itself if no digit was read).
 */

#include <stdlib.h>
#include <stdint.h>
#include <ctype.h>
#include <limits.h>

static int digit_value(int c)
{
	if (isdigit(c))
		return c - '0';
	if (isalpha(c))
		return tolower(c) - 'a' + 10;
	return INT_MAX;
}

static unsigned long long parse_unsigned(const char *s, char **end, int base,
					 int *negative)
{
	const char *p = s;
	unsigned long long value = 0;
	int overflow = 0, any = 0;

	while (isspace((unsigned char)*p))
		p++;
	*negative = 0;
	if (*p == '+' || *p == '-')
		*negative = (*p++ == '-');

	if ((base == 0 || base == 16) && p[0] == '0' &&
	    (p[1] == 'x' || p[1] == 'X') && isxdigit((unsigned char)p[2])) {
		p += 2;
		base = 16;
	} else if (base == 0) {
		base = (p[0] == '0') ? 8 : 10;
	}
	if (base < 2 || base > 36) {
		if (end)
			*end = (char *)s;
		return 0;
	}

	for (;; p++) {
		int digit = digit_value((unsigned char)*p);
		if (digit >= base)
			break;
		any = 1;
		if (value > (ULLONG_MAX - (unsigned)digit) / (unsigned)base)
			overflow = 1;
		else
			value = value * (unsigned)base + (unsigned)digit;
	}
	if (end)
		*end = (char *)(any ? p : s);
	return overflow ? ULLONG_MAX : value;
}

unsigned long long strtoull(const char *s, char **end, int base)
{
	int negative;
	unsigned long long value = parse_unsigned(s, end, base, &negative);

	if (value == ULLONG_MAX)
		return value;
	return negative ? -value : value;
}

unsigned long strtoul(const char *s, char **end, int base)
{
	return (unsigned long)strtoull(s, end, base);
}

long strtol(const char *s, char **end, int base)
{
	int negative;
	unsigned long long magnitude = parse_unsigned(s, end, base, &negative);

	if (negative)
		return magnitude > (unsigned long long)LONG_MAX + 1 ?
			       LONG_MIN : (long)(0 - magnitude);
	return magnitude > LONG_MAX ? LONG_MAX : (long)magnitude;
}
