/*
 * ARP (RFC 826) for IPv4 over Ethernet: the neighbour cache, resolution
 * with retried requests, and answers to requests for our own address.
 */

#include <errno.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <net/arp.h>
#include <net/ethernet.h>
#include <net/ipv4.h>
#include <wireboot/debug.h>
#include <wireboot/retry.h>

#define ARP_HTYPE_ETHERNET 1
#define ARP_OP_REQUEST 1
#define ARP_OP_REPLY 2

/* Bounds: entries across all devices (the least recently used goes), and
 * packets waiting for one neighbour (the oldest goes). Requests are retried
 * with back-off until the interval would pass ARP_RETRY_MAX_US: about
 * four seconds of trying in all. */
#define ARP_CACHE_MAX 32
#define ARP_PENDING_MAX 8
#define ARP_RETRY_MIN_US 250000ULL
#define ARP_RETRY_MAX_US 3000000ULL

struct arphdr {
	uint16_t htype;
	uint16_t ptype;
	uint8_t hlen;
	uint8_t plen;
	uint16_t op;
	uint8_t sha[ETH_ALEN];
	struct in_addr spa;
	uint8_t tha[ETH_ALEN];
	struct in_addr tpa;
} __packed;

struct arp_entry {
	struct list_head list;		/* in arp_cache, most recent first */
	struct net_device *netdev;	/* holds a reference */
	struct in_addr ip;
	struct in_addr src;		/* sender address of our requests */
	uint8_t ll_addr[ETH_ALEN];
	bool resolved;
	struct list_head pending;	/* packets waiting (io_buffer list) */
	unsigned pending_count;
	struct retry_timer timer;
};

PROVIDE_OBJECT(arp);

static LIST_HEAD(arp_cache);
static unsigned arp_cache_count;

static struct arp_entry *arp_find(struct net_device *netdev, struct in_addr ip)
{
	struct arp_entry *entry;

	list_for_each_entry(entry, &arp_cache, list) {
		if (entry->netdev == netdev && entry->ip.s_addr == ip.s_addr)
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
	arp_cache_count--;
	netdev_put(entry->netdev);
	free(entry);
}

void arp_flush(struct net_device *netdev)
{
	struct arp_entry *entry, *next;

	list_for_each_entry_safe(entry, next, &arp_cache, list) {
		if (entry->netdev == netdev)
			arp_destroy(entry);
	}
}

static int arp_send(struct net_device *netdev, uint16_t op,
		    const uint8_t *ll_dest, struct in_addr spa,
		    const uint8_t *tha, struct in_addr tpa)
{
	struct io_buffer *iob = alloc_net_iob(sizeof(struct arphdr));
	struct arphdr *arp;

	if (!iob)
		return -ENOMEM;
	arp = iob_put(iob, sizeof(*arp));
	arp->htype = htons(ARP_HTYPE_ETHERNET);
	arp->ptype = htons(ETH_P_IP);
	arp->hlen = ETH_ALEN;
	arp->plen = sizeof(struct in_addr);
	arp->op = htons(op);
	memcpy(arp->sha, netdev->ll_addr, ETH_ALEN);
	arp->spa = spa;
	memcpy(arp->tha, tha, ETH_ALEN);
	arp->tpa = tpa;
	return net_tx(iob, netdev, ETH_P_ARP, ll_dest);
}

static void arp_request(struct arp_entry *entry)
{
	static const uint8_t unknown[ETH_ALEN];

	DBG2("%s: ARP request for %08x\n", entry->netdev->name,
	     ntohl(entry->ip.s_addr));
	arp_send(entry->netdev, ARP_OP_REQUEST, eth_broadcast, entry->src,
		 unknown, entry->ip);
}

static void arp_expired(struct retry_timer *timer, bool fail)
{
	struct arp_entry *entry = container_of(timer, struct arp_entry, timer);

	if (fail) {
		DBG("%s: no ARP reply from %08x\n", entry->netdev->name,
		    ntohl(entry->ip.s_addr));
		arp_destroy(entry);
		return;
	}
	arp_request(entry);
	start_timer(&entry->timer);
}

static struct arp_entry *arp_create(struct net_device *netdev,
				    struct in_addr ip)
{
	struct arp_entry *entry;

