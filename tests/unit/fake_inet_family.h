/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef TESTS_FAKE_INET_FAMILY_H
#define TESTS_FAKE_INET_FAMILY_H

/*
 * The IPv4 address family as the numeric resolver and sock_ntoa() find it
 * (src/net/ipv4.c registers the real one), for tests and fuzz targets
 * that resolve names without linking IPv4 and the layers under it. It
 * parses with the firmware's own inet_aton() (src/net/inet.c, linked).
 */

#define null_intf wb_null_intf
#define null_intf_operations wb_null_intf_operations

#include <stdio.h>
#include <net/in.h>
#include <net/socket.h>

int wb_inet_aton(const char *text, struct in_addr *addr);

static int fake_inet_aton(const char *text, struct sockaddr *sa)
{
	struct sockaddr_in *sin = (struct sockaddr_in *)sa;
	struct in_addr addr;

	if (wb_inet_aton(text, &addr) != 0)
		return -22;	/* EINVAL */
	sin->sin_family = AF_INET;
	sin->sin_addr = addr;
	return 0;
}

static const char *fake_inet_ntoa(const struct sockaddr *sa, char *buf,
				  size_t len)
{
	const struct sockaddr_in *sin = (const struct sockaddr_in *)sa;
	const uint8_t *b = (const uint8_t *)&sin->sin_addr;

	snprintf(buf, len, "%u.%u.%u.%u:%u", b[0], b[1], b[2], b[3],
		 ntohs(sin->sin_port));
	return buf;
}

SOCKADDR_FAMILY(fake_inet_family) = {
	.family = AF_INET,
	.ntoa = fake_inet_ntoa,
	.aton = fake_inet_aton,
	.dns_type = 1,	/* A */
};

#endif
