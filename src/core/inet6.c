/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * IPv6 address text (see net/in6.h). It lives in the core, not beside
 * IPv6, because the settings types show and parse "ip6" values with it,
 * and the core may not call into the network layer.
 */

#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <net/in6.h>

static unsigned group(const struct in6_addr *addr, unsigned i)
{
	return (unsigned)addr->s6_addr[2 * i] << 8 | addr->s6_addr[2 * i + 1];
}

const char *inet6_ntoa(const struct in6_addr *addr, char *buf)
{
	unsigned i, best = 0, best_len = 0, run = 0;
	char *p = buf;

	/* The longest run of zero groups, the first if two are as long; a
	 * single zero group stays "0" (RFC 5952 section 4.2.2). */
	for (i = 0; i < 8; i++) {
		run = group(addr, i) ? 0 : run + 1;
		if (run > best_len) {
			best_len = run;
			best = i + 1 - run;
		}
	}
	if (best_len < 2)
		best_len = 0;
	for (i = 0; i < 8; i++) {
		if (best_len && i == best) {
			*p++ = ':';
			if (i == 0)
				*p++ = ':';
			i += best_len - 1;
			continue;
		}
		p += snprintf(p, 5, "%x", group(addr, i));
		if (i < 7)
			*p++ = ':';
	}
	*p = '\0';
	return buf;
}

static int hex_digit(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	c = (char)tolower((unsigned char)c);
	return c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
}

int inet6_aton(const char *text, struct in6_addr *addr)
{
	uint8_t out[16] = { 0 };
	unsigned count = 0;		/* bytes parsed */
	int gap = -1;			/* byte index of "::", if any */
	const char *p = text;

	if (p[0] == ':') {
		if (p[1] != ':')
			return -EINVAL;
		gap = 0;
		p += 2;
	}
	while (*p && count < 16) {
		unsigned value = 0, digits = 0;
		int digit;

		while ((digit = hex_digit(*p)) >= 0 && digits < 5) {
			value = value << 4 | (unsigned)digit;
			digits++;
			p++;
		}
		if (digits == 0 || digits > 4)
			return -EINVAL;
		out[count++] = (uint8_t)(value >> 8);
		out[count++] = (uint8_t)value;
		if (!*p)
			break;
		if (*p++ != ':')
			return -EINVAL;
		if (*p == ':') {
			if (gap >= 0)
				return -EINVAL;
			gap = (int)count;
			p++;
		} else if (!*p) {
			return -EINVAL;		/* a trailing single colon */
		}
	}
	if (*p)
		return -EINVAL;
	if (gap >= 0) {
		/* "::" stands for at least one zero group. */
		unsigned tail = count - (unsigned)gap;

		if (count > 14)
			return -EINVAL;
		memmove(&out[16 - tail], &out[gap], tail);
		memset(&out[gap], 0, 16 - count);
	} else if (count != 16) {
		return -EINVAL;
	}
	memcpy(addr->s6_addr, out, 16);
	return 0;
}
