/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * ICMPv6 (RFC 4443, see net/icmpv6.h): the checksum, which unlike ICMP
 * for IPv4 covers the pseudo-header; echo replies to requests for our
 * unicast addresses; replies to our own requests handed to the pinger
 * (net/ping.h), for which this is IPv6's echo protocol; parameter
 * problems for packets IPv6 refuses; and dispatch of everything else by
 * type to the handlers that want it (NDP).
 * Errors are never answered with errors (section 2.4 (e)).
 */

#include <errno.h>
#include <string.h>
#include <net/icmpv6.h>
#include <net/ipv6.h>
#include <net/ping.h>
#include <wireboot/byteorder.h>
#include <wireboot/debug.h>
#include <wireboot/errfile.h>

#define ERRFILE ERRFILE_icmpv6

/* An error carries as much of the offending packet as fits in the
 * minimum MTU (section 2.4 (c)). */
#define ICMPV6_ERROR_MAX (IPV6_MIN_MTU - IPV6_HLEN - 8)

PROVIDE_OBJECT(icmpv6);

TABLE_DEFINE(const struct icmpv6_handler, icmpv6_handlers);

extern const struct tcpip_protocol icmpv6_protocol;
extern const struct echo_protocol icmpv6_echo_protocol;

int icmpv6_tx(struct io_buffer *iob, struct net_device *netdev,
	      const struct sockaddr_in6 *src, const struct sockaddr_in6 *dest)
{
	struct icmpv6_header *icmp = iob->data;

	icmp->chksum = 0;
	return tcpip_tx(iob, &icmpv6_protocol, (const struct sockaddr_tcpip *)src,
			(const struct sockaddr_tcpip *)dest, netdev,
			&icmp->chksum);
}

void icmpv6_param_problem(struct io_buffer *packet, struct net_device *netdev,
			  uint8_t code, size_t offset)
{
	const struct ipv6_header *hdr = packet->data;
	size_t len = iob_len(packet) < ICMPV6_ERROR_MAX ? iob_len(packet) :
							  ICMPV6_ERROR_MAX;
	struct sockaddr_in6 src, dest;
	struct io_buffer *iob = alloc_net_iob(8 + len);
	struct icmpv6_header *icmp;
	uint32_t pointer = htonl((uint32_t)offset);

	if (!iob)
		return;
	icmp = iob_put(iob, sizeof(*icmp));
	icmp->type = ICMPV6_PARAM_PROBLEM;
	icmp->code = code;
	memcpy(iob_put(iob, 4), &pointer, 4);
	memcpy(iob_put(iob, len), packet->data, len);
	ipv6_sockaddr(&src, &hdr->dest, netdev, 0);
	ipv6_sockaddr(&dest, &hdr->src, netdev, 0);
	icmpv6_tx(iob, netdev, &src, &dest);
}

static int icmpv6_echo(struct io_buffer *iob, struct net_device *netdev,
		       const struct sockaddr_in6 *src,
		       const struct sockaddr_in6 *dest)
{
	struct icmpv6_header *icmp = iob->data;

	/* Only requests to our unicast addresses: one request must not
	 * make a whole link transmit. */
	if (iob_len(iob) < 8 || in6_is_multicast(&dest->sin6_addr)) {
		free_iob(iob);
		return 0;
	}
	icmp->type = ICMPV6_ECHO_REPLY;
	return icmpv6_tx(iob, netdev, dest, src);
}

ICMPV6_HANDLER(icmpv6_echo_handler) = {
	.type = ICMPV6_ECHO_REQUEST,
	.rx = icmpv6_echo,
};

static int icmpv6_echo_reply(struct io_buffer *iob, struct net_device *netdev,
			     const struct sockaddr_in6 *src,
			     const struct sockaddr_in6 *dest)
{
	return ping_rx(iob, &icmpv6_echo_protocol,
		       (const struct sockaddr_tcpip *)src);
}

ICMPV6_HANDLER(icmpv6_echo_reply_handler) = {
	.type = ICMPV6_ECHO_REPLY,
	.rx = icmpv6_echo_reply,
};

static int icmpv6_rx(struct io_buffer *iob, struct net_device *netdev,
		     struct sockaddr_tcpip *st_src,
		     struct sockaddr_tcpip *st_dest, uint16_t pshdr_csum)
{
	const struct sockaddr_in6 *src = (struct sockaddr_in6 *)st_src;
	const struct sockaddr_in6 *dest = (struct sockaddr_in6 *)st_dest;
	const struct icmpv6_header *icmp = iob->data;
	const struct icmpv6_handler *handler;

	if (src->sin6_family != AF_INET6 || iob_len(iob) < sizeof(*icmp)) {
		free_iob(iob);
		return -EUNIQ(EINVAL, 1);
	}
	if (tcpip_chksum(pshdr_csum, iob->data, iob_len(iob)) != 0xffff) {
		DBG("%s: bad ICMPv6 checksum\n", netdev->name);
		free_iob(iob);
		return -EUNIQ(EINVAL, 2);
	}
	for_each_table_entry(handler, icmpv6_handlers) {
		if (handler->type == icmp->type)
			return handler->rx(iob, netdev, src, dest);
	}
	DBG2("%s: ICMPv6 type %u ignored\n", netdev->name, icmp->type);
	free_iob(iob);
	return 0;
}

TCPIP_PROTOCOL(icmpv6_protocol) = {
	.name = "ICMPv6",
	.tcpip_proto = IP_ICMPV6,
	.rx = icmpv6_rx,
};

ECHO_PROTOCOL(icmpv6_echo_protocol) = {
	.family = AF_INET6,
	.tcpip = &icmpv6_protocol,
	.request = ICMPV6_ECHO_REQUEST,
	.reply = ICMPV6_ECHO_REPLY,
	.net_checksum = true,
};
