/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef NET_IN_H
#define NET_IN_H

/* IPv4 addresses and socket addresses. Addresses are kept in network byte
 * order, as they travel. */

#include <stdint.h>
#include <net/socket.h>
#include <wireboot/byteorder.h>

struct in_addr {
	uint32_t s_addr;
};

struct sockaddr_in {
	sa_family_t sin_family;	/* AF_INET */
	uint16_t sin_port;	/* network byte order */
	uint16_t sin_scope_id;	/* see net/socket.h */
	uint16_t sin_reserved;
	struct in_addr sin_addr;
	uint8_t pad[SA_LEN - 12];
};

#define INADDR_ANY 0x00000000U
#define INADDR_BROADCAST 0xffffffffU

/* "10.0.2.15"; buf of at least 16 bytes. */
const char *inet_ntoa_r(struct in_addr addr, char *buf);
/* Parses dotted-quad text strictly (four decimal parts 0-255, nothing
 * else); returns 0 or -EINVAL. */
int inet_aton(const char *text, struct in_addr *addr);

#endif
