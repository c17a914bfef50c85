/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * IPv6 (RFC 8200) as a family of the tcpip layer (see net/ipv6.h):
 * per-device addresses applied from settings, routing and source address
 * selection, transmission through NDP (or straight to a multicast group's
 * link-layer address), and reception: the extension-header walk
 * (ipv6_packet.c), fragment reassembly (shared with IPv4), and dispatch to
 * the transports with the pseudo-header sum. A packet we must refuse with
 * a parameter problem is answered through ICMPv6.
 */

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <net/icmpv6.h>
#include <net/ipv6.h>
#include <net/ndp.h>
#include <wireboot/byteorder.h>
#include <wireboot/debug.h>
#include <wireboot/errfile.h>
#include <wireboot/features.h>
#include <wireboot/settings.h>
#include "reassembly.h"

#define ERRFILE ERRFILE_ipv6

FEATURE("ipv6");
PROVIDE_OBJECT(ipv6);
/* An IPv6 host needs neighbour discovery and ICMPv6; both plug in only
 * through tables. */
REQUIRE_OBJECT(icmpv6);
REQUIRE_OBJECT(ndp);

#define IPV6_HOP_LIMIT 64
/* Neighbour discovery must arrive with 255 (RFC 4861 section 6.1), and
 * nothing forbids it for the rest of ICMPv6. */
#define IPV6_HOP_LIMIT_ICMP 255
#define IPV6_MAX_ADDRESSES 8
#define IPV6_MAX_REDIRECTS 4
#define IPV6_MAX_PAYLOAD 0xffff

const struct in6_addr ipv6_all_nodes = { { 0xff, 2, [15] = 1 } };
const struct in6_addr ipv6_all_routers = { { 0xff, 2, [15] = 2 } };
const struct in6_addr ipv6_all_dhcp_agents = { { 0xff, 2, [13] = 1, [15] = 2 } };

struct ipv6_address {
	struct in6_addr addr;
	uint8_t prefix_len;		/* on-link prefix */
};

struct ipv6_redirect_entry {
	struct in6_addr dest;
	struct in6_addr target;
};

/* Per device, allocated with it (see struct net_driver). */
struct ipv6_device {
	struct ipv6_address addresses[IPV6_MAX_ADDRESSES];
	unsigned count;
	struct in6_addr gateway;	/* "::": none */
	uint32_t mtu;			/* advertised; 0: the link's */
	struct ipv6_redirect_entry redirects[IPV6_MAX_REDIRECTS];
	unsigned next_redirect;
};

extern const struct net_driver ipv6_net_driver;
extern const struct tcpip_net_protocol ipv6_tcpip_protocol;

/* Set for each packet before its delivery (see ipv6_rx_hop_limit()). */
static uint8_t rx_hop_limit;

static struct ipv6_device *ipv6_device(struct net_device *netdev)
{
	return netdev_priv(netdev, &ipv6_net_driver);
}

/* ---- addresses ------------------------------------------------------------- */

void ipv6_eui64(struct net_device *netdev, const struct in6_addr *prefix,
		struct in6_addr *addr)
{
	const uint8_t *mac = netdev->ll_addr;

	memcpy(addr->s6_addr, prefix->s6_addr, 8);
	addr->s6_addr[8] = mac[0] ^ 0x02;	/* the universal/local bit */
	addr->s6_addr[9] = mac[1];
	addr->s6_addr[10] = mac[2];
	addr->s6_addr[11] = 0xff;
	addr->s6_addr[12] = 0xfe;
	addr->s6_addr[13] = mac[3];
	addr->s6_addr[14] = mac[4];
	addr->s6_addr[15] = mac[5];
}

void ipv6_solicited_node(const struct in6_addr *addr, struct in6_addr *group)
{
	static const struct in6_addr base = {
		{ 0xff, 2, [11] = 1, [12] = 0xff }
	};

	*group = base;
	memcpy(&group->s6_addr[13], &addr->s6_addr[13], 3);
}

