#ifndef NET_IN_H
#define NET_IN_H

/* IPv4 addresses and socket addresses. Addresses are kept in network byte
 * order, as they travel. */

#include <stdint.h>
#include <wireboot/byteorder.h>

struct in_addr {
	uint32_t s_addr;
};

#define AF_INET 2

/* The common beginning of every socket address. */
struct sockaddr {
	uint16_t sa_family;
	uint8_t sa_data[14];
};

struct sockaddr_in {
	uint16_t sin_family;	/* AF_INET */
	uint16_t sin_port;	/* network byte order */
	struct in_addr sin_addr;
	uint8_t pad[8];
};

#define INADDR_ANY 0x00000000U
#define INADDR_BROADCAST 0xffffffffU

/* "10.0.2.15"; buf of at least 16 bytes. */
const char *inet_ntoa_r(struct in_addr addr, char *buf);
/* Parses dotted-quad text strictly (four decimal parts 0-255, nothing
 * else); returns 0 or -EINVAL. */
int inet_aton(const char *text, struct in_addr *addr);

#endif
