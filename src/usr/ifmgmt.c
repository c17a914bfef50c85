/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Interface management (see usr/ifmgmt.h). DHCP sessions on several devices
 * run side by side as jobs; this waits for the first useful lease rather
 * than trying the devices one after another, so a machine whose only
 * server sits behind its last port is configured in about the time one
 * device takes.
 */

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <net/dhcp.h>
#include <usr/ifmgmt.h>
#include <usr/jobwait.h>
#include <wireboot/errfile.h>
#include <wireboot/timer.h>

#define ERRFILE ERRFILE_ifmgmt

struct dhcp_attempt {
	struct job_waiter waiter;
	struct net_device *netdev;
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

static void report(struct dhcp_attempt *attempt, uint64_t start)
{
	uint64_t elapsed = monotonic_us() - start;
	char mac[18];

	attempt->reported = true;
	printf("DHCP (%s %s)", attempt->netdev->name,
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
 * NIC over): DHCP starts again there. */
static void follow_replacement(struct dhcp_attempt *attempt)
{
	struct net_device *replacement = netdev_replacement(attempt->netdev);
	int rc;

	if (attempt->waiter.done || !replacement)
		return;
	job_waiter_cancel(&attempt->waiter, -EUNIQ(ECANCELED, 7));
	job_waiter_init(&attempt->waiter);
	attempt->netdev = replacement;
	rc = start_dhcp(&attempt->waiter.job, replacement);
	if (rc) {
		attempt->waiter.done = true;
		attempt->waiter.rc = rc;
	}
}

int ifconf_dhcp(struct net_device **devices, unsigned count,
		bool (*accept)(struct net_device *netdev),
		struct net_device **bound)
{
	struct dhcp_attempt *attempts;
	uint64_t start = monotonic_us();
	unsigned i, running = 0;
	int rc = -EUNIQ(ENODEV, 1), cancel = 0;
	bool won = false;

	if (!count)
		return rc;
	attempts = calloc(count, sizeof(*attempts));
	if (!attempts)
		return -EUNIQ(ENOMEM, 2);
	for (i = 0; i < count; i++) {
		struct dhcp_attempt *attempt = &attempts[i];

		job_waiter_init(&attempt->waiter);
		attempt->netdev = devices[i];
		rc = start_dhcp(&attempt->waiter.job, devices[i]);
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
		for (i = 0; i < count && !cancel; i++) {
			struct dhcp_attempt *attempt = &attempts[i];

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
	for (i = 0; i < count; i++)
		job_waiter_cancel(&attempts[i].waiter, cancel ? cancel : rc);
	if (won) {
		rc = 0;
	} else if (cancel) {
		printf("DHCP: Operation canceled\n");
		rc = cancel;
	}
	free(attempts);
	return rc;
}

int ifconf_dhcp_all(bool (*accept)(struct net_device *netdev),
		    struct net_device **bound)
{
	struct net_device **devices, *netdev;
	unsigned count = 0;
	int rc;

	for_each_netdev(netdev)
		count++;
	if (!count)
		return -EUNIQ(ENODEV, 5);
	devices = calloc(count, sizeof(*devices));
	if (!devices)
		return -EUNIQ(ENOMEM, 6);
	count = 0;
	for_each_netdev(netdev)
		devices[count++] = netdev;
	rc = ifconf_dhcp(devices, count, accept, bound);
	free(devices);
	return rc;
}
