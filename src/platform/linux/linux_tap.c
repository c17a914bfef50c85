/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Network devices over Linux TAP interfaces (named with --tap): each frame
 * the kernel routes to the interface is read from /dev/net/tun, and each
 * frame we send is written there (linux_netfd.c). The interface must exist
 * and be up (e.g. "ip tuntap add dev tap0 mode tap"), or we create a
 * transient one.
 */

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <linux/if_tun.h>
#include <net/if.h>
#include <sys/ioctl.h>
#include <wireboot/device.h>
#include <wireboot/features.h>
#include "linux.h"

static int tap_attach(const char *name, int fd)
{
	struct ifreq ifr;

	memset(&ifr, 0, sizeof(ifr));
	ifr.ifr_flags = IFF_TAP | IFF_NO_PI;
	if (strlen(name) >= sizeof(ifr.ifr_name))
		return -EINVAL;
	strcpy(ifr.ifr_name, name);
	if (ioctl(fd, TUNSETIFF, &ifr) != 0)
		return -errno;
	return 0;
}

static void tap_create(unsigned index)
{
	const char *name = linux_options.taps[index].name;
	int fd, rc;

	fd = open("/dev/net/tun", O_RDWR | O_NONBLOCK | O_CLOEXEC);
	if (fd < 0) {
		printf("tap %s: /dev/net/tun: %s\n", name, strerror(-errno));
		return;
	}
	rc = tap_attach(name, fd);
	if (rc)
		close(fd);
	else
		rc = linux_netfd_create(index, fd, "tap");
	if (rc)
		printf("tap %s: %s\n", name, strerror(rc));
}

static int tap_probe(void)
{
	unsigned i;

	for (i = 0; i < linux_options.tap_count; i++) {
		if (!linux_options.taps[i].dgram)
			tap_create(i);
	}
	return 0;
}

static void tap_remove(void)
{
	linux_netfd_remove(false);
}

DEVICE_PROBER(tap_prober) = {
	.name = "tap",
	.probe = tap_probe,
	.remove = tap_remove,
};
FEATURE("tap");
