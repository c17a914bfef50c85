/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Fault injection for tests (CONFIG=fault-rx, NETDEV_FAULT_RX): every frame
 * received on a device that has a fallback -- a native driver the platform
 * could replace -- is dropped, as if its receive path were broken, so the
 * health check (netdev_health.c) must hand the device over. Devices
 * without a fallback (the firmware's SNP) receive normally. Signed builds
 * refuse it (src/Makefile.sign).
 */

#include <wireboot/netdev.h>

PROVIDE_OBJECT(netdev_fault_rx);

static bool drop_on_native(struct net_device *netdev, struct io_buffer *iob)
{
	(void)iob;
	return netdev->fallback != NULL;
}

NETDEV_RX_FILTER(netdev_fault_rx_filter) = {
	.drop = drop_on_native,
};
