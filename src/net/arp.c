/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * ARP (RFC 826), IPv4's neighbour protocol over any link layer that has
 * hardware addresses: requests and answers for our own address over the
 * neighbour cache NDP shares (net/neighbour.h), kept with the device.
 */

#include <errno.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <net/arp.h>
#include <net/ipv4.h>
#include <net/neighbour.h>
#include <net/netproto.h>
#include <wireboot/debug.h>
#include <wireboot/errfile.h>

#define ERRFILE ERRFILE_arp

#define ARP_OP_REQUEST 1
#define ARP_OP_REPLY 2

/* The fixed part; the addresses follow (sha, spa, tha, tpa), their sizes
 * given by hlen and plen. */
struct arphdr {
	uint16_t htype;
	uint16_t ptype;
	uint8_t hlen;
	uint8_t plen;
	uint16_t op;
} __packed;

PROVIDE_OBJECT(arp);

extern const struct net_driver arp_net_driver;
extern const struct net_protocol arp_protocol;

/* Per device, allocated with it (see struct net_driver). */
static struct neighbour_cache *arp_cache_of(struct net_device *netdev)
{
	return netdev_priv(netdev, &arp_net_driver);
}

void arp_flush(struct net_device *netdev)
{
	neighbour_flush(arp_cache_of(netdev));
}

static int arp_send(struct net_device *netdev, uint16_t op,
		    const void *ll_dest, struct in_addr spa, const void *tha,
		    struct in_addr tpa)
{
	const struct ll_protocol *ll = netdev->ll_protocol;
	size_t hlen = ll->ll_addr_len;
	size_t len = sizeof(struct arphdr) + 2 * (hlen + sizeof(spa));
	struct io_buffer *iob = alloc_net_iob(len);
	struct arphdr *arp;
	uint8_t *addrs;

	if (!iob)
		return -EUNIQ(ENOMEM, 1);
	arp = iob_put(iob, len);
	arp->htype = ll->ll_proto;
	arp->ptype = ipv4_protocol.net_proto;
	arp->hlen = (uint8_t)hlen;
	arp->plen = sizeof(struct in_addr);
	arp->op = htons(op);
	addrs = (uint8_t *)(arp + 1);
	memcpy(addrs, netdev->ll_addr, hlen);
	memcpy(addrs + hlen, &spa, sizeof(spa));
	memcpy(addrs + hlen + 4, tha, hlen);
	memcpy(addrs + 2 * hlen + 4, &tpa, sizeof(tpa));
	return net_tx(iob, netdev, &arp_protocol, ll_dest);
}

static void arp_request(struct net_device *netdev, const void *net_dest,
			const void *net_source)
{
	static const uint8_t unknown[LL_MAX_ADDR_LEN];
	struct in_addr target, src;

	memcpy(&target, net_dest, sizeof(target));
	memcpy(&src, net_source, sizeof(src));
	DBG2("%s: ARP request for %08x\n", netdev->name, ntohl(target.s_addr));
	arp_send(netdev, ARP_OP_REQUEST, netdev->ll_protocol->ll_broadcast,
		 src, unknown, target);
}

static const struct neighbour_discovery arp_discovery = {
	.name = "ARP",
	.net_protocol = &ipv4_protocol,
	.addr_len = sizeof(struct in_addr),
	.request = arp_request,
};

int arp_resolve_tx(struct io_buffer *iob, struct net_device *netdev,
		   struct in_addr next_hop, struct in_addr src)
{
	return neighbour_tx(arp_cache_of(netdev), iob, &next_hop, &src);
}

static int arp_rx(struct io_buffer *iob, struct net_device *netdev,
		  const void *ll_dest, const void *ll_source, unsigned flags)
{
	const struct ll_protocol *ll = netdev->ll_protocol;
	struct neighbour_cache *cache = arp_cache_of(netdev);
	struct arphdr *arp = iob->data;
	struct in_addr our_address = ipv4_address(netdev);
	struct in_addr spa, tpa;
	uint8_t *sha, *tha;
	size_t hlen = ll->ll_addr_len, len;
	bool for_us;
	uint16_t op;
	int rc = -EUNIQ(EINVAL, 3);

	len = sizeof(*arp) + 2 * (hlen + sizeof(struct in_addr));
	if (iob_len(iob) < len || arp->htype != ll->ll_proto ||
	    arp->ptype != ipv4_protocol.net_proto || arp->hlen != hlen ||
	    arp->plen != sizeof(struct in_addr)) {
		DBG("%s: malformed ARP packet\n", netdev->name);
		goto drop;
	}
	sha = (uint8_t *)(arp + 1);
	tha = sha + hlen + 4;
	memcpy(&spa, sha + hlen, 4);
	memcpy(&tpa, tha + hlen, 4);
	op = ntohs(arp->op);
	/* A group address never answers for a host. */
	if ((op != ARP_OP_REQUEST && op != ARP_OP_REPLY) || (sha[0] & 1))
		goto drop;
	for_us = our_address.s_addr && tpa.s_addr == our_address.s_addr;

	/* Update what we know; learn a neighbour that asks for us, since we
	 * are about to talk to it. Probes (sender 0.0.0.0) teach nothing. */
	if (spa.s_addr)
		neighbour_update(cache, &spa, sha, for_us);
	if (op != ARP_OP_REQUEST || !for_us) {
		rc = 0;
		goto drop;
	}
	/* The reply is the request turned around, in the same buffer. */
	arp->op = htons(ARP_OP_REPLY);
	memcpy(tha, sha, hlen);
	memcpy(tha + hlen, &spa, 4);
	memcpy(sha, netdev->ll_addr, hlen);
	memcpy(sha + hlen, &our_address, 4);
	iob_trim(iob, len);
	return net_tx(iob, netdev, &arp_protocol, tha);

drop:
	free_iob(iob);
	return rc;
}

NET_PROTOCOL(arp_protocol) = {
	.name = "ARP",
	.net_proto = htons(NET_PROTO_ARP),
	.net_addr_len = sizeof(struct in_addr),
	.rx = arp_rx,
};

static int arp_probe(struct net_device *netdev, void *priv)
{
	neighbour_cache_init(priv, netdev, &arp_discovery);
	return 0;
}

/* A closed device forgets its neighbours (and drops what waited). */
static void arp_notify(struct net_device *netdev, void *priv)
{
	if (!netdev->is_open)
		arp_flush(netdev);
}

static void arp_remove(struct net_device *netdev, void *priv)
{
	arp_flush(netdev);
}

NET_DRIVER(arp_net_driver) = {
	.name = "ARP",
	.priv_len = sizeof(struct neighbour_cache),
	.probe = arp_probe,
	.notify = arp_notify,
	.remove = arp_remove,
};
