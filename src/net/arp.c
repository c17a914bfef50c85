/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * ARP (RFC 826), IPv4's neighbour protocol over any link layer that has
 * hardware addresses: the neighbour cache (per device, kept with the
 * device), resolution with retried requests, and answers to requests for
 * our own address.
 */

#include <errno.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <net/arp.h>
#include <net/ipv4.h>
#include <net/netproto.h>
#include <wireboot/debug.h>
#include <wireboot/errfile.h>
#include <wireboot/retry.h>

#define ERRFILE ERRFILE_arp

#define ARP_OP_REQUEST 1
#define ARP_OP_REPLY 2

/* Bounds: entries per device (the least recently used goes), and packets
 * waiting for one neighbour (the oldest goes). Requests are retried with
 * back-off until the interval would pass ARP_RETRY_MAX_US: about four
 * seconds of trying in all. */
#define ARP_CACHE_MAX 32
#define ARP_PENDING_MAX 8
#define ARP_RETRY_MIN_US 250000ULL
#define ARP_RETRY_MAX_US 3000000ULL

/* The fixed part; the addresses follow (sha, spa, tha, tpa), their sizes
 * given by hlen and plen. */
struct arphdr {
	uint16_t htype;
	uint16_t ptype;
	uint8_t hlen;
	uint8_t plen;
	uint16_t op;
} __packed;

struct arp_entry {
	struct list_head list;		/* in the device's cache, recent first */
	struct arp_cache *cache;
	struct in_addr ip;
	struct in_addr src;		/* sender address of our requests */
	uint8_t ll_addr[LL_MAX_ADDR_LEN];
	bool resolved;
	struct list_head pending;	/* packets waiting (io_buffer list) */
	unsigned pending_count;
	struct retry_timer timer;
};

/* Per device, allocated with it (see struct net_driver). */
struct arp_cache {
	struct net_device *netdev;
	struct list_head entries;
	unsigned count;
};

PROVIDE_OBJECT(arp);

extern const struct net_driver arp_net_driver;
extern const struct net_protocol arp_protocol;

static struct arp_cache *arp_cache_of(struct net_device *netdev)
{
	return netdev_priv(netdev, &arp_net_driver);
}

static struct arp_entry *arp_find(struct arp_cache *cache, struct in_addr ip)
{
	struct arp_entry *entry;

	list_for_each_entry(entry, &cache->entries, list) {
		if (entry->ip.s_addr == ip.s_addr)
			return entry;
	}
	return NULL;
}

static void arp_destroy(struct arp_entry *entry)
{
	struct io_buffer *iob, *next;

	list_for_each_entry_safe(iob, next, &entry->pending, list) {
		list_del(&iob->list);
		free_iob(iob);
	}
	stop_timer(&entry->timer);
	list_del(&entry->list);
	entry->cache->count--;
	free(entry);
}

void arp_flush(struct net_device *netdev)
{
	struct arp_cache *cache = arp_cache_of(netdev);
	struct arp_entry *entry, *next;

	list_for_each_entry_safe(entry, next, &cache->entries, list)
		arp_destroy(entry);
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

static void arp_request(struct arp_entry *entry)
{
	static const uint8_t unknown[LL_MAX_ADDR_LEN];
	struct net_device *netdev = entry->cache->netdev;

	DBG2("%s: ARP request for %08x\n", netdev->name,
	     ntohl(entry->ip.s_addr));
	arp_send(netdev, ARP_OP_REQUEST, netdev->ll_protocol->ll_broadcast,
		 entry->src, unknown, entry->ip);
}

static void arp_expired(struct retry_timer *timer, bool fail)
{
	struct arp_entry *entry = container_of(timer, struct arp_entry, timer);

	if (fail) {
		DBG("%s: no ARP reply from %08x\n", entry->cache->netdev->name,
		    ntohl(entry->ip.s_addr));
		arp_destroy(entry);
		return;
	}
	arp_request(entry);
	start_timer(&entry->timer);
}

static struct arp_entry *arp_create(struct arp_cache *cache, struct in_addr ip)
{
	struct arp_entry *entry;

	if (cache->count >= ARP_CACHE_MAX)
		arp_destroy(list_entry(cache->entries.prev, struct arp_entry,
				       list));
	entry = zalloc(sizeof(*entry));
	if (!entry)
		return NULL;
	entry->cache = cache;
	entry->ip = ip;
	INIT_LIST_HEAD(&entry->pending);
	retry_init(&entry->timer, arp_expired, ARP_RETRY_MIN_US,
		   ARP_RETRY_MAX_US);
	list_add(&entry->list, &cache->entries);
	cache->count++;
	return entry;
}

/* Learns (or confirms) a neighbour's address and sends what waited for it. */
static void arp_resolved(struct arp_entry *entry, const void *ll_addr)
{
	struct net_device *netdev = entry->cache->netdev;
	struct io_buffer *iob, *next;

	memcpy(entry->ll_addr, ll_addr, netdev->ll_protocol->ll_addr_len);
	if (entry->resolved)
		return;
	entry->resolved = true;
	stop_timer(&entry->timer);
	list_for_each_entry_safe(iob, next, &entry->pending, list) {
		list_del(&iob->list);
		net_tx(iob, netdev, &ipv4_protocol, entry->ll_addr);
	}
	entry->pending_count = 0;
}

int arp_resolve_tx(struct io_buffer *iob, struct net_device *netdev,
		   struct in_addr next_hop, struct in_addr src)
{
	struct arp_cache *cache = arp_cache_of(netdev);
	struct arp_entry *entry = arp_find(cache, next_hop);

	if (entry) {
		list_del(&entry->list);
		list_add(&entry->list, &cache->entries);
		if (entry->resolved)
			return net_tx(iob, netdev, &ipv4_protocol,
				      entry->ll_addr);
	} else {
		entry = arp_create(cache, next_hop);
		if (!entry) {
			free_iob(iob);
			return -EUNIQ(ENOMEM, 2);
		}
		entry->src = src;
		arp_request(entry);
		start_timer(&entry->timer);
	}
	if (entry->pending_count >= ARP_PENDING_MAX) {
		struct io_buffer *oldest = list_first_entry(
			&entry->pending, struct io_buffer, list);

		list_del(&oldest->list);
		free_iob(oldest);
		entry->pending_count--;
	}
	list_add_tail(&iob->list, &entry->pending);
	entry->pending_count++;
	return 0;
}

static int arp_rx(struct io_buffer *iob, struct net_device *netdev,
		  const void *ll_dest, const void *ll_source, unsigned flags)
{
	const struct ll_protocol *ll = netdev->ll_protocol;
	struct arp_cache *cache = arp_cache_of(netdev);
	struct arphdr *arp = iob->data;
	struct in_addr our_address = ipv4_address(netdev);
	struct in_addr spa, tpa;
	uint8_t *sha, *tha;
	size_t hlen = ll->ll_addr_len, len;
	struct arp_entry *entry;
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
	if (spa.s_addr) {
		entry = arp_find(cache, spa);
		if (!entry && for_us)
			entry = arp_create(cache, spa);
		if (entry)
			arp_resolved(entry, sha);
	}
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
	struct arp_cache *cache = priv;

	cache->netdev = netdev;
	INIT_LIST_HEAD(&cache->entries);
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
	.priv_len = sizeof(struct arp_cache),
	.probe = arp_probe,
	.notify = arp_notify,
	.remove = arp_remove,
};