void ipv6_sockaddr(struct sockaddr_in6 *sin6, const struct in6_addr *addr,
		   struct net_device *netdev, uint16_t port)
{
	memset(sin6, 0, sizeof(*sin6));
	sin6->sin6_family = AF_INET6;
	sin6->sin6_port = port;
	sin6->sin6_scope_id = netdev ? (uint16_t)(netdev->index + 1) : 0;
	if (addr)
		sin6->sin6_addr = *addr;
}

int ipv6_address(struct net_device *netdev, unsigned i, struct in6_addr *addr,
		 unsigned *prefix_len)
{
	struct ipv6_device *dev = ipv6_device(netdev);

	if (i >= dev->count)
		return -ENOENT;
	*addr = dev->addresses[i].addr;
	*prefix_len = dev->addresses[i].prefix_len;
	return 0;
}

void ipv6_gateway(struct net_device *netdev, struct in6_addr *gateway)
{
	*gateway = ipv6_device(netdev)->gateway;
}

bool ipv6_has_address(struct net_device *netdev, const struct in6_addr *addr)
{
	struct ipv6_device *dev = ipv6_device(netdev);
	unsigned i;

	for (i = 0; i < dev->count; i++) {
		if (memcmp(&dev->addresses[i].addr, addr, sizeof(*addr)) == 0)
			return true;
	}
	return false;
}

static unsigned common_prefix(const struct in6_addr *a,
			      const struct in6_addr *b)
{
	unsigned len = 0;

	while (len < 128 && in6_prefix_match(a, b, len + 1))
		len++;
	return len;
}

int ipv6_source(struct net_device *netdev, const struct in6_addr *dest,
		struct in6_addr *src)
{
	struct ipv6_device *dev = ipv6_device(netdev);
	bool want_link_local = in6_is_link_local(dest) ||
			       (in6_is_multicast(dest) &&
				(dest->s6_addr[1] & 0x0f) <= 2);
	int best = -1;
	unsigned i, best_len = 0;

	/* The scope first (RFC 6724 rule 2), then the longest match. */
	for (i = 0; i < dev->count; i++) {
		const struct in6_addr *addr = &dev->addresses[i].addr;
		unsigned len = common_prefix(addr, dest);

		if (in6_is_link_local(addr) != want_link_local)
			continue;
		if (best < 0 || len > best_len) {
			best = (int)i;
			best_len = len;
		}
	}
	/* A global destination on a link with only a link-local address
	 * (the router may still be configuring us): use that. */
	for (i = 0; best < 0 && i < dev->count; i++)
		best = (int)i;
	if (best < 0)
		return -EUNIQ(ENETUNREACH, 1);
	*src = dev->addresses[best].addr;
	return 0;
}

void ipv6_set_mtu(struct net_device *netdev, uint32_t mtu)
{
	ipv6_device(netdev)->mtu = mtu;
}

void ipv6_redirect(struct net_device *netdev, const struct in6_addr *dest,
		   const struct in6_addr *target)
{
	struct ipv6_device *dev = ipv6_device(netdev);
	struct ipv6_redirect_entry *entry;
	unsigned i;

	for (i = 0; i < IPV6_MAX_REDIRECTS; i++) {
		entry = &dev->redirects[i];
		if (memcmp(&entry->dest, dest, sizeof(*dest)) == 0) {
			entry->target = *target;
			return;
		}
	}
	entry = &dev->redirects[dev->next_redirect++ % IPV6_MAX_REDIRECTS];
	entry->dest = *dest;
	entry->target = *target;
}

/* ---- settings ---------------------------------------------------------------- */

