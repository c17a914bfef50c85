/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * IPv4 (RFC 791) as a family of the tcpip layer: per-device addresses
 * (applied from settings), routing, transmission through ARP, and
 * reception: header checks, fragment reassembly and dispatch to the
 * transports with the pseudo-header sum.
 */

#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <net/arp.h>
#include <net/dns_packet.h>
#include <net/ipv4.h>
#include <wireboot/debug.h>
#include <wireboot/errfile.h>
#include <wireboot/features.h>
#include <wireboot/settings.h>
#include "reassembly.h"

#define ERRFILE ERRFILE_ipv4

#define IP_VERSION 4
#define IP_TTL 64
#define IP_FLAG_MF 0x2000
#define IP_OFFSET_MASK 0x1fff
#define IP_MIN_HLEN 20
#define IP_MAX_LEN 0xffff

FEATURE("ipv4");
PROVIDE_OBJECT(ipv4);
/* An IPv4 host answers pings and resolves neighbours; both only plug in
 * through tables. */
REQUIRE_OBJECT(icmp);
REQUIRE_OBJECT(arp);

/* Per device, allocated with it (see struct net_driver). */
struct ipv4_config {
	struct in_addr address;		/* 0: unconfigured */
	struct in_addr netmask;
	struct in_addr gateway;
};

extern const struct net_driver ipv4_net_driver;
extern const struct tcpip_net_protocol ipv4_tcpip_protocol;

static uint16_t next_ident;

/* ---- configuration --------------------------------------------------------- */

/* The configuration of a device that has an address, else NULL. */
static struct ipv4_config *find_config(struct net_device *netdev)
{
	struct ipv4_config *config = netdev_priv(netdev, &ipv4_net_driver);

	return config->address.s_addr ? config : NULL;
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
	struct ipv4_config *config = netdev_priv(netdev, &ipv4_net_driver);

	if (address.s_addr && !netmask_valid(netmask))
		return -EUNIQ(EINVAL, 1);
	if (config->address.s_addr != address.s_addr)
		arp_flush(netdev);
	config->address = address;
	config->netmask = address.s_addr ? netmask : (struct in_addr){ 0 };
	config->gateway = address.s_addr ? gateway : (struct in_addr){ 0 };
	return 0;
}

struct in_addr ipv4_address(struct net_device *netdev)
{
	struct ipv4_config *config = netdev_priv(netdev, &ipv4_net_driver);

	return config->address;
}

void ipv4_config(struct net_device *netdev, struct in_addr *address,
		 struct in_addr *netmask, struct in_addr *gateway)
{
	struct ipv4_config *config = netdev_priv(netdev, &ipv4_net_driver);

	*address = config->address;
	*netmask = config->netmask;
	*gateway = config->gateway;
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

/* ---- settings ------------------------------------------------------------------ */

static int fetch_ipv4_setting(struct net_device *netdev, const char *name,
			      struct in_addr *addr)
{
	addr->s_addr = 0;
	return fetch_setting(&netdev->settings, name, addr, sizeof(*addr),
			     NULL) == sizeof(*addr) ? 0 : -ENOENT;
}

/* The classful mask, as RFC 1122 section 3.3.1.1 allows when none is
 * given. */
static struct in_addr default_netmask(struct in_addr address)
{
	uint32_t host = ntohl(address.s_addr);
	struct in_addr netmask;

	netmask.s_addr = htonl(host < 0x80000000U ? 0xff000000U :
			       host < 0xc0000000U ? 0xffff0000U : 0xffffff00U);
	return netmask;
}

/* Every device takes the configuration its settings describe ("ip",
 * "netmask", "gateway", from DHCP or from a script), whenever they
 * change. A device given an address is opened: a script that sets one
 * means to use it, as DHCP's lease does. */
static int ipv4_apply_settings(void)
{
	struct net_device *netdev;
	int rc = 0;

	for_each_netdev(netdev) {
		struct in_addr address, netmask, gateway;
		int err;

		fetch_ipv4_setting(netdev, "ip", &address);
		if (fetch_ipv4_setting(netdev, "netmask", &netmask) != 0 &&
		    address.s_addr)
			netmask = default_netmask(address);
		fetch_ipv4_setting(netdev, "gateway", &gateway);
		err = ipv4_configure(netdev, address, netmask, gateway);
		if (!err && address.s_addr)
			err = netdev_open(netdev);
		if (err) {
			DBG("%s: IPv4 settings rejected: %s\n", netdev->name,
			    strerror(err));
			rc = err;
		}
	}
	return rc;
}

SETTING_DEFINITION(ip_setting) = { .name = "ip", .type = SETTING_IPV4 };
SETTING_DEFINITION(netmask_setting) = { .name = "netmask", .type = SETTING_IPV4 };
SETTING_DEFINITION(gateway_setting) = { .name = "gateway", .type = SETTING_IPV4 };

SETTINGS_APPLICATOR(ipv4_settings_applicator) = {
	.name = "IPv4",
	.apply = ipv4_apply_settings,
};

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
	if (!netdev) {
		for_each_netdev(netdev) {
			if (find_config(netdev))
				break;
		}
		if (&netdev->list == &net_devices)
			return -EUNIQ(ENETUNREACH, 2);
	}
	route->netdev = netdev;
	route->src = ipv4_address(netdev);
	route->next_hop.s_addr = 0;
	return 0;
}

