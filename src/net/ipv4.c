/*
 * IPv4 (RFC 791): per-device addresses, routing, transmission through ARP,
 * and reception: header checks, fragment reassembly and dispatch to the
 * transport protocols.
 */

#include <errno.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <net/arp.h>
#include <net/ethernet.h>
#include <net/ipv4.h>
#include <wireboot/debug.h>
#include <wireboot/features.h>
#include "ipv4_reassembly.h"

#define IP_VERSION 4
#define IP_TTL 64

TABLE_DEFINE(const struct ip_protocol, ip_protocols);
FEATURE("ipv4");
PROVIDE_OBJECT(ipv4);
/* An IPv4 host answers pings; ICMP only plugs in through the table. */
REQUIRE_OBJECT(icmp);

struct ipv4_config {
	struct list_head list;
	struct net_device *netdev;	/* holds a reference */
	struct in_addr address;
	struct in_addr netmask;
	struct in_addr gateway;
};

static LIST_HEAD(ipv4_configs);

static uint16_t next_ident;

/* ---- configuration --------------------------------------------------------- */

static struct ipv4_config *find_config(struct net_device *netdev)
{
	struct ipv4_config *config;

	list_for_each_entry(config, &ipv4_configs, list) {
		if (config->netdev == netdev)
			return config;
	}
	return NULL;
}

/* A netmask is a run of ones followed by zeros. */
static bool netmask_valid(struct in_addr netmask)
{
	uint32_t inverse = ~ntohl(netmask.s_addr);

	return (inverse & (inverse + 1)) == 0;
}

int ipv4_configure(struct net_device *netdev, struct in_addr address,
		   struct in_addr netmask, struct in_addr gateway)
{
	struct ipv4_config *config = find_config(netdev);

	if (!address.s_addr) {
		if (config) {
			list_del(&config->list);
			netdev_put(config->netdev);
			free(config);
		}
		arp_flush(netdev);
		return 0;
	}
	if (!netmask_valid(netmask))
		return -EINVAL;
	if (!config) {
		config = zalloc(sizeof(*config));
		if (!config)
			return -ENOMEM;
		netdev_get(netdev);
		config->netdev = netdev;
		list_add_tail(&config->list, &ipv4_configs);
	}
	config->address = address;
	config->netmask = netmask;
	config->gateway = gateway;
	return 0;
}

/* A device going away takes its configuration and ARP entries with it. */
static void ipv4_forget_device(struct net_device *netdev)
{
	struct in_addr none = { 0 };

	ipv4_configure(netdev, none, none, none);
}

NETDEV_REMOVAL_HOOK(ipv4_removal_hook) = {
	.removed = ipv4_forget_device,
};

struct in_addr ipv4_address(struct net_device *netdev)
{
	struct ipv4_config *config = find_config(netdev);
	struct in_addr none = { 0 };

	return config ? config->address : none;
}

static bool on_link(const struct ipv4_config *config, struct in_addr dest)
{
	return ((dest.s_addr ^ config->address.s_addr) &
		config->netmask.s_addr) == 0;
}

static bool subnet_broadcast(const struct ipv4_config *config,
			     struct in_addr dest)
{
	return config->netmask.s_addr != INADDR_BROADCAST &&
	       dest.s_addr == (config->address.s_addr | ~config->netmask.s_addr);
}

static bool is_multicast(struct in_addr addr)
{
	return (ntohl(addr.s_addr) & 0xf0000000U) == 0xe0000000U;
}

/* ---- routing and transmission ------------------------------------------------ */

struct ipv4_route {
	struct net_device *netdev;
	struct in_addr src;
	struct in_addr next_hop;	/* 0: link-layer broadcast */
};

/* Limited broadcast goes out on the given device (DHCP, before any address
 * exists), or on the first configured one. */
static int route_broadcast(struct net_device *netdev, struct ipv4_route *route)
{
	struct ipv4_config *config;

	if (!netdev) {
		config = list_first_entry(&ipv4_configs, struct ipv4_config, list);
		if (!config)
			return -ENETUNREACH;
		netdev = config->netdev;
	}
	route->netdev = netdev;
	route->src = ipv4_address(netdev);
	route->next_hop.s_addr = 0;
	return 0;
}

static int route_via(const struct ipv4_config *config, struct in_addr dest,
		     struct ipv4_route *route)
{
	route->netdev = config->netdev;
	route->src = config->address;
	if (subnet_broadcast(config, dest))
		route->next_hop.s_addr = 0;
	else if (on_link(config, dest))
		route->next_hop = dest;
	else if (config->gateway.s_addr)
		route->next_hop = config->gateway;
	else
		return -ENETUNREACH;
	return 0;
}

/* On-link destinations first, then the first device with a gateway. */
static int ipv4_route(struct in_addr dest, struct net_device *netdev,
		      struct ipv4_route *route)
{
	struct ipv4_config *config;

	if (dest.s_addr == INADDR_BROADCAST)
		return route_broadcast(netdev, route);
	if (!dest.s_addr || is_multicast(dest))
		return -ENETUNREACH;
	if (netdev) {
		config = find_config(netdev);
		return config ? route_via(config, dest, route) : -ENETUNREACH;
	}
	list_for_each_entry(config, &ipv4_configs, list) {
		if (on_link(config, dest))
			return route_via(config, dest, route);
	}
	list_for_each_entry(config, &ipv4_configs, list) {
		if (config->gateway.s_addr)
			return route_via(config, dest, route);
	}
	return -ENETUNREACH;
}

int ipv4_source_address(struct in_addr dest, struct net_device *netdev,
			struct in_addr *src)
{
	struct ipv4_route route;
	int rc = ipv4_route(dest, netdev, &route);

