/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * IPv6 configuration of a device as a job: the "ipv6" protocol (see
 * net/config_protocol.h). It solicits routers and lets their advertisement
 * decide: with M set, stateful DHCPv6; with O, stateless DHCPv6; SLAAC
 * runs in NDP for every autonomous prefix either way. The job ends when
 * what the routers asked for is done: bound (0) if the device has a
 * global address (SLAAC or DHCPv6) or DHCPv6 gave its information, else
 * the error. A boot file URL is worth asking for even when the routers
 * set neither flag (QEMU's user network answers stateless DHCPv6 without
 * saying so): then one stateless exchange is tried, and given up after
 * IPV6CONF_UNASKED_US once SLAAC is done. Without an advertisement,
 * solicitations are sent at 0, 1, 3
 * and 7 s (RFC 4861 allows three; the first may go from "::" before the
 * link-local address is tested), and the job gives up after 10 s. A
 * duplicate address ends it at once, saying who holds the address.
 */

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <net/config_protocol.h>
#include <net/dhcpv6.h>
#include <net/ndp.h>
#include <wireboot/debug.h>
#include <wireboot/errfile.h>
#include <wireboot/job.h>
#include <wireboot/retry.h>
#include <wireboot/timer.h>

#define ERRFILE ERRFILE_ipv6conf

PROVIDE_OBJECT(ipv6conf);

#define IPV6CONF_RS_MIN_US 1000000ULL
#define IPV6CONF_RS_MAX_US 8000000ULL
#define IPV6CONF_TIMEOUT_US 10000000ULL
#define IPV6CONF_UNASKED_US 2000000ULL

enum ipv6conf_state {
	IPV6CONF_ROUTERS,	/* soliciting, waiting for an advertisement */
	IPV6CONF_DHCPV6,	/* as the advertisement said */
	IPV6CONF_DONE,
};

struct ipv6conf {
	struct refcnt refcnt;
	struct interface job;
	struct interface dhcp;		/* the DHCPv6 job */
	struct net_device *netdev;	/* holds a reference */
	struct ndp_observer observer;
	struct retry_timer timer;
	enum ipv6conf_state state;
	bool dhcp_running;
	bool dhcp_unasked;		/* neither M nor O was set */
	int dhcp_rc;
	uint64_t start_us;
	unsigned solicitations;
};

static void ipv6conf_finish(struct ipv6conf *conf, int rc)
{
	if (conf->state == IPV6CONF_DONE)
		return;
	DBG("IPv6 %s: %s\n", conf->netdev->name, rc ? strerror(rc) : "configured");
	conf->state = IPV6CONF_DONE;
	stop_timer(&conf->timer);
	ndp_unobserve(&conf->observer);
	intf_shutdown(&conf->dhcp, rc);
	intf_shutdown(&conf->job, rc);
}

static void ipv6conf_conflict(struct ipv6conf *conf,
			      const struct ndp_status *status)
{
	char reason[96], addr[INET6_ADDRSTRLEN], mac[18];

	snprintf(reason, sizeof(reason), "%s is in use by %s",
		 inet6_ntoa(&status->conflict_addr, addr),
		 eth_ntoa(status->conflict_ll, mac));
	intf_reason(&conf->job, reason);
	ipv6conf_finish(conf, -EUNIQ(EADDRINUSE, 1));
}

/* Decides, whenever something changed, whether the job is done. */
static void ipv6conf_check(struct ipv6conf *conf)
{
	struct ndp_status status;
	int rc;

	if (conf->state == IPV6CONF_DONE)
		return;
	ndp_status(conf->netdev, &status);
	if (status.conflict && !status.has_global) {
		ipv6conf_conflict(conf, &status);
		return;
	}
	if (conf->state == IPV6CONF_ROUTERS) {
		if (!status.router_seen || !status.link_local_ready)
			return;
		conf->dhcp_unasked = !(status.ra_flags &
				       (NDP_RA_MANAGED | NDP_RA_OTHER));
		rc = start_dhcpv6(&conf->dhcp, conf->netdev,
				  status.ra_flags & NDP_RA_MANAGED);
		if (rc) {
			ipv6conf_finish(conf, rc);
			return;
		}
		conf->dhcp_running = true;
		conf->state = IPV6CONF_DHCPV6;
		stop_timer(&conf->timer);
		if (conf->dhcp_unasked)
			start_timer_fixed(&conf->timer, IPV6CONF_UNASKED_US);
	}
	if (status.slaac_pending)
		return;
	if (conf->dhcp_running) {
		/* An exchange nobody asked for does not hold us up past its
		 * time once SLAAC has given an address. */
		if (!conf->dhcp_unasked || !status.has_global ||
		    conf->timer.running)
			return;
		conf->dhcp_running = false;
		conf->dhcp_rc = -EUNIQ(ECANCELED, 5);
		intf_restart(&conf->dhcp, conf->dhcp_rc);
	}
	if (status.has_global || conf->dhcp_rc == 0)
		ipv6conf_finish(conf, 0);
	else
		ipv6conf_finish(conf, conf->dhcp_rc ? conf->dhcp_rc :
				-EUNIQ(ENETUNREACH, 2));
}