static void add_address(struct ipv6_device *dev, const struct in6_addr *addr,
			unsigned prefix_len)
{
	unsigned i;

	for (i = 0; i < dev->count; i++) {
		if (memcmp(&dev->addresses[i].addr, addr, sizeof(*addr)) == 0)
			return;
	}
	if (dev->count >= IPV6_MAX_ADDRESSES)
		return;
	dev->addresses[dev->count].addr = *addr;
	dev->addresses[dev->count].prefix_len =
		(uint8_t)(prefix_len > 128 ? 128 : prefix_len);
	dev->count++;
}

/* The addresses of one block and, below it, of its children. */
static void collect_block(struct ipv6_device *dev, struct settings *block)
{
	struct settings *child;
	struct in6_addr addr, gateway;
	uint8_t len6 = 64;

	if (fetch_setting_own(block, "ip6", &addr, sizeof(addr), NULL) ==
	    sizeof(addr) && !in6_is_unspecified(&addr) &&
	    !in6_is_multicast(&addr)) {
		fetch_setting_own(block, "len6", &len6, sizeof(len6), NULL);
		add_address(dev, &addr, len6);
	}
	if (in6_is_unspecified(&dev->gateway) &&
	    fetch_setting_own(block, "gateway6", &gateway, sizeof(gateway),
			      NULL) ==
	    sizeof(gateway))
		dev->gateway = gateway;
	list_for_each_entry(child, &block->children, siblings)
		collect_block(dev, child);
}

/* Every device takes the addresses its blocks hold, whenever they
 * change; a device given an address is opened, as for IPv4. */
static int ipv6_apply_settings(void)
{
	struct net_device *netdev;
	int rc = 0;

	for_each_netdev(netdev) {
		struct ipv6_device *dev = ipv6_device(netdev);
		unsigned old_count = dev->count;
		int err = 0;

		dev->count = 0;
		memset(&dev->gateway, 0, sizeof(dev->gateway));
		collect_block(dev, &netdev->settings);
		if (dev->count < old_count)
			ndp_flush(netdev);
		if (dev->count)
			err = netdev_open(netdev);
		if (err) {
			DBG("%s: IPv6 settings rejected: %s\n", netdev->name,
			    strerror(err));
			rc = err;
		}
	}
	return rc;
}

SETTING_DEFINITION(ip6_setting) = { .name = "ip6", .type = SETTING_IPV6 };
SETTING_DEFINITION(len6_setting) = { .name = "len6", .type = SETTING_UINT };
SETTING_DEFINITION(gateway6_setting) = { .name = "gateway6", .type = SETTING_IPV6 };
SETTING_DEFINITION(dns6_setting) = { .name = "dns6", .type = SETTING_IPV6 };

SETTINGS_APPLICATOR(ipv6_settings_applicator) = {
	.name = "IPv6",
	.apply = ipv6_apply_settings,
};

/* ---- routing and transmission -------------------------------------------- */

static bool on_link(struct ipv6_device *dev, const struct in6_addr *dest)
{
	unsigned i;

	for (i = 0; i < dev->count; i++) {
		if (in6_prefix_match(&dev->addresses[i].addr, dest,
				     dev->addresses[i].prefix_len))
			return true;
	}
	return false;
}

/* The next hop to dest through netdev, or -ENETUNREACH. */
static int next_hop(struct net_device *netdev, const struct in6_addr *dest,
		    struct in6_addr *hop)
{
	struct ipv6_device *dev = ipv6_device(netdev);
	unsigned i;

	for (i = 0; i < IPV6_MAX_REDIRECTS; i++) {
		if (!in6_is_unspecified(&dev->redirects[i].dest) &&
		    memcmp(&dev->redirects[i].dest, dest, sizeof(*dest)) == 0) {
			*hop = dev->redirects[i].target;
			return 0;
		}
	}
	if (in6_is_link_local(dest) || in6_is_multicast(dest) ||
	    on_link(dev, dest)) {
		*hop = *dest;
		return 0;
	}
	if (in6_is_unspecified(&dev->gateway))
		return -EUNIQ(ENETUNREACH, 2);
	*hop = dev->gateway;
	return 0;
}