	if (rc == 0)
		*src = route.src;
	return rc;
}

uint16_t tcpip_chksum(uint16_t partial, const void *data, size_t len)
{
	const uint8_t *bytes = data;
	uint64_t sum = partial;
	size_t i;

	/* Words in memory order: the CPU is little-endian, and the one's
	 * complement sum commutes with byte swapping, so the result can be
	 * stored into a header as it is. */
	for (i = 0; i + 1 < len; i += 2)
		sum += (uint16_t)(bytes[i] | (bytes[i + 1] << 8));
	if (len & 1)
		sum += bytes[len - 1];
	while (sum >> 16)
		sum = (sum & 0xffff) + (sum >> 16);
	return (uint16_t)sum;
}

int ipv4_tx(struct io_buffer *iob, uint8_t protocol, struct in_addr src,
	    struct in_addr dest, struct net_device *netdev)
{
	struct ipv4_route route;
	struct iphdr *iphdr;
	size_t len;
	int rc;

	rc = ipv4_route(dest, netdev, &route);
	if (rc != 0)
		goto drop;
	len = sizeof(*iphdr) + iob_len(iob);
	if (len > route.netdev->mtu) {
		rc = -EMSGSIZE;
		goto drop;
	}
	if (iob_headroom(iob) < sizeof(*iphdr) + ETH_HLEN) {
		rc = -ENOBUFS;
		goto drop;
	}
	iphdr = iob_push(iob, sizeof(*iphdr));
	iphdr->verhdrlen = (IP_VERSION << 4) | (sizeof(*iphdr) / 4);
	iphdr->service = 0;
	iphdr->len = htons(len);
	iphdr->ident = htons(next_ident++);
	iphdr->frags = 0;
	iphdr->ttl = IP_TTL;
	iphdr->protocol = protocol;
	iphdr->chksum = 0;
	iphdr->src = src.s_addr ? src : route.src;
	iphdr->dest = dest;
	iphdr->chksum = ~tcpip_chksum(0, iphdr, sizeof(*iphdr));

	if (!route.next_hop.s_addr)
		return net_tx(iob, route.netdev, ETH_P_IP, eth_broadcast);
	return arp_resolve_tx(iob, route.netdev, route.next_hop, iphdr->src);

drop:
	free_iob(iob);
	return rc;
}

/* ---- reception --------------------------------------------------------------- */

static int ipv4_deliver(struct io_buffer *iob, struct net_device *netdev,
			uint8_t protocol, struct in_addr src,
			struct in_addr dest)
{
	const struct ip_protocol *ip_protocol;

	for_each_table_entry(ip_protocol, ip_protocols) {
		if (ip_protocol->protocol == protocol)
			return ip_protocol->rx(iob, netdev, src, dest);
	}
	DBG2("%s: ignoring IP protocol %u\n", netdev->name, protocol);
	free_iob(iob);
	return -ENOTSUP;
}

/* Before a device has an address, it takes every unicast datagram: a DHCP
 * server may send its offer to the address it offers. */
static bool ipv4_for_us(struct net_device *netdev, struct in_addr dest)
{
	struct ipv4_config *config = find_config(netdev);

	if (dest.s_addr == INADDR_BROADCAST)
		return true;
	if (!config)
		return !is_multicast(dest);
	return dest.s_addr == config->address.s_addr ||
	       subnet_broadcast(config, dest);
}

static int ipv4_rx(struct io_buffer *iob, struct net_device *netdev,
		   const uint8_t *ll_source __unused,
		   const uint8_t *ll_dest __unused)
{
	struct iphdr *iphdr = iob->data;
	struct in_addr src, dest;
	size_t hlen, total;
	uint8_t protocol;
	int rc = -EINVAL;

	if (iob_len(iob) < IP_MIN_HLEN) {
		DBG("%s: IP packet too short (%zu bytes)\n", netdev->name,
		    iob_len(iob));
		goto drop;
	}
	hlen = (size_t)(iphdr->verhdrlen & 0x0f) * 4;
	if ((iphdr->verhdrlen >> 4) != IP_VERSION || hlen < IP_MIN_HLEN ||
	    hlen > iob_len(iob)) {
		DBG("%s: bad IP version/header length %#02x\n", netdev->name,
		    iphdr->verhdrlen);
		goto drop;
	}
	if (tcpip_chksum(0, iphdr, hlen) != 0xffff) {
		DBG("%s: bad IP header checksum\n", netdev->name);
		goto drop;
	}
	total = ntohs(iphdr->len);
	if (total < hlen || total > iob_len(iob)) {
		DBG("%s: bad IP length %zu (have %zu)\n", netdev->name, total,
		    iob_len(iob));
		goto drop;
	}
	/* Beyond the IP length is link-layer padding. */
	iob_trim(iob, total);
	if (iphdr->src.s_addr == INADDR_BROADCAST || is_multicast(iphdr->src) ||
	    !ipv4_for_us(netdev, iphdr->dest)) {
		rc = -EHOSTUNREACH;
		goto drop;
	}
	/* Copies: a reassembled datagram no longer holds this header. */
	protocol = iphdr->protocol;
	src = iphdr->src;
	dest = iphdr->dest;
	if (ntohs(iphdr->frags) & (IP_FLAG_MF | IP_OFFSET_MASK)) {
		iob = ipv4_reassemble(iob, netdev, iphdr, hlen);
		if (!iob)
			return 0;
	} else {
		iob_pull(iob, hlen);
	}
	return ipv4_deliver(iob, netdev, protocol, src, dest);

drop:
	free_iob(iob);
	return rc;
}

NET_PROTOCOL(ipv4_protocol) = {
	.name = "IPv4",
	.ethertype = htons(ETH_P_IP),
	.rx = ipv4_rx,
};
