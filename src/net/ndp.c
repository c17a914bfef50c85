/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Neighbour discovery and address autoconfiguration (see net/ndp.h).
 *
 * Everything is kept per device with the device. Messages are checked as
 * RFC 4861 section 6.1 and 7.1 say (hop limit 255, so sent on this link;
 * lengths; a router is link-local) before anything is learnt from them,
 * and options go through the pure parser (ndp_options.c).
 *
 * Addresses: the link-local address is tested as soon as the device is
 * open; each autonomous prefix of an advertisement gives an EUI-64
 * address, tested too. Only tested addresses reach the settings blocks,
 * from which IPv6 configures the device. Each test sends one solicitation
 * and waits a second (RFC 4862's defaults); a solicitation for the same
 * address from "::" or an advertisement of it means somebody has it.
 *
 * Prefixes expire with their valid lifetime; a new prefix (a renumbered
 * link) takes over the "ndp" block once its address is tested.
 */

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <net/icmpv6.h>
#include <net/ipv6.h>
#include <net/ndp.h>
#include <net/ndp_options.h>
#include <net/neighbour.h>
#include <wireboot/byteorder.h>
#include <wireboot/debug.h>
#include <wireboot/errfile.h>
#include <wireboot/settings.h>
#include <wireboot/timer.h>

#define ERRFILE ERRFILE_ndp

#define NDP_HOP_LIMIT 255
#define NDP_DAD_WAIT_US 1000000ULL
#define NDP_DAD_TRANSMITS 1
#define NDP_PREFIXES 4
#define NDP_MSG_MAX 128
#define NDP_NA_ROUTER 0x80
#define NDP_NA_SOLICITED 0x40
#define NDP_NA_OVERRIDE 0x20

PROVIDE_OBJECT(ndp);

/* Neighbour solicitation and advertisement: header, flags (NA) or
 * reserved, target; options follow. */
struct ndp_neighbour_msg {
	struct icmpv6_header icmp;
	uint8_t flags;
	uint8_t reserved[3];
	struct in6_addr target;
} __packed;

struct ndp_router_advert {
	struct icmpv6_header icmp;
	uint8_t hop_limit;
	uint8_t flags;
	uint16_t lifetime;
	uint32_t reachable;
	uint32_t retransmit;
} __packed;

struct ndp_redirect_msg {
	struct icmpv6_header icmp;
	uint32_t reserved;
	struct in6_addr target;
	struct in6_addr dest;
} __packed;

struct ndp_prefix_state {
	bool in_use;
	struct ndp_prefix info;
	uint64_t learnt_us;		/* newest first in the "ndp" block */
	struct in6_addr addr;
	bool testing, tested;
	struct ndp_dad dad;
	struct retry_timer expiry;
	struct net_device *netdev;
};

/* Per device, allocated with it (see struct net_driver). */
struct ndp_device {
	struct neighbour_cache cache;
	struct net_device *netdev;
	struct list_head dads;		/* tests in progress */
	struct list_head observers;
	struct ndp_dad link_dad;
	bool link_started, link_ready;
	struct settings link_block;
	bool link_registered;
	struct settings block;		/* "ndp" */
	bool registered;
	bool router_seen;
	uint8_t ra_flags;
	struct in6_addr router;		/* "::" once its lifetime ended */
	struct in6_addr dns;
	struct ndp_prefix_state prefixes[NDP_PREFIXES];
	bool conflict;
	struct in6_addr conflict_addr;
	uint8_t conflict_ll[ETH_ALEN];
};

extern const struct net_driver ndp_net_driver;

static struct ndp_device *ndp_device(struct net_device *netdev)
{
	return netdev_priv(netdev, &ndp_net_driver);
}

static bool same_addr(const struct in6_addr *a, const struct in6_addr *b)
{
	return memcmp(a, b, sizeof(*a)) == 0;
}

static void ndp_changed(struct ndp_device *ndp)
{
	struct ndp_observer *observer, *next;

	list_for_each_entry_safe(observer, next, &ndp->observers, list)
		observer->changed(observer);
}

void ndp_observe(struct net_device *netdev, struct ndp_observer *observer)
{
	list_add_tail(&observer->list, &ndp_device(netdev)->observers);
}

void ndp_unobserve(struct ndp_observer *observer)
{
	list_del(&observer->list);
	INIT_LIST_HEAD(&observer->list);
}

/* ---- sending ------------------------------------------------------------------ */

static struct io_buffer *ndp_alloc(size_t len)
{
	struct io_buffer *iob = alloc_net_iob(len);

	if (iob)
		memset(iob_put(iob, len), 0, len);
	return iob;
}

/* Appends our link-layer address option to iob. */
static void ndp_put_own_ll(struct io_buffer *iob, struct net_device *netdev,
			   uint8_t type)
{
	uint8_t opt[NDP_LL_MAX + 8];
	size_t len = ndp_put_ll_option(opt, sizeof(opt), type, netdev->ll_addr,
				       netdev->ll_protocol->ll_addr_len);

	memcpy(iob_put(iob, len), opt, len);
}

static int ndp_send(struct io_buffer *iob, struct net_device *netdev,
		    const struct in6_addr *src, const struct in6_addr *dest)
{
	struct sockaddr_in6 sin6_src, sin6_dest;

	ipv6_sockaddr(&sin6_src, src, netdev, 0);
	if (!src || in6_is_unspecified(src))
		sin6_src.sin6_flags = src ? IPV6_SRC_UNSPECIFIED : 0;
	ipv6_sockaddr(&sin6_dest, dest, netdev, 0);
	return icmpv6_tx(iob, netdev, src ? &sin6_src : NULL, &sin6_dest);
}

/* A solicitation for target: to its solicited-node group, from src
 * ("::" for duplicate address detection, which carries no address
 * option). */
static int ndp_send_solicitation(struct net_device *netdev,
				 const struct in6_addr *target,
				 const struct in6_addr *src)
{
	struct io_buffer *iob = ndp_alloc(sizeof(struct ndp_neighbour_msg));
	struct ndp_neighbour_msg *ns;
	struct in6_addr group;

	if (!iob)
		return -EUNIQ(ENOMEM, 1);
	ns = iob->data;
	ns->icmp.type = ICMPV6_NEIGHBOUR_SOLICITATION;
	ns->target = *target;
	if (src && !in6_is_unspecified(src))
		ndp_put_own_ll(iob, netdev, NDP_OPT_SOURCE_LL);
	ipv6_solicited_node(target, &group);
	return ndp_send(iob, netdev, src, &group);
}

static void ndp_request(struct net_device *netdev, const void *net_dest,
			const void *net_source)
{
	ndp_send_solicitation(netdev, net_dest, net_source);
}

static const struct neighbour_discovery ndp_discovery = {
	.name = "NDP",
	.net_protocol = &ipv6_protocol,
	.addr_len = sizeof(struct in6_addr),
	.request = ndp_request,
};

int ndp_tx(struct io_buffer *iob, struct net_device *netdev,
	   const struct in6_addr *hop, const struct in6_addr *src)
{
	return neighbour_tx(&ndp_device(netdev)->cache, iob, hop, src);
}

void ndp_flush(struct net_device *netdev)
{
	neighbour_flush(&ndp_device(netdev)->cache);
}

int ndp_solicit_routers(struct net_device *netdev)
{
	struct ndp_device *ndp = ndp_device(netdev);
	struct io_buffer *iob = ndp_alloc(8);
	static const struct in6_addr unspecified;

	if (!iob)
		return -EUNIQ(ENOMEM, 2);
	((struct icmpv6_header *)iob->data)->type =
		ICMPV6_ROUTER_SOLICITATION;
	/* From "::" no address option may be sent (section 4.1). */
	if (ndp->link_ready) {
		ndp_put_own_ll(iob, netdev, NDP_OPT_SOURCE_LL);
		return ndp_send(iob, netdev, &ndp->link_dad.addr,
				&ipv6_all_routers);
	}
	return ndp_send(iob, netdev, &unspecified, &ipv6_all_routers);
}

/* ---- duplicate address detection --------------------------------------------- */

static void ndp_dad_expired(struct retry_timer *timer, bool fail __unused)
{
	struct ndp_dad *dad = container_of(timer, struct ndp_dad, timer);
	static const struct in6_addr unspecified;

	if (dad->sent < NDP_DAD_TRANSMITS) {
		dad->sent++;
		ndp_send_solicitation(dad->netdev, &dad->addr, &unspecified);
		start_timer_fixed(&dad->timer, NDP_DAD_WAIT_US);
		return;
	}
	list_del(&dad->list);
	INIT_LIST_HEAD(&dad->list);
	dad->done(dad, 0);
}

void ndp_dad_start(struct ndp_dad *dad, struct net_device *netdev,
		   const struct in6_addr *addr,
		   void (*done)(struct ndp_dad *dad, int rc))
{
	dad->netdev = netdev;
	dad->addr = *addr;
	dad->sent = 0;
	dad->done = done;
	memset(dad->conflict_ll, 0, sizeof(dad->conflict_ll));
	list_add_tail(&dad->list, &ndp_device(netdev)->dads);
	retry_init(&dad->timer, ndp_dad_expired, 0, 0);
	ndp_dad_expired(&dad->timer, false);
}

void ndp_dad_stop(struct ndp_dad *dad)
{
	if (!dad->netdev || list_empty(&dad->list))
		return;
	stop_timer(&dad->timer);
	list_del(&dad->list);
	INIT_LIST_HEAD(&dad->list);
}

static struct ndp_dad *ndp_dad_find(struct ndp_device *ndp,
				    const struct in6_addr *addr)
{
	struct ndp_dad *dad;

	list_for_each_entry(dad, &ndp->dads, list) {
		if (same_addr(&dad->addr, addr))
			return dad;
	}
	return NULL;
}

static void ndp_dad_conflict(struct ndp_dad *dad, const uint8_t *ll_addr)
{
	char text[INET6_ADDRSTRLEN];

	DBG("%s: duplicate address %s\n", dad->netdev->name,
	    inet6_ntoa(&dad->addr, text));
	if (ll_addr)
		memcpy(dad->conflict_ll, ll_addr, ETH_ALEN);
	ndp_dad_stop(dad);
	dad->done(dad, -EUNIQ(EADDRINUSE, 3));
}

static void ndp_record_conflict(struct ndp_device *ndp,
				const struct ndp_dad *dad)
{
	ndp->conflict = true;
	ndp->conflict_addr = dad->addr;
	memcpy(ndp->conflict_ll, dad->conflict_ll, ETH_ALEN);
}

/* ---- the settings blocks ------------------------------------------------------ */

static void forget_block(struct settings *block, bool *registered)
{
	if (*registered)
		unregister_settings(block);
	*registered = false;
}

static int store_ipv6(struct settings *block, const char *name,
		      const struct in6_addr *addr)
{
	if (in6_is_unspecified(addr))
		return 0;
	return store_setting(block, name, SETTING_IPV6, addr, sizeof(*addr));
}

/* The newest prefix whose address is tested, else the newest on-link. */
static struct ndp_prefix_state *current_prefix(struct ndp_device *ndp)
{
	struct ndp_prefix_state *best = NULL;
	unsigned i;

	for (i = 0; i < NDP_PREFIXES; i++) {
		struct ndp_prefix_state *prefix = &ndp->prefixes[i];

		if (!prefix->in_use)
			continue;
		if (!best || (prefix->tested && !best->tested) ||
		    (prefix->tested == best->tested &&
		     prefix->learnt_us > best->learnt_us))
			best = prefix;
	}
	return best;
}

/* Rebuilds the "ndp" block from what is known; the values go in while
 * it is detached, so that IPv6 is configured in one step. */
static void ndp_update_block(struct ndp_device *ndp)
{
	struct net_device *netdev = ndp->netdev;
	struct ndp_prefix_state *prefix = current_prefix(ndp);
	int rc = 0;

	forget_block(&ndp->block, &ndp->registered);
	settings_init(&ndp->block, "ndp");
	if (prefix && prefix->tested)
		rc = store_ipv6(&ndp->block, "ip6", &prefix->addr);
	if (!rc && prefix) {
		uint8_t len = prefix->info.len;

		rc = store_setting(&ndp->block, "len6", SETTING_UINT, &len, 1);
	}
	if (!rc)
		rc = store_ipv6(&ndp->block, "gateway6", &ndp->router);
	if (!rc)
		rc = store_ipv6(&ndp->block, "dns6", &ndp->dns);
	if (rc || list_empty(&ndp->block.values)) {
		unregister_settings(&ndp->block);
		return;
	}
	register_settings(&ndp->block, &netdev->settings);
	ndp->registered = true;
}

static void ndp_link_dad_done(struct ndp_dad *dad, int rc)
{
	struct ndp_device *ndp = container_of(dad, struct ndp_device, link_dad);
	uint8_t len = 64;

	if (rc) {
		ndp_record_conflict(ndp, dad);
	} else {
		settings_init(&ndp->link_block, "link");
		ndp->link_block.order = 1;
		if (store_ipv6(&ndp->link_block, "ip6", &dad->addr) == 0 &&
		    store_setting(&ndp->link_block, "len6", SETTING_UINT, &len,
				  1) == 0) {
			register_settings(&ndp->link_block,
					  &ndp->netdev->settings);
			ndp->link_registered = true;
			ndp->link_ready = true;
		} else {
			unregister_settings(&ndp->link_block);
		}
	}
	ndp_changed(ndp);
}

/* ---- prefixes and autoconfiguration ---------------------------------------- */

static void ndp_prefix_forget(struct ndp_prefix_state *prefix)
{
	ndp_dad_stop(&prefix->dad);
	stop_timer(&prefix->expiry);
	prefix->in_use = false;
	prefix->testing = prefix->tested = false;
}

static void ndp_prefix_expired(struct retry_timer *timer, bool fail __unused)
{
	struct ndp_prefix_state *prefix =
		container_of(timer, struct ndp_prefix_state, expiry);
	struct ndp_device *ndp = ndp_device(prefix->netdev);

	DBG("%s: prefix expired\n", prefix->netdev->name);
	ndp_prefix_forget(prefix);
	ndp_update_block(ndp);
	ndp_changed(ndp);
}

static void ndp_slaac_done(struct ndp_dad *dad, int rc)
{
	struct ndp_prefix_state *prefix =
		container_of(dad, struct ndp_prefix_state, dad);
	struct ndp_device *ndp = ndp_device(prefix->netdev);

	prefix->testing = false;
	if (rc)
		ndp_record_conflict(ndp, dad);
	else
		prefix->tested = true;
	ndp_update_block(ndp);
	ndp_changed(ndp);
}

static struct ndp_prefix_state *find_prefix(struct ndp_device *ndp,
					    const struct ndp_prefix *info)
{
	struct ndp_prefix_state *oldest = NULL;
	unsigned i;

	for (i = 0; i < NDP_PREFIXES; i++) {
		struct ndp_prefix_state *prefix = &ndp->prefixes[i];

		if (prefix->in_use && prefix->info.len == info->len &&
		    same_addr(&prefix->info.prefix, &info->prefix))
			return prefix;
	}
	for (i = 0; i < NDP_PREFIXES; i++) {
		struct ndp_prefix_state *prefix = &ndp->prefixes[i];

		if (!prefix->in_use)
			return prefix;
		if (!oldest || prefix->learnt_us < oldest->learnt_us)
			oldest = prefix;
	}
	ndp_prefix_forget(oldest);
	return oldest;
}

static void ndp_learn_prefix(struct ndp_device *ndp,
			     const struct ndp_prefix *info)
{
	struct ndp_prefix_state *prefix;
	bool autonomous = (info->flags & NDP_PREFIX_AUTONOMOUS) &&
			  info->len == 64;

	/* Link-local prefixes are not for autoconfiguration, and a
	 * preferred lifetime beyond the valid one is invalid (RFC 4862
	 * section 5.5.3). */
	if (in6_is_link_local(&info->prefix) || in6_is_multicast(&info->prefix) ||
	    info->preferred > info->valid ||
	    !(info->flags & (NDP_PREFIX_ON_LINK | NDP_PREFIX_AUTONOMOUS)))
		return;
	prefix = find_prefix(ndp, info);
	if (!info->valid) {
		if (prefix->in_use)
			ndp_prefix_forget(prefix);
		return;
	}
	if (!prefix->in_use) {
		memset(prefix, 0, sizeof(*prefix));
		prefix->in_use = true;
		prefix->netdev = ndp->netdev;
		prefix->learnt_us = monotonic_us();
		retry_init(&prefix->expiry, ndp_prefix_expired, 0, 0);
	}
	prefix->info = *info;
	stop_timer(&prefix->expiry);
	if (info->valid != 0xffffffffU)
		start_timer_fixed(&prefix->expiry,
				  (uint64_t)info->valid * 1000000ULL);
	if (autonomous && !prefix->testing && !prefix->tested) {
		ipv6_eui64(ndp->netdev, &info->prefix, &prefix->addr);
		prefix->testing = true;
		ndp_dad_start(&prefix->dad, ndp->netdev, &prefix->addr,
			      ndp_slaac_done);
	}
}

unsigned ndp_onlink_len(struct net_device *netdev, const struct in6_addr *addr)
{
	struct ndp_device *ndp = ndp_device(netdev);
	unsigned i;

	for (i = 0; i < NDP_PREFIXES; i++) {
		const struct ndp_prefix_state *prefix = &ndp->prefixes[i];

		if (prefix->in_use && (prefix->info.flags & NDP_PREFIX_ON_LINK) &&
		    in6_prefix_match(&prefix->info.prefix, addr,
				     prefix->info.len))
			return prefix->info.len;
	}
	return 128;
}

void ndp_status(struct net_device *netdev, struct ndp_status *status)
{
	struct ndp_device *ndp = ndp_device(netdev);
	unsigned i;

	memset(status, 0, sizeof(*status));
	status->link_local_ready = ndp->link_ready;
	status->router_seen = ndp->router_seen;
	status->ra_flags = ndp->ra_flags;
	for (i = 0; i < NDP_PREFIXES; i++) {
		status->slaac_pending |= ndp->prefixes[i].in_use &&
					 ndp->prefixes[i].testing;
		status->has_global |= ndp->prefixes[i].in_use &&
				      ndp->prefixes[i].tested;
	}
	status->conflict = ndp->conflict;
	status->conflict_addr = ndp->conflict_addr;
	memcpy(status->conflict_ll, ndp->conflict_ll, ETH_ALEN);
}

/* ---- reception ---------------------------------------------------------------- */

/* The checks every message shares: sent on this link, code 0, long
 * enough; then its options. */
static int ndp_check(struct io_buffer *iob, struct net_device *netdev,
		     size_t fixed_len, struct ndp_options *opts)
{
	const struct icmpv6_header *icmp = iob->data;

	if (ipv6_rx_hop_limit() != NDP_HOP_LIMIT || icmp->code != 0 ||
	    iob_len(iob) < fixed_len)
		return -EUNIQ(EINVAL, 4);
	return ndp_parse_options((const uint8_t *)iob->data + fixed_len,
				 iob_len(iob) - fixed_len,
				 netdev->ll_protocol->ll_addr_len, opts);
}

static int ndp_advertise(struct net_device *netdev,
			 const struct in6_addr *target,
			 const struct sockaddr_in6 *asker)
{
	struct io_buffer *iob = ndp_alloc(sizeof(struct ndp_neighbour_msg));
	struct ndp_neighbour_msg *na;
	bool from_unspecified = in6_is_unspecified(&asker->sin6_addr);

	if (!iob)
		return -EUNIQ(ENOMEM, 5);
	na = iob->data;
	na->icmp.type = ICMPV6_NEIGHBOUR_ADVERTISEMENT;
	na->flags = NDP_NA_OVERRIDE | (from_unspecified ? 0 : NDP_NA_SOLICITED);
	na->target = *target;
	ndp_put_own_ll(iob, netdev, NDP_OPT_TARGET_LL);
	return ndp_send(iob, netdev, target,
			from_unspecified ? &ipv6_all_nodes : &asker->sin6_addr);
}

static int ndp_rx_solicitation(struct io_buffer *iob,
			       struct net_device *netdev,
			       const struct sockaddr_in6 *src,
			       const struct sockaddr_in6 *dest)
{
	struct ndp_device *ndp = ndp_device(netdev);
	struct ndp_neighbour_msg ns;
	struct ndp_options opts;
	struct ndp_dad *dad;
	bool from_unspecified = in6_is_unspecified(&src->sin6_addr);
	int rc = ndp_check(iob, netdev, sizeof(ns), &opts);

	if (rc)
		goto drop;
	memcpy(&ns, iob->data, sizeof(ns));
	if (in6_is_multicast(&ns.target) ||
	    (from_unspecified && opts.has_source_ll)) {
		rc = -EUNIQ(EINVAL, 6);
		goto drop;
	}
	dad = ndp_dad_find(ndp, &ns.target);
	if (dad) {
		/* Somebody else tests the address we test: neither may
		 * have it (RFC 4862 section 5.4.3). */
		if (from_unspecified)
			ndp_dad_conflict(dad, NULL);
		goto drop;
	}
	if (!ipv6_has_address(netdev, &ns.target))
		goto drop;
	if (!from_unspecified && opts.has_source_ll)
		neighbour_update(&ndp->cache, &src->sin6_addr, opts.source_ll,
				 true);
	free_iob(iob);
	return ndp_advertise(netdev, &ns.target, src);

drop:
	free_iob(iob);
	return rc;
}

static int ndp_rx_advertisement(struct io_buffer *iob,
				struct net_device *netdev,
				const struct sockaddr_in6 *src,
				const struct sockaddr_in6 *dest)
{
	struct ndp_device *ndp = ndp_device(netdev);
	struct ndp_neighbour_msg na;
	struct ndp_options opts;
	struct ndp_dad *dad;
	int rc = ndp_check(iob, netdev, sizeof(na), &opts);

	if (rc)
		goto drop;
	memcpy(&na, iob->data, sizeof(na));
	if (in6_is_multicast(&na.target) ||
	    (in6_is_multicast(&dest->sin6_addr) &&
	     (na.flags & NDP_NA_SOLICITED))) {
		rc = -EUNIQ(EINVAL, 7);
		goto drop;
	}
	dad = ndp_dad_find(ndp, &na.target);
	if (dad)
		ndp_dad_conflict(dad, opts.has_target_ll ? opts.target_ll : NULL);
	else if (opts.has_target_ll)
		neighbour_update(&ndp->cache, &na.target, opts.target_ll, false);
drop:
	free_iob(iob);
	return rc;
}

static int ndp_rx_router_advert(struct io_buffer *iob,
				struct net_device *netdev,
				const struct sockaddr_in6 *src,
				const struct sockaddr_in6 *dest)
{
	struct ndp_device *ndp = ndp_device(netdev);
	struct ndp_router_advert ra;
	struct ndp_options opts;
	unsigned i;
	int rc = ndp_check(iob, netdev, sizeof(ra), &opts);

	if (rc || !in6_is_link_local(&src->sin6_addr)) {
		DBG("%s: invalid router advertisement\n", netdev->name);
		rc = rc ? rc : -EUNIQ(EINVAL, 8);
		goto drop;
	}
	memcpy(&ra, iob->data, sizeof(ra));
	DBG("%s: router advertisement, flags %#02x\n", netdev->name, ra.flags);
	ndp->router_seen = true;
	ndp->ra_flags = ra.flags & (NDP_RA_MANAGED | NDP_RA_OTHER);
	if (ra.lifetime)
		ndp->router = src->sin6_addr;
	else if (same_addr(&ndp->router, &src->sin6_addr))
		memset(&ndp->router, 0, sizeof(ndp->router));
	if (opts.has_source_ll)
		neighbour_update(&ndp->cache, &src->sin6_addr, opts.source_ll,
				 true);
	if (opts.has_mtu && opts.mtu >= IPV6_MIN_MTU && opts.mtu <= netdev->mtu)
		ipv6_set_mtu(netdev, opts.mtu);
	for (i = 0; i < opts.prefix_count; i++)
		ndp_learn_prefix(ndp, &opts.prefixes[i]);
	if (opts.dns_count && opts.dns_lifetime)
		ndp->dns = opts.dns[0];
	else if (opts.dns_count)
		memset(&ndp->dns, 0, sizeof(ndp->dns));
	ndp_update_block(ndp);
	ndp_changed(ndp);
drop:
	free_iob(iob);
	return rc;
}

static int ndp_rx_redirect(struct io_buffer *iob, struct net_device *netdev,
			   const struct sockaddr_in6 *src,
			   const struct sockaddr_in6 *dest)
{
	struct ndp_device *ndp = ndp_device(netdev);
	struct ndp_redirect_msg msg;
	struct ndp_options opts;
	int rc = ndp_check(iob, netdev, sizeof(msg), &opts);

	if (rc)
		goto drop;
	memcpy(&msg, iob->data, sizeof(msg));
	/* Only our first hop may redirect us, to a router on the link or
	 * to the destination itself (RFC 4861 section 8.1). */
	if (!in6_is_link_local(&src->sin6_addr) ||
	    !same_addr(&src->sin6_addr, &ndp->router) ||
	    in6_is_multicast(&msg.dest) ||
	    (!in6_is_link_local(&msg.target) &&
	     !same_addr(&msg.target, &msg.dest))) {
		rc = -EUNIQ(EINVAL, 9);
		goto drop;
	}
	ipv6_redirect(netdev, &msg.dest, &msg.target);
	if (opts.has_target_ll)
		neighbour_update(&ndp->cache, &msg.target, opts.target_ll, true);
drop:
	free_iob(iob);
	return rc;
}

ICMPV6_HANDLER(ndp_ns_handler) = {
	.type = ICMPV6_NEIGHBOUR_SOLICITATION,
	.rx = ndp_rx_solicitation,
};
ICMPV6_HANDLER(ndp_na_handler) = {
	.type = ICMPV6_NEIGHBOUR_ADVERTISEMENT,
	.rx = ndp_rx_advertisement,
};
ICMPV6_HANDLER(ndp_ra_handler) = {
	.type = ICMPV6_ROUTER_ADVERTISEMENT,
	.rx = ndp_rx_router_advert,
};
ICMPV6_HANDLER(ndp_redirect_handler) = {
	.type = ICMPV6_REDIRECT,
	.rx = ndp_rx_redirect,
};

/* ---- the device's life ---------------------------------------------------------- */

static int ndp_probe(struct net_device *netdev, void *priv)
{
	struct ndp_device *ndp = priv;

	ndp->netdev = netdev;
	neighbour_cache_init(&ndp->cache, netdev, &ndp_discovery);
	INIT_LIST_HEAD(&ndp->dads);
	INIT_LIST_HEAD(&ndp->observers);
	INIT_LIST_HEAD(&ndp->link_dad.list);
	return 0;
}

/* Forgets everything learnt on the link. */
static void ndp_reset(struct ndp_device *ndp)
{
	unsigned i;

	ndp_dad_stop(&ndp->link_dad);
	for (i = 0; i < NDP_PREFIXES; i++) {
		if (ndp->prefixes[i].in_use)
			ndp_prefix_forget(&ndp->prefixes[i]);
	}
	forget_block(&ndp->block, &ndp->registered);
	forget_block(&ndp->link_block, &ndp->link_registered);
	neighbour_flush(&ndp->cache);
	ndp->link_started = ndp->link_ready = ndp->router_seen = false;
	ndp->conflict = false;
	memset(&ndp->router, 0, sizeof(ndp->router));
	memset(&ndp->dns, 0, sizeof(ndp->dns));
}

/* A closed device keeps what it learnt, as IPv4 keeps its address (the
 * settings stay, so closing configures nothing anew); tests in progress
 * stop and start again when it next opens (an autonomous prefix at its
 * next advertisement). */
static void ndp_quiesce(struct ndp_device *ndp)
{
	unsigned i;

	if (!ndp->link_ready) {
		ndp_dad_stop(&ndp->link_dad);
		ndp->link_started = false;
	}
	for (i = 0; i < NDP_PREFIXES; i++) {
		if (ndp->prefixes[i].in_use && ndp->prefixes[i].testing) {
			ndp_dad_stop(&ndp->prefixes[i].dad);
			ndp->prefixes[i].testing = false;
		}
	}
	neighbour_flush(&ndp->cache);
}

/* Open: test the link-local address (once). */
static void ndp_notify(struct net_device *netdev, void *priv)
{
	struct ndp_device *ndp = priv;
	static const struct in6_addr link_prefix = { { 0xfe, 0x80 } };
	struct in6_addr addr;

	if (!netdev->is_open) {
		ndp_quiesce(ndp);
		return;
	}
	if (ndp->link_started || !netdev_link_ok(netdev))
		return;
	ndp->link_started = true;
	ipv6_eui64(netdev, &link_prefix, &addr);
	ndp_dad_start(&ndp->link_dad, netdev, &addr, ndp_link_dad_done);
}

static void ndp_remove(struct net_device *netdev, void *priv)
{
	ndp_reset(priv);
}

NET_DRIVER(ndp_net_driver) = {
	.name = "NDP",
	.priv_len = sizeof(struct ndp_device),
	.probe = ndp_probe,
	.notify = ndp_notify,
	.remove = ndp_remove,
};