static int route_via(struct net_device *netdev,
		     const struct ipv4_config *config, struct in_addr dest,
		     struct ipv4_route *route)
{
	route->netdev = netdev;
	route->src = config->address;
	if (subnet_broadcast(config, dest))
		route->next_hop.s_addr = 0;
	else if (on_link(config, dest))
		route->next_hop = dest;
	else if (config->gateway.s_addr)
		route->next_hop = config->gateway;
	else
		return -EUNIQ(ENETUNREACH, 3);
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
		return -EUNIQ(ENETUNREACH, 4);
	if (netdev) {
		config = find_config(netdev);
		return config ? route_via(netdev, config, dest, route) :
				-EUNIQ(ENETUNREACH, 5);
	}
	for_each_netdev(netdev) {
		config = find_config(netdev);
		if (config && on_link(config, dest))
			return route_via(netdev, config, dest, route);
	}
	for_each_netdev(netdev) {
		config = find_config(netdev);
		if (config && config->gateway.s_addr)
			return route_via(netdev, config, dest, route);
	}
	return -EUNIQ(ENETUNREACH, 6);
}

struct ipv4_pseudo_header {
	struct in_addr src;
	struct in_addr dest;
	uint8_t zero;
	uint8_t protocol;
	uint16_t len;
} __packed;

static uint16_t ipv4_pshdr_chksum(struct in_addr src, struct in_addr dest,
				  uint8_t protocol, size_t len)
{
	struct ipv4_pseudo_header pshdr = {
		.src = src,
		.dest = dest,
		.protocol = protocol,
		.len = htons(len),
	};

	return tcpip_chksum(0, &pshdr, sizeof(pshdr));
}

static int ipv4_tx(struct io_buffer *iob, const struct tcpip_protocol *proto,
		   const struct sockaddr_tcpip *st_src,
		   const struct sockaddr_tcpip *st_dest,
		   struct net_device *netdev, uint16_t *trans_csum)
{
	const struct sockaddr_in *sin_src = (const struct sockaddr_in *)st_src;
	const struct sockaddr_in *sin_dest = (const struct sockaddr_in *)st_dest;
	struct in_addr dest = sin_dest->sin_addr;
	struct ipv4_route route;
	struct iphdr *iphdr;
	size_t len;
	int rc;

	if (!netdev) {
		netdev = tcpip_scope_netdev(st_dest);
		/* A scope names one device: never another once it is gone. */
		if (!netdev && st_dest->st_scope_id) {
			rc = -EUNIQ(ENETUNREACH, 9);
			goto drop;
		}
	}
	rc = ipv4_route(dest, netdev, &route);
	if (rc != 0)
		goto drop;
	if (sin_src && sin_src->sin_addr.s_addr)
		route.src = sin_src->sin_addr;
	len = sizeof(*iphdr) + iob_len(iob);
	if (len > route.netdev->mtu) {
		rc = -EUNIQ(EMSGSIZE, 7);
		goto drop;
	}
	if (!route.netdev->ll_protocol ||
	    iob_headroom(iob) <
	    sizeof(*iphdr) + route.netdev->ll_protocol->ll_header_len) {
		rc = -EUNIQ(ENOBUFS, 8);
		goto drop;
	}
	if (trans_csum) {
		/* The transport's sum, completed with what only we know. */
		uint16_t sum = tcpip_chksum(
			ipv4_pshdr_chksum(route.src, dest, proto->tcpip_proto,
					  iob_len(iob)),
			iob->data, iob_len(iob));

		/* Zero would mean "no checksum" to UDP; 0xffff is the same
		 * value in ones' complement arithmetic. */
		*trans_csum = sum == 0xffff ? 0xffff : (uint16_t)~sum;
	}
	iphdr = iob_push(iob, sizeof(*iphdr));
	iphdr->verhdrlen = (IP_VERSION << 4) | (sizeof(*iphdr) / 4);
	iphdr->service = 0;
	iphdr->len = htons(len);
	iphdr->ident = htons(next_ident++);
	iphdr->frags = 0;
	iphdr->ttl = IP_TTL;
	iphdr->protocol = proto->tcpip_proto;
	iphdr->chksum = 0;
	iphdr->src = route.src;
	iphdr->dest = dest;
	iphdr->chksum = ~tcpip_chksum(0, iphdr, sizeof(*iphdr));

