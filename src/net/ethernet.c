/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Ethernet II (see net/ethernet.h): the link-layer operations that push
 * and check the 14-byte header, and the net driver that gives every device
 * without a link layer of its own this one.
 */

#include <errno.h>
#include <string.h>
#include <net/ethernet.h>
#include <net/netproto.h>
#include <wireboot/byteorder.h>
#include <wireboot/debug.h>

PROVIDE_OBJECT(ethernet);

const uint8_t eth_broadcast[ETH_ALEN] = { 0xff, 0xff, 0xff, 0xff, 0xff, 0xff };

static int eth_push(struct net_device *netdev, struct io_buffer *iob,
		    const void *ll_dest, const void *ll_source,
		    uint16_t net_proto)
{
	struct ethhdr *ethhdr;

	if (iob_headroom(iob) < sizeof(*ethhdr))
		return -ENOBUFS;
	ethhdr = iob_push(iob, sizeof(*ethhdr));
	memcpy(ethhdr->h_dest, ll_dest, ETH_ALEN);
	memcpy(ethhdr->h_source, ll_source, ETH_ALEN);
	ethhdr->h_protocol = net_proto;
	return 0;
}

static int eth_pull(struct net_device *netdev, struct io_buffer *iob,
		    const void **ll_dest, const void **ll_source,
		    uint16_t *net_proto, unsigned *flags)
{
	struct ethhdr *ethhdr = iob->data;

	if (iob_len(iob) < sizeof(*ethhdr)) {
		DBG("%s: runt frame of %zu bytes\n", netdev->name, iob_len(iob));
		return -EINVAL;
	}
	/* Group addresses (broadcast included) have the low bit of the
	 * first octet set; anything else must be ours. */
	if (ethhdr->h_dest[0] & 0x01) {
		*flags = LL_MULTICAST;
		if (memcmp(ethhdr->h_dest, eth_broadcast, ETH_ALEN) == 0)
			*flags |= LL_BROADCAST;
	} else if (memcmp(ethhdr->h_dest, netdev->ll_addr, ETH_ALEN) != 0) {
		return -ENOENT;
	}
	*ll_dest = ethhdr->h_dest;
	*ll_source = ethhdr->h_source;
	*net_proto = ethhdr->h_protocol;
	iob_pull(iob, sizeof(*ethhdr));
	return 0;
}

const struct ll_protocol ethernet_protocol = {
	.name = "Ethernet",
	.ll_proto = htons(ARPHRD_ETHER),
	.ll_addr_len = ETH_ALEN,
	.ll_header_len = ETH_HLEN,
	.ll_broadcast = eth_broadcast,
	.push = eth_push,
	.pull = eth_pull,
};

static int ethernet_probe(struct net_device *netdev, void *priv)
{
	if (!netdev->ll_protocol)
		netdev->ll_protocol = &ethernet_protocol;
	return 0;
}

NET_DRIVER(ethernet_net_driver) = {
	.name = "Ethernet",
	.probe = ethernet_probe,
};
