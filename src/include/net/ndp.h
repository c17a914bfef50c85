/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef NET_NDP_H
#define NET_NDP_H

/*
 * Neighbour discovery (RFC 4861) and stateless address autoconfiguration
 * (RFC 4862) for IPv6, per device:
 *
 * - neighbour resolution over the cache ARP shares (net/neighbour.h),
 *   and answers to solicitations for our addresses;
 * - duplicate address detection for every address before it is used,
 *   with the conflicting node's link-layer address kept for the report;
 * - the link-local address fe80::EUI-64, tested and configured whenever
 *   the device is open (settings block "netN.link");
 * - router advertisements: the default router, the MTU, prefixes (on-link
 *   and autonomous: an EUI-64 address is tested and configured), DNS
 *   servers (RFC 8106), all in the settings block "netN.ndp" (ip6, len6,
 *   gateway6, dns6), with lifetimes; the M and O flags for DHCPv6;
 * - redirects.
 *
 * Observers hear of every change (an advertisement, a test finished), so
 * that a configurator job can decide when the device is configured.
 */

#include <stdbool.h>
#include <stdint.h>
#include <net/in6.h>
#include <wireboot/iobuf.h>
#include <wireboot/list.h>
#include <wireboot/netdev.h>
#include <wireboot/retry.h>

/* Router advertisement flags (RFC 4861 section 4.2). */
#define NDP_RA_MANAGED 0x80
#define NDP_RA_OTHER 0x40

/* Sends an IPv6 packet (iob data at its header) to the neighbour hop. */
int ndp_tx(struct io_buffer *iob, struct net_device *netdev,
	   const struct in6_addr *hop, const struct in6_addr *src);
/* Forgets netdev's neighbours. */
void ndp_flush(struct net_device *netdev);

/* Duplicate address detection of one address; done() is called once,
 * with 0 (unique) or -EADDRINUSE (conflict_ll then holds who has it). */
struct ndp_dad {
	struct list_head list;
	struct net_device *netdev;
	struct in6_addr addr;
	struct retry_timer timer;
	unsigned sent;
	uint8_t conflict_ll[ETH_ALEN];
	void (*done)(struct ndp_dad *dad, int rc);
};
void ndp_dad_start(struct ndp_dad *dad, struct net_device *netdev,
		   const struct in6_addr *addr,
		   void (*done)(struct ndp_dad *dad, int rc));
/* Stops a test that has not finished (no call of done()). */
void ndp_dad_stop(struct ndp_dad *dad);

/* Sends a router solicitation (from the link-local address once it is
 * tested, else from "::"). */
int ndp_solicit_routers(struct net_device *netdev);

/* What neighbour discovery knows of a device, for a configurator. */
struct ndp_status {
	bool link_local_ready;		/* tested unique and configured */
	bool router_seen;		/* an advertisement arrived */
	uint8_t ra_flags;		/* NDP_RA_MANAGED, NDP_RA_OTHER */
	bool slaac_pending;		/* an autonomous address in test */
	bool has_global;		/* a tested autonomous address */
	bool conflict;			/* a test failed: */
	struct in6_addr conflict_addr;
	uint8_t conflict_ll[ETH_ALEN];
};
void ndp_status(struct net_device *netdev, struct ndp_status *status);

/* The length of the advertised on-link prefix holding addr, or 128. */
unsigned ndp_onlink_len(struct net_device *netdev, const struct in6_addr *addr);

struct ndp_observer {
	struct list_head list;
	void (*changed)(struct ndp_observer *observer);
};
/* Observers of netdev; remove before the observer goes. */
void ndp_observe(struct net_device *netdev, struct ndp_observer *observer);
void ndp_unobserve(struct ndp_observer *observer);

#endif
