/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Interface management (see usr/ifmgmt.h). Configuration protocols (DHCP,
 * IPv6, DHCPv6: net/config_protocol.h) on several devices run side by side
 * as jobs; this waits for the first useful result rather than trying the
 * devices (or the address families) one after another, so a machine whose
 * only server sits behind its last port, or speaks only IPv6, is
 * configured in about the time one device takes. Configurators are a
 * table, so that ifconf names none of them.
 */

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <net/config_protocol.h>
#include <usr/ifmgmt.h>
#include <usr/jobwait.h>
#include <wireboot/errfile.h>
#include <wireboot/error_name.h>
#include <wireboot/timer.h>

TABLE_DEFINE(const struct net_configurator, net_configurators);

#define ERRFILE ERRFILE_ifmgmt

struct attempt {
	struct job_waiter waiter;
	struct net_device *netdev;
	const struct config_protocol *protocol;
	bool reported;
};

int ifopen(struct net_device *netdev)
{
	int rc = netdev_open(netdev);

	if (rc) {
		printf("Could not open %s: ", netdev->name);
		print_error(rc, NULL);
	}
	return rc;
}

void ifclose(struct net_device *netdev)
{
	netdev_close(netdev);
}

static void print_reasons(const char *what,
			  const struct netdev_error_reason *reasons)
{
	unsigned i;

	for (i = 0; i < NETDEV_ERROR_REASONS && reasons[i].rc; i++)
		printf("  [%s: %u x \"%s (%s)\"]\n", what, reasons[i].count,
		       strerror(reasons[i].rc), error_name(reasons[i].rc));
}

void ifstat(struct net_device *netdev)
{
	const struct net_device_stats *stats = &netdev->stats;
	char mac[18];

	printf("%s: %s using %s on %s (%s)\n", netdev->name,
	       eth_ntoa(netdev->ll_addr, mac), netdev->driver_name,
	       netdev->location, netdev->is_open ? "open" : "closed");
	printf("  [Link:%s, TX:%u TXE:%u RX:%u RXE:%u RXD:%u]\n",
	       netdev_link_ok(netdev) ? "up" : "down", stats->tx_ok,
	       stats->tx_errors, stats->rx_ok, stats->rx_errors,
	       stats->rx_dropped);
	if (!netdev_link_ok(netdev))
		printf("  [Link status: %s (%s)]\n", strerror(netdev->link_rc),
		       error_name(netdev->link_rc));
	print_reasons("TXE", stats->tx_reasons);
	print_reasons("RXE", stats->rx_reasons);
}

static void report(struct attempt *attempt, uint64_t start)
{
	uint64_t elapsed = monotonic_us() - start;
	char mac[18];

	attempt->reported = true;
	printf("%s (%s %s)", attempt->protocol->label, attempt->netdev->name,
	       eth_ntoa(attempt->netdev->ll_addr, mac));
	if (attempt->waiter.rc == 0) {
		printf(" ok (%u.%02u s)\n", (unsigned)(elapsed / 1000000),
		       (unsigned)(elapsed / 10000 % 100));
	} else {
		printf(" ");
		print_error(attempt->waiter.rc, attempt->waiter.reason);
	}
}

/* The device went away and another took its place (a driver handed the
 * NIC over): its configuration starts again there. */
static void follow_replacement(struct attempt *attempt)
{
	struct net_device *replacement = netdev_replacement(attempt->netdev);
	int rc;

	if (attempt->waiter.done || !replacement)
		return;
	job_waiter_cancel(&attempt->waiter, -EUNIQ(ECANCELED, 7));
	job_waiter_init(&attempt->waiter);
	attempt->netdev = replacement;
	rc = attempt->protocol->start(&attempt->waiter.job, replacement);
	if (rc) {
		attempt->waiter.done = true;
		attempt->waiter.rc = rc;
	}
}

int ifconf_protocols(struct net_device **devices, unsigned count,
		     const struct config_protocol *const *protocols,
		     unsigned protocol_count,
		     bool (*accept)(struct net_device *netdev),
		     struct net_device **bound)
{
	struct attempt *attempts;
	uint64_t start = monotonic_us();
	unsigned i, total = count * protocol_count, running = 0;
	int rc = -EUNIQ(ENODEV, 1), cancel = 0;
	bool won = false;

	if (!total)
		return rc;
	attempts = calloc(total, sizeof(*attempts));
	if (!attempts)
		return -EUNIQ(ENOMEM, 2);
	for (i = 0; i < total; i++) {
		struct attempt *attempt = &attempts[i];

		job_waiter_init(&attempt->waiter);
		attempt->netdev = devices[i / protocol_count];
		attempt->protocol = protocols[i % protocol_count];
		rc = attempt->protocol->start(&attempt->waiter.job,
					      attempt->netdev);
		if (rc) {
			attempt->waiter.done = true;
			attempt->waiter.rc = rc;
			report(attempt, start);
		} else {
			running++;
		}
	}
	while (running && !cancel) {
		cancel = job_wait_step();
		for (i = 0; i < total && !cancel; i++) {
			struct attempt *attempt = &attempts[i];

			follow_replacement(attempt);
			if (!attempt->waiter.done || attempt->reported)
				continue;
			running--;
			report(attempt, start);
			rc = attempt->waiter.rc;
			if (rc == 0 && (!accept || accept(attempt->netdev))) {
				if (bound)
					*bound = attempt->netdev;
				won = true;
				cancel = -EUNIQ(ECANCELED, 3);	/* the rest */
				break;
			}
			if (rc == 0)
				rc = -EUNIQ(ENOENT, 4);	/* bound, not usable */
		}
	}
	/* Ctrl-C, or a winner: the others stop. */
	for (i = 0; i < total; i++)
		job_waiter_cancel(&attempts[i].waiter, cancel ? cancel : rc);
	if (won) {
		rc = 0;
	} else if (cancel) {
		printf("%s: Operation canceled\n", protocol_count == 1 ?
		       protocols[0]->label : "Configuration");
		rc = cancel;
	}
	free(attempts);
	return rc;
}