static void ipv6conf_ndp_changed(struct ndp_observer *observer)
{
	ipv6conf_check(container_of(observer, struct ipv6conf, observer));
}

static void ipv6conf_expired(struct retry_timer *timer, bool fail)
{
	struct ipv6conf *conf = container_of(timer, struct ipv6conf, timer);

	if (conf->state == IPV6CONF_DHCPV6) {
		ipv6conf_check(conf);	/* the unasked exchange's time is up */
		return;
	}
	if (fail || monotonic_us() - conf->start_us >= IPV6CONF_TIMEOUT_US) {
		intf_reason(&conf->job, "no IPv6 router answered");
		ipv6conf_finish(conf, -EUNIQ(ETIMEDOUT, 3));
		return;
	}
	conf->solicitations++;
	ndp_solicit_routers(conf->netdev);
	start_timer(timer);
}

/* DHCPv6 ended: its result counts unless SLAAC configured us anyway. */
static void ipv6conf_dhcp_close(struct interface *intf, int rc)
{
	struct ipv6conf *conf = container_of(intf, struct ipv6conf, dhcp);

	intf_restart(intf, rc);
	conf->dhcp_running = false;
	conf->dhcp_rc = rc;
	ipv6conf_check(conf);
}

static void ipv6conf_dhcp_reason(struct interface *intf, const char *text)
{
	intf_reason(&container_of(intf, struct ipv6conf, dhcp)->job, text);
}

static const struct interface_operations ipv6conf_dhcp_operations = {
	.close = ipv6conf_dhcp_close,
	.reason = ipv6conf_dhcp_reason,
};

static void ipv6conf_progress(struct interface *job,
			      struct job_progress *progress)
{
	struct ipv6conf *conf = container_of(job, struct ipv6conf, job);

	if (conf->dhcp_running) {
		job_progress(&conf->dhcp, progress);
		return;
	}
	snprintf(progress->message, sizeof(progress->message),
		 "router solicit %u", conf->solicitations);
}

static void ipv6conf_job_close(struct interface *job, int rc)
{
	ipv6conf_finish(container_of(job, struct ipv6conf, job), rc);
}

static const struct interface_operations ipv6conf_job_operations = {
	.progress = ipv6conf_progress,
	.close = ipv6conf_job_close,
};

static void ipv6conf_free(struct refcnt *refcnt)
{
	struct ipv6conf *conf = container_of(refcnt, struct ipv6conf, refcnt);

	netdev_put(conf->netdev);
	free(conf);
}

static int start_ipv6conf(struct interface *job, struct net_device *netdev)
{
	struct ipv6conf *conf;
	int rc = netdev_open(netdev);

	if (rc)
		return rc;
	conf = zalloc(sizeof(*conf));
	if (!conf)
		return -EUNIQ(ENOMEM, 4);
	ref_init(&conf->refcnt, ipv6conf_free);
	intf_init(&conf->job, &ipv6conf_job_operations, &conf->refcnt);
	intf_init(&conf->dhcp, &ipv6conf_dhcp_operations, &conf->refcnt);
	netdev_get(netdev);
	conf->netdev = netdev;
	conf->start_us = monotonic_us();
	conf->observer.changed = ipv6conf_ndp_changed;
	retry_init(&conf->timer, ipv6conf_expired, IPV6CONF_RS_MIN_US,
		   IPV6CONF_RS_MAX_US);
	intf_plug_plug(&conf->job, job);
	ndp_observe(netdev, &conf->observer);
	/* The first solicitation now, the rest with back-off. */
	ipv6conf_expired(&conf->timer, false);
	ipv6conf_check(conf);
	ref_put(&conf->refcnt);
	return 0;
}

CONFIG_PROTOCOL(ipv6_config_protocol) = {
	.name = "ipv6",
	.label = "IPv6",
	.autoboot = true,
	.start = start_ipv6conf,
};
