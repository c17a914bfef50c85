/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef NET_TCPIP_H
#define NET_TCPIP_H

/*
 * The layer between transports (UDP, TCP, ICMP) and network protocols
 * (IPv4, IPv6 later), so that neither names the other:
 *
 * - A transport sends with tcpip_tx(): the network protocol is chosen by
 *   the destination's family. The transport leaves its checksum field zero
 *   and passes where it is; the network protocol, which alone knows the
 *   pseudo-header (and the source address routing picks), completes it.
 * - A network protocol hands received payloads to tcpip_rx() with the
 *   partial sum of its pseudo-header; the transport checks its checksum by
 *   continuing that sum over the datagram.
 */

#include <stdint.h>
#include <net/socket.h>
#include <wireboot/iobuf.h>
#include <wireboot/netdev.h>
#include <wireboot/tables.h>

#define IP_ICMP 1
#define IP_TCP 6
#define IP_UDP 17

struct tcpip_protocol {
	const char *name;
	uint8_t tcpip_proto;
	/* Takes ownership of iob, whose data starts at the transport
	 * header; pshdr_csum is the pseudo-header's partial sum. */
	int (*rx)(struct io_buffer *iob, struct net_device *netdev,
		  struct sockaddr_tcpip *st_src, struct sockaddr_tcpip *st_dest,
		  uint16_t pshdr_csum);
};
TABLE_DECLARE(const struct tcpip_protocol, tcpip_protocols);
#define TCPIP_PROTOCOL(name) \
	const struct tcpip_protocol name TABLE_ENTRY(const struct tcpip_protocol, tcpip_protocols, 01)

struct tcpip_net_protocol {
	const char *name;
	sa_family_t sa_family;
	/*
	 * Sends a transport datagram (takes ownership). st_src may name a
	 * source address (or NULL); the device follows from routing unless
	 * netdev or st_dest's scope names one. If trans_csum is not NULL it
	 * points at the transport's (zeroed) checksum field inside iob.
	 */
	int (*tx)(struct io_buffer *iob, const struct tcpip_protocol *proto,
		  const struct sockaddr_tcpip *st_src,
		  const struct sockaddr_tcpip *st_dest,
		  struct net_device *netdev, uint16_t *trans_csum);
	/* The device a datagram to st_dest would leave by, or NULL. */
	struct net_device *(*route)(const struct sockaddr_tcpip *st_dest);
	/* Bytes of its own header (without options) before a transport's. */
	size_t header_len;
};
TABLE_DECLARE(const struct tcpip_net_protocol, tcpip_net_protocols);
#define TCPIP_NET_PROTOCOL(name) \
	const struct tcpip_net_protocol name TABLE_ENTRY(const struct tcpip_net_protocol, tcpip_net_protocols, 01)

/* Room every transport reserves for the lower layers' headers. */
#define TCPIP_HEADROOM IOB_NET_HEADROOM

int tcpip_tx(struct io_buffer *iob, const struct tcpip_protocol *proto,
	     const struct sockaddr_tcpip *st_src,
	     const struct sockaddr_tcpip *st_dest, struct net_device *netdev,
	     uint16_t *trans_csum);
int tcpip_rx(struct io_buffer *iob, struct net_device *netdev,
	     uint8_t tcpip_proto, struct sockaddr_tcpip *st_src,
	     struct sockaddr_tcpip *st_dest, uint16_t pshdr_csum);
/* The device a destination is reached through (for MSS, source address). */
struct net_device *tcpip_route(const struct sockaddr_tcpip *st_dest);
/* Bytes a transport may put in one datagram to st_dest without
 * fragmentation: the route's device MTU less the network header; 0 if
 * there is no route. */
size_t tcpip_mtu(const struct sockaddr_tcpip *st_dest);

/* The Internet checksum (RFC 1071), continuing from a previous partial
 * sum; callers fold and complement: ~tcpip_chksum(0, data, len). The sum is
 * of 16-bit words in memory order, so the complement is stored into a
 * header as it is (no htons), and a correct header sums to 0xffff. Every
 * piece but the last must have an even length. */
uint16_t tcpip_chksum(uint16_t partial, const void *data, size_t len);

/* The device a socket address's scope names, or NULL (none or gone). */
struct net_device *tcpip_scope_netdev(const struct sockaddr_tcpip *st);

#endif