/* One protocol by name; -ENOTSUP when the build has none of that name. */
static int ifconf_named(struct net_device **devices, unsigned count,
			const char *name,
			bool (*accept)(struct net_device *netdev),
			struct net_device **bound)
{
	const struct config_protocol *protocol = find_config_protocol(name);

	if (!protocol)
		return -EUNIQ(ENOTSUP, 10);
	return ifconf_protocols(devices, count, &protocol, 1, accept, bound);
}

int ifconf_dhcp(struct net_device **devices, unsigned count,
		bool (*accept)(struct net_device *netdev),
		struct net_device **bound)
{
	return ifconf_named(devices, count, "dhcp", accept, bound);
}

/* Every registered device, in a new array (the caller frees it). */
static struct net_device **all_netdevs(unsigned *count)
{
	struct net_device **devices, *netdev;

	*count = 0;
	for_each_netdev(netdev)
		(*count)++;
	devices = calloc(*count ? *count : 1, sizeof(*devices));
	if (!devices)
		return NULL;
	*count = 0;
	for_each_netdev(netdev)
		devices[(*count)++] = netdev;
	return devices;
}

int ifconf_dhcp_all(bool (*accept)(struct net_device *netdev),
		    struct net_device **bound)
{
	struct net_device **devices;
	unsigned count;
	int rc;

	devices = all_netdevs(&count);
	if (!devices)
		return -EUNIQ(ENOMEM, 6);
	rc = count ? ifconf_dhcp(devices, count, accept, bound)
		   : -EUNIQ(ENODEV, 5);
	free(devices);
	return rc;
}

int ifconf_autoboot(bool (*accept)(struct net_device *netdev),
		    struct net_device **bound)
{
	const struct config_protocol **protocols, *protocol;
	struct net_device **devices;
	unsigned count, protocol_count = 0;
	int rc = -EUNIQ(ENOMEM, 11);

	devices = all_netdevs(&count);
	protocols = calloc((size_t)(TABLE_END(config_protocols) -
				    TABLE_START(config_protocols)) + 1,
			   sizeof(*protocols));
	if (devices && protocols) {
		for_each_table_entry(protocol, config_protocols) {
			if (protocol->autoboot)
				protocols[protocol_count++] = protocol;
		}
		rc = count ? ifconf_protocols(devices, count, protocols,
					      protocol_count, accept, bound)
			   : -EUNIQ(ENODEV, 12);
	}
	free(protocols);
	free(devices);
	return rc;
}

static int ifconf_with_dhcp(struct net_device **devices, unsigned count)
{
	return ifconf_named(devices, count, "dhcp", NULL, NULL);
}

static int ifconf_with_ipv6(struct net_device **devices, unsigned count)
{
	return ifconf_named(devices, count, "ipv6", NULL, NULL);
}

static int ifconf_with_dhcpv6(struct net_device **devices, unsigned count)
{
	return ifconf_named(devices, count, "dhcpv6", NULL, NULL);
}

NET_CONFIGURATOR(dhcp_configurator) = {
	.name = "dhcp",
	.configure = ifconf_with_dhcp,
};

NET_CONFIGURATOR(ipv6_configurator) = {
	.name = "ipv6",
	.configure = ifconf_with_ipv6,
};

NET_CONFIGURATOR(dhcpv6_configurator) = {
	.name = "dhcpv6",
	.configure = ifconf_with_dhcpv6,
};

int ifconf(struct net_device **devices, unsigned count, const char *name)
{
	const struct net_configurator *configurator;
	struct net_device **all = NULL;
	int rc = -EUNIQ(ENOTSUP, 7);

	if (!count) {
		all = all_netdevs(&count);
		if (!all)
			return -EUNIQ(ENOMEM, 8);
		devices = all;
	}
	if (!count) {
		free(all);
		return -EUNIQ(ENODEV, 9);
	}
	for_each_table_entry(configurator, net_configurators) {
		if (name && strcmp(name, configurator->name) != 0)
			continue;
		rc = configurator->configure(devices, count);
		if (rc == 0 || errno_base(rc) == -ECANCELED)
			break;
	}
	if (name && configurator == TABLE_END(net_configurators) &&
	    errno_base(rc) == -ENOTSUP)
		printf("ifconf: no configurator %s\n", name);
	free(all);
	return rc;
}
