/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The transport/network boundary (see net/tcpip.h): dispatch by family on
 * the way down, by protocol number on the way up, and the checksum both
 * sides share.
 */

#include <errno.h>
#include <net/tcpip.h>
#include <wireboot/debug.h>

TABLE_DEFINE(const struct tcpip_protocol, tcpip_protocols);
TABLE_DEFINE(const struct tcpip_net_protocol, tcpip_net_protocols);

static const struct tcpip_net_protocol *find_family(sa_family_t family)
{
	const struct tcpip_net_protocol *net;

	for_each_table_entry(net, tcpip_net_protocols) {
		if (net->sa_family == family)
			return net;
	}
	return NULL;
}

int tcpip_tx(struct io_buffer *iob, const struct tcpip_protocol *proto,
	     const struct sockaddr_tcpip *st_src,
	     const struct sockaddr_tcpip *st_dest, struct net_device *netdev,
	     uint16_t *trans_csum)
{
	const struct tcpip_net_protocol *net = find_family(st_dest->st_family);

	if (!net) {
		DBG("TCP/IP: no network protocol for family %u\n",
		    st_dest->st_family);
		free_iob(iob);
		return -EAFNOSUPPORT;
	}
	return net->tx(iob, proto, st_src, st_dest, netdev, trans_csum);
}

int tcpip_rx(struct io_buffer *iob, struct net_device *netdev,
	     uint8_t tcpip_proto, struct sockaddr_tcpip *st_src,
	     struct sockaddr_tcpip *st_dest, uint16_t pshdr_csum)
{
	const struct tcpip_protocol *proto;

	for_each_table_entry(proto, tcpip_protocols) {
		if (proto->tcpip_proto == tcpip_proto)
			return proto->rx(iob, netdev, st_src, st_dest,
					 pshdr_csum);
	}
	DBG2("%s: ignoring transport protocol %u\n", netdev->name,
	     tcpip_proto);
	free_iob(iob);
	return -EPROTONOSUPPORT;
}

struct net_device *tcpip_route(const struct sockaddr_tcpip *st_dest)
{
	const struct tcpip_net_protocol *net = find_family(st_dest->st_family);

	return net ? net->route(st_dest) : NULL;
}

size_t tcpip_mtu(const struct sockaddr_tcpip *st_dest)
{
	const struct tcpip_net_protocol *net = find_family(st_dest->st_family);
	struct net_device *netdev = net ? net->route(st_dest) : NULL;

	return netdev && netdev->mtu > net->header_len ?
	       netdev->mtu - net->header_len : 0;
}

struct net_device *tcpip_scope_netdev(const struct sockaddr_tcpip *st)
{
	return st && st->st_scope_id ? find_netdev_by_index(st->st_scope_id - 1)
				     : NULL;
}

uint16_t tcpip_chksum(uint16_t partial, const void *data, size_t len)
{
	const uint8_t *bytes = data;
	uint64_t sum = partial;
	size_t i;

	/* Words in memory order: the one's complement sum commutes with byte
	 * swapping (RFC 1071 section 2B), so the result can be stored into a
	 * header as it is on any CPU. Eight bytes at a time as two 32-bit
	 * words, whose halves fold to the same sum (section 2C's deferred
	 * carries): every received segment passes through here. */
	for (i = 0; i + 8 <= len; i += 8) {
		uint64_t words;

		__builtin_memcpy(&words, &bytes[i], 8);
		sum += (words & 0xffffffffU) + (words >> 32);
	}
	for (; i + 1 < len; i += 2) {
		uint16_t word;

		__builtin_memcpy(&word, &bytes[i], 2);
		sum += word;
	}
	if (len & 1) {
		uint16_t last = 0;

		__builtin_memcpy(&last, &bytes[len - 1], 1);
		sum += last;
	}
	while (sum >> 16)
		sum = (sum & 0xffff) + (sum >> 16);
	return (uint16_t)sum;
}
