/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * IPv4 fragment reassembly. Pieces are kept per datagram (source,
 * destination, identification, protocol, device) in offset order; memory is
 * bounded by the number of datagrams and pieces, and an incomplete datagram
 * is dropped after a timeout.
 */

#include <errno.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <wireboot/debug.h>
#include <wireboot/retry.h>
#include "ipv4_reassembly.h"

/* Reassembly bounds: a few datagrams at once, each of a limited number of
 * pieces, abandoned if incomplete after the timeout (RFC 791 suggests 15 s
 * as the lower bound). The oldest datagram makes room for a new one. */
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
	struct in_addr src;
	struct in_addr dest;
	uint16_t ident;
	uint8_t protocol;
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

	DBG("%s: IP datagram %#x from %08x incomplete, dropped\n",
	    reassembly->netdev->name, reassembly->ident,
	    ntohl(reassembly->src.s_addr));
	free_reassembly(reassembly);
}

static struct reassembly *find_reassembly(struct net_device *netdev,
					  const struct iphdr *iphdr)
{
	struct reassembly *reassembly;

	list_for_each_entry(reassembly, &reassemblies, list) {
		if (reassembly->netdev == netdev &&
		    reassembly->src.s_addr == iphdr->src.s_addr &&
		    reassembly->dest.s_addr == iphdr->dest.s_addr &&
		    reassembly->ident == iphdr->ident &&
		    reassembly->protocol == iphdr->protocol)
			return reassembly;
	}
	return NULL;
}

static struct reassembly *new_reassembly(struct net_device *netdev,
					 const struct iphdr *iphdr)
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
	reassembly->src = iphdr->src;
	reassembly->dest = iphdr->dest;
	reassembly->ident = iphdr->ident;
	reassembly->protocol = iphdr->protocol;
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

	if (end > IP_MAX_LEN - IP_MIN_HLEN)
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

struct io_buffer *ipv4_reassemble(struct io_buffer *iob,
				  struct net_device *netdev,
				  const struct iphdr *iphdr, size_t hlen)
{
	uint16_t frags = ntohs(iphdr->frags);
	size_t offset = (size_t)(frags & IP_OFFSET_MASK) * 8;
	bool more_follow = frags & IP_FLAG_MF;
	struct reassembly *reassembly;
	int rc;

	iob_pull(iob, hlen);
	/* Every piece but the last carries a multiple of 8 bytes. */
	if (iob_len(iob) == 0 || (more_follow && iob_len(iob) % 8)) {
		DBG("%s: bad IP fragment length %zu\n", netdev->name,
		    iob_len(iob));
		free_iob(iob);
		return NULL;
	}
	reassembly = find_reassembly(netdev, iphdr);
	if (!reassembly)
		reassembly = new_reassembly(netdev, iphdr);
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
		DBG("%s: bad fragment of IP datagram %#x: %s\n", netdev->name,
		    ntohs(reassembly->ident), strerror(rc));
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
