/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Dotted-quad text for IPv4 addresses. */

#include <errno.h>
#include <stdio.h>
#include <net/in.h>

const char *inet_ntoa_r(struct in_addr addr, char *buf)
{
	uint32_t host = ntohl(addr.s_addr);

	snprintf(buf, 16, "%u.%u.%u.%u", (unsigned)(host >> 24),
		 (unsigned)(host >> 16) & 0xff, (unsigned)(host >> 8) & 0xff,
		 (unsigned)host & 0xff);
	return buf;
}

/* Leading zeros are refused: other parsers read "010" as octal 8, and an
 * address must not mean different things to different readers. */
int inet_aton(const char *text, struct in_addr *addr)
{
	uint32_t host = 0;
	unsigned part;

	for (part = 0; part < 4; part++) {
		unsigned value = 0, digits = 0;

		if (part > 0 && *text++ != '.')
			return -EINVAL;
		while (*text >= '0' && *text <= '9') {
			if (digits == 1 && value == 0)
				return -EINVAL;
			value = value * 10 + (unsigned)(*text++ - '0');
			if (++digits > 3 || value > 255)
				return -EINVAL;
		}
		if (digits == 0)
			return -EINVAL;
		host = (host << 8) | value;
	}
	if (*text != '\0')
		return -EINVAL;
	addr->s_addr = htonl(host);
	return 0;
}
