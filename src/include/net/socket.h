/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef NET_SOCKET_H
#define NET_SOCKET_H

/*
 * Socket addresses and opening sockets. Every address family's socket
 * address has the same size and begins the same way (family, port, scope),
 * so the transports (UDP, TCP) and the layers above handle any family
 * through struct sockaddr_tcpip without naming one: IPv4 is one family,
 * IPv6 will be another.
 *
 * The scope is the index + 1 of the network device an address belongs to
 * (0: any), for broadcasts before a device has an address (DHCP) and for
 * link-local addresses.
 */

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <wireboot/interface.h>
#include <wireboot/tables.h>

typedef uint16_t sa_family_t;

#define AF_INET 2
#define AF_INET6 10

/* Every socket address is this long, so any may be copied into another. */
#define SA_LEN 32

struct sockaddr {
	sa_family_t sa_family;
	uint8_t sa_data[SA_LEN - sizeof(sa_family_t)];
};

/* The beginning every TCP/IP family shares; each family's address starts
 * at offset 8 (SOCKADDR_ADDRESS_OFFSET) and unused bytes are zero, so
 * addresses compare as bytes. */
#define SOCKADDR_ADDRESS_OFFSET 8
struct sockaddr_tcpip {
	sa_family_t st_family;
	uint16_t st_port;	/* network byte order */
	uint16_t st_scope_id;	/* network device index + 1, or 0 */
	uint8_t pad[SA_LEN - 6];
};

/* Same family and address, whatever the port and scope (every family
 * keeps its address at the same offset; the rest is zero). */
static inline bool sock_same_address(const struct sockaddr_tcpip *a,
				     const struct sockaddr_tcpip *b)
{
	return a->st_family == b->st_family &&
	       __builtin_memcmp(a->pad + 2, b->pad + 2, sizeof(a->pad) - 2) == 0;
}

/* Socket types. */
#define SOCK_DGRAM 1
#define SOCK_STREAM 2

/* Opens a socket of a type for a family: UDP registers SOCK_DGRAM. */
struct socket_opener {
	int semantics;
	/* peer may be NULL: an unconnected socket, whose deliveries name
	 * their destination in the metadata. local NULL: any address and
	 * an ephemeral port. */
	int (*open)(struct interface *xfer, const struct sockaddr *peer,
		    const struct sockaddr *local);
};
TABLE_DECLARE(const struct socket_opener, socket_openers);
#define SOCKET_OPENER(name) \
	const struct socket_opener name TABLE_ENTRY(const struct socket_opener, socket_openers, 01)

/* Opens a socket plugged to xfer; -ENOTSUP if the build has no such type. */
int xfer_open_socket(struct interface *xfer, int semantics,
		     const struct sockaddr *peer, const struct sockaddr *local);

/*
 * Opens a socket to a host given by name (or numeric address) and port
 * (host byte order). The name is resolved asynchronously; until the socket
 * is open the window is 0, so the caller sends its first data when told
 * that the window opened (window_changed). A failed lookup closes xfer
 * with its error.
 */
int xfer_open_named_socket(struct interface *xfer, int semantics,
			   const char *name, uint16_t port,
			   const struct sockaddr *local);

/* "10.0.2.2:69" and the like, for messages; buf of at least 64 bytes. */
const char *sock_ntoa(const struct sockaddr *sa, char *buf, size_t len);

/* Families register how their addresses read (for sock_ntoa). */
struct sockaddr_family {
	sa_family_t family;
	const char *(*ntoa)(const struct sockaddr *sa, char *buf, size_t len);
	/* Parses a literal address into sa's address (keeping its port and
	 * scope): 0, or -EINVAL if text is not one of this family. */
	int (*aton)(const char *text, struct sockaddr *sa);
	/* The DNS record type holding addresses of this family (A, AAAA),
	 * or 0: the resolver asks for the families registered, in order,
	 * or the one the asker wants. */
	unsigned dns_type;
};
TABLE_DECLARE(const struct sockaddr_family, sockaddr_families);
#define SOCKADDR_FAMILY(name) \
	const struct sockaddr_family name TABLE_ENTRY(const struct sockaddr_family, sockaddr_families, 01)

#endif