/* The device for dest: named by the scope (link-local and multicast
 * destinations need one), else the first with dest on link, else the
 * first with a default router. */
static struct net_device *ipv6_route_dest(const struct in6_addr *dest,
					  struct net_device *netdev)
{
	if (netdev)
		return netdev;
	if (in6_is_link_local(dest) || in6_is_multicast(dest))
		return NULL;
	for_each_netdev(netdev) {
		if (on_link(ipv6_device(netdev), dest))
			return netdev;
	}
	for_each_netdev(netdev) {
		if (!in6_is_unspecified(&ipv6_device(netdev)->gateway))
			return netdev;
	}
	return NULL;
}

struct ipv6_pseudo_header {
	struct in6_addr src;
	struct in6_addr dest;
	uint32_t len;
	uint8_t zero[3];
	uint8_t next_header;
} __packed;

static uint16_t ipv6_pshdr_chksum(const struct in6_addr *src,
				  const struct in6_addr *dest,
				  uint8_t protocol, size_t len)
{
	struct ipv6_pseudo_header pshdr = {
		.src = *src,
		.dest = *dest,
		.len = htonl(len),
		.next_header = protocol,
	};

	return tcpip_chksum(0, &pshdr, sizeof(pshdr));
}

static int ipv6_tx(struct io_buffer *iob, const struct tcpip_protocol *proto,
		   const struct sockaddr_tcpip *st_src,
		   const struct sockaddr_tcpip *st_dest,
		   struct net_device *netdev, uint16_t *trans_csum)
{
	const struct sockaddr_in6 *sin6_src = (const struct sockaddr_in6 *)st_src;
	const struct sockaddr_in6 *sin6_dest =
		(const struct sockaddr_in6 *)st_dest;
	const struct in6_addr *dest = &sin6_dest->sin6_addr;
	struct ipv6_device *dev;
	struct ipv6_header *hdr;
	struct in6_addr src, hop;
	size_t len = iob_len(iob), mtu;
	int rc;

	if (!netdev) {
		netdev = tcpip_scope_netdev(st_dest);
		if (!netdev && st_dest->st_scope_id) {
			rc = -EUNIQ(ENETUNREACH, 3);
			goto drop;
		}
	}
	netdev = ipv6_route_dest(dest, netdev);
	if (!netdev || in6_is_unspecified(dest)) {
		rc = -EUNIQ(ENETUNREACH, 4);
		goto drop;
	}
	dev = ipv6_device(netdev);
	if (sin6_src && (sin6_src->sin6_flags & IPV6_SRC_UNSPECIFIED)) {
		memset(&src, 0, sizeof(src));
	} else if (sin6_src && !in6_is_unspecified(&sin6_src->sin6_addr)) {
		src = sin6_src->sin6_addr;
	} else {
		rc = ipv6_source(netdev, dest, &src);
		if (rc)
			goto drop;
	}
	rc = next_hop(netdev, dest, &hop);
	if (rc)
		goto drop;
	mtu = dev->mtu && dev->mtu < netdev->mtu ? dev->mtu : netdev->mtu;
	if (len > IPV6_MAX_PAYLOAD || IPV6_HLEN + len > mtu) {
		rc = -EUNIQ(EMSGSIZE, 5);
		goto drop;
	}
	if (!netdev->ll_protocol ||
	    iob_headroom(iob) <
	    (size_t)IPV6_HLEN + netdev->ll_protocol->ll_header_len) {
		rc = -EUNIQ(ENOBUFS, 6);
		goto drop;
	}
	if (trans_csum) {
		uint16_t sum = tcpip_chksum(
			ipv6_pshdr_chksum(&src, dest, proto->tcpip_proto, len),
			iob->data, len);

		/* UDP over IPv6 must never send zero (RFC 8200 8.1). */
		*trans_csum = sum == 0xffff ? 0xffff : (uint16_t)~sum;
	}
	hdr = iob_push(iob, sizeof(*hdr));
	hdr->ver_tc_flow = htonl(IPV6_VERSION << 28);
	hdr->len = htons(len);
	hdr->next_header = proto->tcpip_proto;
	hdr->hop_limit = proto->tcpip_proto == IP_ICMPV6 ? IPV6_HOP_LIMIT_ICMP :
							   IPV6_HOP_LIMIT;
	hdr->src = src;
	hdr->dest = *dest;
	if (in6_is_multicast(dest)) {
		/* 33:33 and the group's last 32 bits (RFC 2464 section 7). */
		uint8_t ll_dest[ETH_ALEN] = { 0x33, 0x33 };

		memcpy(&ll_dest[2], &dest->s6_addr[12], 4);
		return net_tx(iob, netdev, &ipv6_protocol, ll_dest);
	}
	return ndp_tx(iob, netdev, &hop, &src);

drop:
	free_iob(iob);
	return rc;
}

