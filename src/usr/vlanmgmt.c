/* SPDX-License-Identifier: GPL-2.0-or-later */
/* VLAN devices for people and scripts (see usr/vlanmgmt.h). */

#include <stdio.h>
#include <net/vlan.h>
#include <usr/jobwait.h>
#include <usr/vlanmgmt.h>

int vcreate(struct net_device *trunk, unsigned tag, unsigned priority)
{
	struct net_device *vlan;
	int rc = vlan_create(trunk, tag, priority, &vlan);

	if (rc) {
		printf("Could not create VLAN %u on %s: ", tag, trunk->name);
		print_error(rc, NULL);
		return rc;
	}
	printf("%s: VLAN %u on %s\n", vlan->name, tag, trunk->name);
	return 0;
}

int vdestroy(struct net_device *netdev)
{
	int rc = vlan_destroy(netdev);

	if (rc) {
		printf("Could not remove %s: ", netdev->name);
		print_error(rc, NULL);
	}
	return rc;
}
