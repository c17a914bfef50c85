/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Interface management (see usr/ifmgmt.h). Configurators (DHCP, IPv6,
 * DHCPv6) on several devices run side by side as jobs; this waits for the
 * first useful result rather than trying the devices (or the address
 * families) one after another, so a machine whose only server sits behind
 * its last port, or speaks only IPv6, is configured in about the time one
 * device takes.
 */

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <net/configurator.h>
#include <usr/ifmgmt.h>
#include <usr/jobwait.h>
#include <wireboot/errfile.h>
#include <wireboot/timer.h>

#define ERRFILE ERRFILE_ifmgmt

struct attempt {
	struct job_waiter waiter;
	struct net_device *netdev;
	const struct net_configurator *configurator;
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

static void report(struct attempt *attempt, uint64_t start)
{
	uint64_t elapsed = monotonic_us() - start;
	char mac[18];

	attempt->reported = true;
	printf("%s (%s %s)", attempt->configurator->label,
	       attempt->netdev->name, eth_ntoa(attempt->netdev->ll_addr, mac));
	if (attempt->waiter.rc == 0) {
		printf(" ok (%u.%02u s)\n", (unsigned)(elapsed / 1000000),
		       (unsigned)(elapsed / 10000 % 100));
	} else {
		printf(" ");
		print_error(attempt->waiter.rc, attempt->waiter.reason);
	}
}

int ifconf(struct net_device **devices, unsigned count,
	   const struct net_configurator *const *configurators,
	   unsigned configurator_count,
	   bool (*accept)(struct net_device *netdev),
	   struct net_device **bound)
{
	struct attempt *attempts;
	uint64_t start = monotonic_us();
	unsigned i, total = count * configurator_count, running = 0;
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
		attempt->netdev = devices[i / configurator_count];
		attempt->configurator = configurators[i % configurator_count];
		rc = attempt->configurator->start(&attempt->waiter.job,
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
		printf("%s: Operation canceled\n",
		       configurator_count == 1 ? configurators[0]->label :
						 "Configuration");
		rc = cancel;
	}
	free(attempts);
	return rc;
}

int ifconf_all(const struct net_configurator *configurator,
	       bool (*accept)(struct net_device *netdev),
	       struct net_device **bound)
{
	const struct net_configurator **configurators, *each;
	struct net_device **devices, *netdev;
	unsigned count = 0, configurator_count = 0;
	int rc = -EUNIQ(ENOMEM, 6);

	for_each_netdev(netdev)
		count++;
	if (!count)
		return -EUNIQ(ENODEV, 5);
	devices = calloc(count, sizeof(*devices));
	configurators = calloc(TABLE_END(net_configurators) -
			       TABLE_START(net_configurators) + 1,
			       sizeof(*configurators));
	if (!devices || !configurators)
		goto out;
	count = 0;
	for_each_netdev(netdev)
		devices[count++] = netdev;
	if (configurator) {
		configurators[configurator_count++] = configurator;
	} else {
		for_each_table_entry(each, net_configurators) {
			if (each->autoboot)
				configurators[configurator_count++] = each;
		}
	}
	rc = ifconf(devices, count, configurators, configurator_count, accept,
		    bound);
out:
	free(configurators);
	free(devices);
	return rc;
}

/* DHCPv4 alone, as the dhcp command has it. */
int ifconf_dhcp(struct net_device **devices, unsigned count,
		bool (*accept)(struct net_device *netdev),
		struct net_device **bound)
{
	const struct net_configurator *dhcp = find_configurator("dhcp");

	if (!dhcp)
		return -EUNIQ(ENOTSUP, 7);
	return ifconf(devices, count, &dhcp, 1, accept, bound);
}

int ifconf_dhcp_all(bool (*accept)(struct net_device *netdev),
		    struct net_device **bound)
{
	const struct net_configurator *dhcp = find_configurator("dhcp");

	if (!dhcp)
		return -EUNIQ(ENOTSUP, 8);
	return ifconf_all(dhcp, accept, bound);
}