static struct net_device *ipv6_route_netdev(const struct sockaddr_tcpip *st)
{
	const struct sockaddr_in6 *sin6 = (const struct sockaddr_in6 *)st;
	struct net_device *netdev = tcpip_scope_netdev(st);
	struct in6_addr hop;

	if (!netdev && st->st_scope_id)
		return NULL;
	netdev = ipv6_route_dest(&sin6->sin6_addr, netdev);
	if (!netdev || next_hop(netdev, &sin6->sin6_addr, &hop) != 0)
		return NULL;
	return netdev;
}

/* ---- reception --------------------------------------------------------------- */

uint8_t ipv6_rx_hop_limit(void)
{
	return rx_hop_limit;
}

/* Ours: a configured address, all-nodes, or any solicited-node group
 * (NDP checks the target, tentative addresses included). */
static bool ipv6_for_us(struct net_device *netdev, const struct in6_addr *dest)
{
	static const uint8_t solicited_prefix[13] = {
		0xff, 2, [11] = 1, [12] = 0xff
	};

	if (in6_is_multicast(dest))
		return memcmp(dest, &ipv6_all_nodes, sizeof(*dest)) == 0 ||
		       memcmp(dest, solicited_prefix,
			      sizeof(solicited_prefix)) == 0;
	return ipv6_has_address(netdev, dest);
}

static int ipv6_rx(struct io_buffer *iob, struct net_device *netdev,
		   const void *ll_dest, const void *ll_source, unsigned flags)
{
	struct ipv6_header *hdr = iob->data;
	struct sockaddr_in6 src, dest;
	struct ipv6_parsed parsed;
	int rc;

	rc = ipv6_parse(iob->data, iob_len(iob), &parsed);
	if (rc == -EPROTO) {
		/* Unrecognised options in multicast packets stay quiet
		 * unless their type asks (RFC 8200 section 4.2): we stay
		 * quiet for every multicast. */
		if (!in6_is_multicast(&hdr->dest) &&
		    ipv6_for_us(netdev, &hdr->dest))
			icmpv6_param_problem(iob, netdev, parsed.problem_code,
					     parsed.problem_offset);
		goto drop;
	}
	if (rc) {
		DBG("%s: malformed IPv6 packet\n", netdev->name);
		goto drop;
	}
	iob_trim(iob, parsed.total_len);
	if (in6_is_multicast(&hdr->src) || !ipv6_for_us(netdev, &hdr->dest)) {
		rc = -EHOSTUNREACH;
		goto drop;
	}
	/* Copies: a reassembled datagram no longer holds this header. */
	rx_hop_limit = hdr->hop_limit;
	ipv6_sockaddr(&src, &hdr->src, netdev, 0);
	ipv6_sockaddr(&dest, &hdr->dest, netdev, 0);
	if (parsed.fragment) {
		/* A datagram is named by its addresses and identification
		 * (RFC 8200 section 4.5). */
		uint8_t key[36];

		memcpy(key, &hdr->src, 32);
		memcpy(key + 32, &parsed.ident, 4);
		iob_pull(iob, parsed.header_len);
		iob = reassemble(iob, netdev, key, sizeof(key),
				 parsed.frag_offset, parsed.more_fragments,
				 IPV6_MAX_PAYLOAD);
		if (!iob)
			return 0;
	} else {
		iob_pull(iob, parsed.header_len);
	}
	return tcpip_rx(iob, netdev, parsed.protocol,
			(struct sockaddr_tcpip *)&src,
			(struct sockaddr_tcpip *)&dest,
			ipv6_pshdr_chksum(&src.sin6_addr, &dest.sin6_addr,
					  parsed.protocol, iob_len(iob)));

drop:
	free_iob(iob);
	return rc;
}