	if (!route.next_hop.s_addr)
		return net_tx(iob, route.netdev, &ipv4_protocol,
			      route.netdev->ll_protocol->ll_broadcast);
	return arp_resolve_tx(iob, route.netdev, route.next_hop, iphdr->src);

drop:
	free_iob(iob);
	return rc;
}

static struct net_device *ipv4_route_netdev(const struct sockaddr_tcpip *st)
{
	const struct sockaddr_in *sin = (const struct sockaddr_in *)st;
	struct net_device *netdev = tcpip_scope_netdev(st);
	struct ipv4_route route;

	if ((!netdev && st->st_scope_id) ||
	    ipv4_route(sin->sin_addr, netdev, &route) != 0)
		return NULL;
	return route.netdev;
}

/* ---- reception --------------------------------------------------------------- */

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
		   const void *ll_dest, const void *ll_source, unsigned flags)
{
	struct iphdr *iphdr = iob->data;
	struct sockaddr_in src = { .sin_family = AF_INET };
	struct sockaddr_in dest = { .sin_family = AF_INET };
	size_t hlen, total;
	uint16_t frags;
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
	src.sin_addr = iphdr->src;
	dest.sin_addr = iphdr->dest;
	src.sin_scope_id = dest.sin_scope_id = (uint16_t)(netdev->index + 1);
	frags = ntohs(iphdr->frags);
	if (frags & (IP_FLAG_MF | IP_OFFSET_MASK)) {
		/* A datagram is named by its addresses, identification and
		 * protocol (RFC 791). */
		uint8_t key[11];

		memcpy(key, &iphdr->src, 4);
		memcpy(key + 4, &iphdr->dest, 4);
		memcpy(key + 8, &iphdr->ident, 2);
		key[10] = protocol;
		iob_pull(iob, hlen);
		iob = reassemble(iob, netdev, key, sizeof(key),
				 (size_t)(frags & IP_OFFSET_MASK) * 8,
				 frags & IP_FLAG_MF, IP_MAX_LEN - IP_MIN_HLEN);
		if (!iob)
			return 0;
	} else {
		iob_pull(iob, hlen);
	}
	return tcpip_rx(iob, netdev, protocol, (struct sockaddr_tcpip *)&src,
			(struct sockaddr_tcpip *)&dest,
			ipv4_pshdr_chksum(src.sin_addr, dest.sin_addr, protocol,
					  iob_len(iob)));

drop:
	free_iob(iob);
	return rc;
}

NET_PROTOCOL(ipv4_protocol) = {
	.name = "IPv4",
	.net_proto = htons(NET_PROTO_IPV4),
	.net_addr_len = sizeof(struct in_addr),
	.rx = ipv4_rx,
};

TCPIP_NET_PROTOCOL(ipv4_tcpip_protocol) = {
	.name = "IPv4",
	.sa_family = AF_INET,
	.tx = ipv4_tx,
	.route = ipv4_route_netdev,
	.header_len = sizeof(struct iphdr),
};

NET_DRIVER(ipv4_net_driver) = {
	.name = "IPv4",
	.priv_len = sizeof(struct ipv4_config),
};

/* ---- the address family ------------------------------------------------------ */

static const char *ipv4_sock_ntoa(const struct sockaddr *sa, char *buf,
				  size_t len)
{
	const struct sockaddr_in *sin = (const struct sockaddr_in *)sa;
	char addr[16];

	inet_ntoa_r(sin->sin_addr, addr);
	if (sin->sin_port)
		snprintf(buf, len, "%s:%u", addr, ntohs(sin->sin_port));
	else
		snprintf(buf, len, "%s", addr);
	return buf;
}

static int ipv4_sock_aton(const char *text, struct sockaddr *sa)
{
	struct sockaddr_in *sin = (struct sockaddr_in *)sa;
	struct in_addr addr;

	if (inet_aton(text, &addr) != 0)
		return -EINVAL;
	sin->sin_family = AF_INET;
	sin->sin_addr = addr;
	return 0;
}

SOCKADDR_FAMILY(ipv4_sockaddr_family) = {
	.family = AF_INET,
	.ntoa = ipv4_sock_ntoa,
	.aton = ipv4_sock_aton,
	.dns_type = DNS_TYPE_A,
};