	if (arp_cache_count >= ARP_CACHE_MAX)
		arp_destroy(list_entry(arp_cache.prev, struct arp_entry, list));
	entry = zalloc(sizeof(*entry));
	if (!entry)
		return NULL;
	netdev_get(netdev);
	entry->netdev = netdev;
	entry->ip = ip;
	INIT_LIST_HEAD(&entry->pending);
	retry_init(&entry->timer, arp_expired, ARP_RETRY_MIN_US,
		   ARP_RETRY_MAX_US);
	list_add(&entry->list, &arp_cache);
	arp_cache_count++;
	return entry;
}

/* Learns (or confirms) a neighbour's address and sends what waited for it. */
static void arp_resolved(struct arp_entry *entry, const uint8_t *ll_addr)
{
	struct io_buffer *iob, *next;

	memcpy(entry->ll_addr, ll_addr, ETH_ALEN);
	if (entry->resolved)
		return;
	entry->resolved = true;
	stop_timer(&entry->timer);
	list_for_each_entry_safe(iob, next, &entry->pending, list) {
		list_del(&iob->list);
		net_tx(iob, entry->netdev, ETH_P_IP, entry->ll_addr);
	}
	entry->pending_count = 0;
}

int arp_resolve_tx(struct io_buffer *iob, struct net_device *netdev,
		   struct in_addr next_hop, struct in_addr src)
{
	struct arp_entry *entry = arp_find(netdev, next_hop);

	if (entry) {
		list_del(&entry->list);
		list_add(&entry->list, &arp_cache);
		if (entry->resolved)
			return net_tx(iob, netdev, ETH_P_IP, entry->ll_addr);
	} else {
		entry = arp_create(netdev, next_hop);
		if (!entry) {
			free_iob(iob);
			return -ENOMEM;
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
		  const uint8_t *ll_source __unused,
		  const uint8_t *ll_dest __unused)
{
	struct arphdr *arp = iob->data;
	struct arp_entry *entry;
	struct in_addr our_address = ipv4_address(netdev);
	bool for_us;
	uint16_t op;
	int rc = -EINVAL;

	if (iob_len(iob) < sizeof(*arp) ||
	    arp->htype != htons(ARP_HTYPE_ETHERNET) ||
	    arp->ptype != htons(ETH_P_IP) || arp->hlen != ETH_ALEN ||
	    arp->plen != sizeof(struct in_addr)) {
		DBG("%s: malformed ARP packet\n", netdev->name);
		goto drop;
	}
	op = ntohs(arp->op);
	/* A group address never answers for a host. */
	if ((op != ARP_OP_REQUEST && op != ARP_OP_REPLY) || (arp->sha[0] & 1))
		goto drop;
	for_us = our_address.s_addr && arp->tpa.s_addr == our_address.s_addr;

	/* Update what we know; learn a neighbour that asks for us, since we
	 * are about to talk to it. Probes (sender 0.0.0.0) teach nothing. */
	if (arp->spa.s_addr) {
		entry = arp_find(netdev, arp->spa);
		if (!entry && for_us)
			entry = arp_create(netdev, arp->spa);
		if (entry)
			arp_resolved(entry, arp->sha);
	}
	if (op != ARP_OP_REQUEST || !for_us) {
		rc = 0;
		goto drop;
	}
	/* The reply is the request turned around, in the same buffer. */
	arp->op = htons(ARP_OP_REPLY);
	memcpy(arp->tha, arp->sha, ETH_ALEN);
	arp->tpa = arp->spa;
	memcpy(arp->sha, netdev->ll_addr, ETH_ALEN);
	arp->spa = our_address;
	iob_trim(iob, sizeof(*arp));
	return net_tx(iob, netdev, ETH_P_ARP, arp->tha);

drop:
	free_iob(iob);
	return rc;
}

NET_PROTOCOL(arp_protocol) = {
	.name = "ARP",
	.ethertype = htons(ETH_P_ARP),
	.rx = arp_rx,
};