NET_PROTOCOL(ipv6_protocol) = {
	.name = "IPv6",
	.net_proto = htons(NET_PROTO_IPV6),
	.net_addr_len = sizeof(struct in6_addr),
	.rx = ipv6_rx,
};

TCPIP_NET_PROTOCOL(ipv6_tcpip_protocol) = {
	.name = "IPv6",
	.sa_family = AF_INET6,
	.header_len = IPV6_HLEN,
	.tx = ipv6_tx,
	.route = ipv6_route_netdev,
};

NET_DRIVER(ipv6_net_driver) = {
	.name = "IPv6",
	.priv_len = sizeof(struct ipv6_device),
};

/* ---- the address family ------------------------------------------------------ */

/* "fe80::1%net0" and, with a port, "[2001:db8::1]:69". */
static const char *ipv6_sock_ntoa(const struct sockaddr *sa, char *buf,
				  size_t len)
{
	const struct sockaddr_in6 *sin6 = (const struct sockaddr_in6 *)sa;
	struct net_device *netdev =
		tcpip_scope_netdev((const struct sockaddr_tcpip *)sa);
	char addr[INET6_ADDRSTRLEN];
	char scope[sizeof(netdev->name) + 1] = "";

	inet6_ntoa(&sin6->sin6_addr, addr);
	if (netdev && in6_is_link_local(&sin6->sin6_addr))
		snprintf(scope, sizeof(scope), "%%%s", netdev->name);
	if (sin6->sin6_port)
		snprintf(buf, len, "[%s%s]:%u", addr, scope,
			 ntohs(sin6->sin6_port));
	else
		snprintf(buf, len, "%s%s", addr, scope);
	return buf;
}

/* A scope ("%net0") names a device; it must exist. */
static int ipv6_sock_aton(const char *text, struct sockaddr *sa)
{
	struct sockaddr_in6 *sin6 = (struct sockaddr_in6 *)sa;
	const char *percent = strchr(text, '%');
	char addr_text[INET6_ADDRSTRLEN];
	size_t addr_len = percent ? (size_t)(percent - text) : strlen(text);
	struct net_device *netdev = NULL;
	struct in6_addr addr;

	if (addr_len >= sizeof(addr_text))
		return -EINVAL;
	memcpy(addr_text, text, addr_len);
	addr_text[addr_len] = '\0';
	if (inet6_aton(addr_text, &addr) != 0)
		return -EINVAL;
	if (percent) {
		netdev = find_netdev(percent + 1);
		if (!netdev)
			return -EINVAL;
	}
	sin6->sin6_family = AF_INET6;
	sin6->sin6_addr = addr;
	if (netdev)
		sin6->sin6_scope_id = (uint16_t)(netdev->index + 1);
	return 0;
}

SOCKADDR_FAMILY(ipv6_sockaddr_family) = {
	.family = AF_INET6,
	.ntoa = ipv6_sock_ntoa,
	.aton = ipv6_sock_aton,
};
