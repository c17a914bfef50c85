/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The shared neighbour cache (see net/neighbour.h): bounded entries per
 * device (the least recently used goes), a bounded queue per unresolved
 * neighbour (the oldest packet goes), and requests retried with back-off
 * until about four seconds have passed.
 */

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <net/neighbour.h>
#include <wireboot/debug.h>
#include <wireboot/errfile.h>
#include <wireboot/retry.h>

#define ERRFILE ERRFILE_neighbour

#define NEIGHBOUR_CACHE_MAX 32
#define NEIGHBOUR_PENDING_MAX 8
#define NEIGHBOUR_RETRY_MIN_US 250000ULL
#define NEIGHBOUR_RETRY_MAX_US 3000000ULL

PROVIDE_OBJECT(neighbour);

struct neighbour {
	struct list_head list;
	struct neighbour_cache *cache;
	uint8_t net_addr[NEIGHBOUR_MAX_ADDR_LEN];
	uint8_t net_source[NEIGHBOUR_MAX_ADDR_LEN];
	uint8_t ll_addr[LL_MAX_ADDR_LEN];
	bool resolved;
	struct list_head pending;	/* io_buffer list */
	unsigned pending_count;
	struct retry_timer timer;
};

void neighbour_cache_init(struct neighbour_cache *cache,
			  struct net_device *netdev,
			  const struct neighbour_discovery *discovery)
{
	cache->netdev = netdev;
	cache->discovery = discovery;
	INIT_LIST_HEAD(&cache->entries);
	cache->count = 0;
}

static struct neighbour *neighbour_find(struct neighbour_cache *cache,
					const void *net_addr)
{
	struct neighbour *entry;

	list_for_each_entry(entry, &cache->entries, list) {
		if (memcmp(entry->net_addr, net_addr,
			   cache->discovery->addr_len) == 0)
			return entry;
	}
	return NULL;
}

static void neighbour_destroy(struct neighbour *entry)
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

void neighbour_flush(struct neighbour_cache *cache)
{
	struct neighbour *entry, *next;

	if (!cache->discovery)
		return;		/* never set up */
	list_for_each_entry_safe(entry, next, &cache->entries, list)
		neighbour_destroy(entry);
}

static void neighbour_request(struct neighbour *entry)
{
	struct neighbour_cache *cache = entry->cache;

	cache->discovery->request(cache->netdev, entry->net_addr,
				  entry->net_source);
}

static void neighbour_expired(struct retry_timer *timer, bool fail)
{
	struct neighbour *entry = container_of(timer, struct neighbour, timer);

	if (fail) {
		DBG("%s: %s: no answer from a neighbour\n",
		    entry->cache->netdev->name, entry->cache->discovery->name);
		neighbour_destroy(entry);
		return;
	}
	neighbour_request(entry);
	start_timer(&entry->timer);
}

static struct neighbour *neighbour_create(struct neighbour_cache *cache,
					  const void *net_addr)
{
	struct neighbour *entry;

	if (cache->count >= NEIGHBOUR_CACHE_MAX)
		neighbour_destroy(list_entry(cache->entries.prev,
					     struct neighbour, list));
	entry = zalloc(sizeof(*entry));
	if (!entry)
		return NULL;
	entry->cache = cache;
	memcpy(entry->net_addr, net_addr, cache->discovery->addr_len);
	INIT_LIST_HEAD(&entry->pending);
	retry_init(&entry->timer, neighbour_expired, NEIGHBOUR_RETRY_MIN_US,
		   NEIGHBOUR_RETRY_MAX_US);
	list_add(&entry->list, &cache->entries);
	cache->count++;
	return entry;
}

static void neighbour_resolved(struct neighbour *entry, const void *ll_addr)
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
		net_tx(iob, netdev, entry->cache->discovery->net_protocol,
		       entry->ll_addr);
	}
	entry->pending_count = 0;
}

void neighbour_update(struct neighbour_cache *cache, const void *net_addr,
		      const void *ll_addr, bool create)
{
	struct neighbour *entry = neighbour_find(cache, net_addr);

	if (!entry && create)
		entry = neighbour_create(cache, net_addr);
	if (entry)
		neighbour_resolved(entry, ll_addr);
}

const uint8_t *neighbour_lookup(struct neighbour_cache *cache,
				const void *net_addr)
{
	struct neighbour *entry = neighbour_find(cache, net_addr);

	return entry && entry->resolved ? entry->ll_addr : NULL;
}

int neighbour_tx(struct neighbour_cache *cache, struct io_buffer *iob,
		 const void *net_dest, const void *net_source)
{
	const struct neighbour_discovery *discovery = cache->discovery;
	struct neighbour *entry = neighbour_find(cache, net_dest);

	if (entry) {
		list_del(&entry->list);
		list_add(&entry->list, &cache->entries);
		if (entry->resolved)
			return net_tx(iob, cache->netdev,
				      discovery->net_protocol, entry->ll_addr);
	} else {
		entry = neighbour_create(cache, net_dest);
		if (!entry) {
			free_iob(iob);
			return -EUNIQ(ENOMEM, 1);
		}
		memcpy(entry->net_source, net_source, discovery->addr_len);
		neighbour_request(entry);
		start_timer(&entry->timer);
	}
	if (entry->pending_count >= NEIGHBOUR_PENDING_MAX) {
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
