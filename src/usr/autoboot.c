/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Autoboot policy (see usr/autoboot.h). Every device configures at once,
 * by IPv4 and IPv6 side by side; the first configuration that names a
 * boot file (a DHCPv4 file name, a DHCPv6 boot file URL) wins, so an
 * IPv6-only network boots without waiting out IPv4. A PXE server that
 * answers with a boot menu instead of a file counts too: its menu picks a
 * boot server type, and boot server discovery names the file. The boot
 * file's URI is built as an object and fetched as one, never formatted to
 * text and parsed back.
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
#include <usr/pxebsmgmt.h>
#include <usr/pxemenu.h>
#include <wireboot/errfile.h>
#include <wireboot/netdev.h>
#include <wireboot/settings.h>

#define ERRFILE ERRFILE_autoboot

/* A value of a scope (a device: its block or its DHCP block) as text;
 * "" if none. */
static void setting_text(const char *scope, const char *name, char *buf,
			 size_t len)
{
	char full_name[48];

	snprintf(full_name, sizeof(full_name), "%s/%s", scope, name);
	if (fetchf_setting(full_name, buf, len) < 0 && len)
		buf[0] = '\0';
}

static void netdev_setting_text(struct net_device *netdev, const char *name,
				char *buf, size_t len)
{
	setting_text(netdev->name, name, buf, len);
}

static bool has_boot_file(struct net_device *netdev)
{
	char filename[2];

	netdev_setting_text(netdev, "filename", filename, sizeof(filename));
	return filename[0] != '\0';
}

static bool bootable(struct net_device *netdev)
{
	return has_boot_file(netdev) || pxe_menu_offered(netdev);
}

/* The boot file named by the scope's "filename" and "next-server". */
static int boot_named(const char *scope)
{
	char filename[256], next_server[16];
	struct image *image;
	struct uri *uri;
	int rc;

	setting_text(scope, "filename", filename, sizeof(filename));
	setting_text(scope, "next-server", next_server, sizeof(next_server));
	uri = pxe_uri(next_server[0] ? next_server : NULL, filename);
	if (!uri)
		return -EUNIQ(ENOMEM, 1);
	rc = image_fetch_uri(uri, NULL, &image);
	uri_put(uri);
	return rc ? rc : image_run_once(image);
}

/* The lease's file, else the file of the boot server its menu leads to
 * (type 0 is the menu's "boot from the local disk": nothing to fetch). */
static int boot_from(struct net_device *netdev)
{
	uint16_t type;
	int rc;

	if (has_boot_file(netdev))
		return boot_named(netdev->name);
	rc = pxe_menu_choose(netdev, &type);
	if (rc == 0 && type == 0) {
		printf("Local boot chosen\n");
		return -EUNIQ(ECANCELED, 3);
	}
	if (rc == 0)
		rc = pxebs(netdev, type);
	return rc ? rc : boot_named("pxebs");
}

int autoboot(void)
{
	struct net_device *bound = NULL;
	int rc;

	if (list_empty(&net_devices)) {
		printf("No network devices: nothing to boot from\n");
		return -EUNIQ(ENODEV, 2);
	}
	rc = ifconf_autoboot(bootable, &bound);
	if (rc == 0)
		rc = boot_from(bound);
	if (rc && errno_base(rc) != -ECANCELED) {
		printf("Nothing booted: ");
		print_error(rc, NULL);
	}
	return rc;
}
