/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Boot server discovery (see usr/pxebsmgmt.h): the job of net/pxebs.h,
 * waited for with Ctrl-C. It ends by itself (about 7 s at most). */

#include <errno.h>
#include <stdio.h>
#include <net/dhcp.h>
#include <net/pxebs.h>
#include <usr/jobwait.h>
#include <usr/pxebsmgmt.h>
#include <wireboot/errfile.h>

#define ERRFILE ERRFILE_pxebsmgmt

/* Discovery follows DHCP: a device that has had a lease. */
static struct net_device *leased_netdev(void)
{
	struct net_device *netdev;
	size_t len;

	for_each_netdev(netdev) {
		if (dhcp_last_message(netdev, false, &len))
			return netdev;
	}
	return NULL;
}

int pxebs(struct net_device *netdev, unsigned int type)
{
	struct job_waiter waiter;
	char label[48];
	int rc;

	if (type > 0xffff) {
		printf("pxebs: server type %u is out of range (0-65535)\n", type);
		return -EUNIQ(ERANGE, 1);
	}
	if (!netdev)
		netdev = leased_netdev();
	if (!netdev) {
		printf("pxebs: no device has a DHCP lease (run dhcp first)\n");
		return -EUNIQ(ENETUNREACH, 2);
	}
	job_waiter_init(&waiter);
	rc = start_pxebs(&waiter.job, netdev, (uint16_t)type);
	if (rc == 0) {
		snprintf(label, sizeof(label), "PXE boot server (%s)",
			 netdev->name);
		rc = job_wait(&waiter, label, 0);
	}
	if (rc) {
		printf("Could not find a boot server of type %u on %s: ", type,
		       netdev->name);
		print_error(rc, waiter.reason);
	}
	return rc;
}
