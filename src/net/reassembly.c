/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Fragment reassembly (see reassembly.h), one implementation for IPv4 and
 * IPv6 (RFC 791, RFC 8200 section 4.5). Pieces are kept per datagram (its
 * family's key and the device) in offset order; memory is bounded by the
 * number of datagrams and pieces, and an incomplete datagram is dropped
 * after a timeout.
 */

#include <errno.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <wireboot/debug.h>
#include <wireboot/retry.h>
#include "reassembly.h"

/* Reassembly bounds: a few datagrams at once, each of a limited number of
 * pieces, abandoned if incomplete after the timeout (RFC 791 suggests 15 s
 * as the lower bound; RFC 8200 says 60 s at most). The oldest datagram makes room for a new one. */
#define REASSEMBLY_MAX_DATAGRAMS 4
#define REASSEMBLY_MAX_FRAGMENTS 64
#define REASSEMBLY_TIMEOUT_US 15000000ULL

/* One piece of a datagram being reassembled; iob data is its payload. */
struct fragment {
	struct list_head list;
	size_t offset;
	struct io_buffer *iob;
};

struct reassembly {
	struct list_head list;
	struct net_device *netdev;	/* holds a reference */
	uint8_t key[REASSEMBLY_KEY_MAX];
	size_t key_len;
	size_t max_len;
	struct list_head fragments;	/* sorted by offset, never overlapping */
	unsigned fragment_count;
	size_t received;		/* payload bytes held */
	size_t total;			/* payload length, once the last piece came */
	bool have_last;
	struct retry_timer timer;
};

static LIST_HEAD(reassemblies);
static unsigned reassembly_count;

static void free_reassembly(struct reassembly *reassembly)
{
	struct fragment *fragment, *next;

	list_for_each_entry_safe(fragment, next, &reassembly->fragments, list) {
		free_iob(fragment->iob);
		free(fragment);
	}
	stop_timer(&reassembly->timer);
	list_del(&reassembly->list);
	reassembly_count--;
	netdev_put(reassembly->netdev);
	free(reassembly);
}

static void reassembly_expired(struct retry_timer *timer, bool fail __unused)
{
	struct reassembly *reassembly =
		container_of(timer, struct reassembly, timer);

	DBG("%s: IP datagram incomplete, dropped\n", reassembly->netdev->name);
	free_reassembly(reassembly);
}

static struct reassembly *find_reassembly(struct net_device *netdev,
					  const void *key, size_t key_len)
{
	struct reassembly *reassembly;

	list_for_each_entry(reassembly, &reassemblies, list) {
		if (reassembly->netdev == netdev &&
		    reassembly->key_len == key_len &&
		    memcmp(reassembly->key, key, key_len) == 0)
			return reassembly;
	}
	return NULL;
}

static struct reassembly *new_reassembly(struct net_device *netdev,
					 const void *key, size_t key_len,
					 size_t max_len)
{
	struct reassembly *reassembly;

	if (reassembly_count >= REASSEMBLY_MAX_DATAGRAMS)
		free_reassembly(list_first_entry(&reassemblies,
						 struct reassembly, list));
	reassembly = zalloc(sizeof(*reassembly));
	if (!reassembly)
		return NULL;
	netdev_get(netdev);
	reassembly->netdev = netdev;
	memcpy(reassembly->key, key, key_len);
	reassembly->key_len = key_len;
	reassembly->max_len = max_len;
	INIT_LIST_HEAD(&reassembly->fragments);
	retry_init(&reassembly->timer, reassembly_expired, 0, 0);
	start_timer_fixed(&reassembly->timer, REASSEMBLY_TIMEOUT_US);
	list_add_tail(&reassembly->list, &reassemblies);
	reassembly_count++;
	return reassembly;
}

/* Joins the pieces into one buffer, with headroom so that a reply can be
 * built in it. */
static struct io_buffer *join_fragments(struct reassembly *reassembly)
{
	struct fragment *fragment;
	struct io_buffer *iob = alloc_net_iob(reassembly->total);

	if (!iob)
		return NULL;
	list_for_each_entry(fragment, &reassembly->fragments, list) {
		memcpy((char *)iob->data + fragment->offset,
		       fragment->iob->data, iob_len(fragment->iob));
	}
	iob_put(iob, reassembly->total);
	return iob;
}

/*
 * Adds a fragment (iob data = payload at byte offset, more_follow from the
 * MF flag). Overlapping pieces abandon the whole datagram: rewriting data
 * already received is how reassembly attacks work, and an honest sender
 * never needs it. Returns 0 when the piece was taken, or an error when it
 * (and maybe the datagram) was dropped.
 */
static int add_fragment(struct reassembly *reassembly, struct io_buffer *iob,
			size_t offset, bool more_follow)
{
	size_t len = iob_len(iob), end = offset + len, max_end = 0;
	struct fragment *fragment, *before = NULL;

	if (end > reassembly->max_len)
		return -EMSGSIZE;
	if (!more_follow) {
		if (reassembly->have_last && reassembly->total != end)
			return -EINVAL;
		reassembly->have_last = true;
		reassembly->total = end;
	}
	list_for_each_entry(fragment, &reassembly->fragments, list) {
		size_t fragment_end = fragment->offset + iob_len(fragment->iob);

		if (fragment->offset == offset && fragment_end == end)
			return -EALREADY;
		if (offset < fragment_end && fragment->offset < end)
			return -EINVAL;
		if (fragment->offset < offset)
			before = fragment;
		if (fragment_end > max_end)
			max_end = fragment_end;
	}
	if (reassembly->have_last &&
	    (end > reassembly->total || max_end > reassembly->total))
		return -EINVAL;
	if (reassembly->fragment_count >= REASSEMBLY_MAX_FRAGMENTS)
		return -ENOBUFS;
	fragment = malloc(sizeof(*fragment));
	if (!fragment)
		return -ENOMEM;
	fragment->offset = offset;
	fragment->iob = iob;
	list_add(&fragment->list, before ? &before->list : &reassembly->fragments);
	reassembly->fragment_count++;
	reassembly->received += len;
	return 0;
}

struct io_buffer *reassemble(struct io_buffer *iob, struct net_device *netdev,
			     const void *key, size_t key_len, size_t offset,
			     bool more_follow, size_t max_len)
{
	struct reassembly *reassembly;
	int rc;

	/* Every piece but the last carries a multiple of 8 bytes. */
	if (key_len > REASSEMBLY_KEY_MAX || iob_len(iob) == 0 ||
	    (more_follow && iob_len(iob) % 8)) {
		DBG("%s: bad IP fragment length %zu\n", netdev->name,
		    iob_len(iob));
		free_iob(iob);
		return NULL;
	}
	reassembly = find_reassembly(netdev, key, key_len);
	if (!reassembly)
		reassembly = new_reassembly(netdev, key, key_len, max_len);
	if (!reassembly) {
		free_iob(iob);
		return NULL;
	}
	rc = add_fragment(reassembly, iob, offset, more_follow);
	if (rc == -EALREADY) {
		free_iob(iob);
		return NULL;
	}
	if (rc != 0) {
		DBG("%s: bad IP fragment: %s\n", netdev->name, strerror(rc));
		free_iob(iob);
		free_reassembly(reassembly);
		return NULL;
	}
	if (!reassembly->have_last || reassembly->received != reassembly->total)
		return NULL;
	iob = join_fragments(reassembly);
	free_reassembly(reassembly);
	return iob;
}
