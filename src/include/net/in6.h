/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef NET_IN6_H
#define NET_IN6_H

/*
 * IPv6 addresses and socket addresses (RFC 4291), kept in network byte
 * order as they travel. The text forms are RFC 5952's: lower case, the
 * longest run of two or more zero groups written "::".
 */

#include <stdbool.h>
#include <stdint.h>
#include <net/socket.h>

struct in6_addr {
	uint8_t s6_addr[16];
};

struct sockaddr_in6 {
	sa_family_t sin6_family;	/* AF_INET6 */
	uint16_t sin6_port;		/* network byte order */
	uint16_t sin6_scope_id;		/* see net/socket.h */
	uint16_t sin6_flags;		/* IPV6_SRC_UNSPECIFIED (net/ipv6.h) */
	struct in6_addr sin6_addr;
	uint8_t pad[SA_LEN - 24];
};

/* Longest text: eight groups of four and seven colons, and a NUL. */
#define INET6_ADDRSTRLEN 40

/* The text form; buf of at least INET6_ADDRSTRLEN bytes. */
const char *inet6_ntoa(const struct in6_addr *addr, char *buf);
/* Parses text (hex groups, "::" at most once; the dotted-quad tail
 * form is not taken); nothing else may follow. Returns 0 or -EINVAL. */
int inet6_aton(const char *text, struct in6_addr *addr);

static inline bool in6_is_unspecified(const struct in6_addr *a)
{
	static const struct in6_addr zero;

	return __builtin_memcmp(a, &zero, sizeof(zero)) == 0;
}

static inline bool in6_is_multicast(const struct in6_addr *a)
{
	return a->s6_addr[0] == 0xff;
}

static inline bool in6_is_link_local(const struct in6_addr *a)
{
	return a->s6_addr[0] == 0xfe && (a->s6_addr[1] & 0xc0) == 0x80;
}

/* Whether a and b share their first len bits. */
static inline bool in6_prefix_match(const struct in6_addr *a,
				    const struct in6_addr *b, unsigned len)
{
	unsigned bytes = len / 8, bits = len % 8;

	if (__builtin_memcmp(a, b, bytes) != 0)
		return false;
	return !bits || ((a->s6_addr[bytes] ^ b->s6_addr[bytes]) &
			 (0xff00 >> bits)) == 0;
}

#endif
