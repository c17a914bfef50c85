/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Autoboot policy (see usr/autoboot.h). Every device configures at once,
 * by IPv4 and IPv6 side by side; the first configuration that names a
 * boot file (a DHCPv4 file name, a DHCPv6 boot file URL) wins, so an
 * IPv6-only network boots without waiting out IPv4. The boot file's URI is built
 * as an object and fetched as one, never formatted to text and parsed back.
 */

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <net/in.h>
#include <usr/autoboot.h>
#include <usr/ifmgmt.h>
#include <usr/imgmgmt.h>
#include <usr/jobwait.h>
#include <wireboot/errfile.h>
#include <wireboot/netdev.h>
#include <wireboot/settings.h>

#define ERRFILE ERRFILE_autoboot

/* A value of netdev's block (or its DHCP block) as text; "" if none. */
static void netdev_setting_text(struct net_device *netdev, const char *name,
				char *buf, size_t len)
{
	char full_name[48];

	snprintf(full_name, sizeof(full_name), "%s/%s", netdev->name, name);
	if (fetchf_setting(full_name, buf, len) < 0 && len)
		buf[0] = '\0';
}

static bool has_boot_file(struct net_device *netdev)
{
	char filename[2];

	netdev_setting_text(netdev, "filename", filename, sizeof(filename));
	return filename[0] != '\0';
}

static int boot_from(struct net_device *netdev)
{
	char filename[256], next_server[16];
	struct image *image;
	struct uri *uri;
	int rc;

	netdev_setting_text(netdev, "filename", filename, sizeof(filename));
	netdev_setting_text(netdev, "next-server", next_server,
			    sizeof(next_server));
	uri = pxe_uri(next_server[0] ? next_server : NULL, filename);
	if (!uri)
		return -EUNIQ(ENOMEM, 1);
	rc = image_fetch_uri(uri, NULL, &image);
	uri_put(uri);
	return rc ? rc : image_run_once(image);
}

int autoboot(void)
{
	struct net_device *bound = NULL;
	int rc;

	if (list_empty(&net_devices)) {
		printf("No network devices: nothing to boot from\n");
		return -EUNIQ(ENODEV, 2);
	}
	rc = ifconf_autoboot(has_boot_file, &bound);
	if (rc == 0)
		rc = boot_from(bound);
	if (rc && errno_base(rc) != -ECANCELED) {
		printf("Nothing booted: ");
		print_error(rc, NULL);
	}
	return rc;
}
