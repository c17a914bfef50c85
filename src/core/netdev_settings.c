/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * What every network device block ("net0") shows without storing it:
 * computed from the device when asked, so they never go stale.
 */

#include <errno.h>
#include <string.h>
#include <wireboot/netdev.h>
#include <wireboot/settings.h>

PROVIDE_OBJECT(netdev_settings);

static struct net_device *settings_netdev(struct settings *block)
{
	struct net_device *netdev;

	for_each_netdev(netdev) {
		if (&netdev->settings == block)
			return netdev;
	}
	return NULL;
}

static int copy_out(const void *value, size_t value_len, void *buf,
		    size_t len)
{
	if (len)
		memcpy(buf, value, value_len < len ? value_len : len);
	return (int)value_len;
}

static int fetch_mac(struct settings *block, void *buf, size_t len)
{
	struct net_device *netdev = settings_netdev(block);

	if (!netdev)
		return -ENOENT;
	return copy_out(netdev->ll_addr, sizeof(netdev->ll_addr), buf, len);
}

static int fetch_chip(struct settings *block, void *buf, size_t len)
{
	struct net_device *netdev = settings_netdev(block);

	if (!netdev || !netdev->driver_name)
		return -ENOENT;
	return copy_out(netdev->driver_name, strlen(netdev->driver_name), buf,
			len);
}

static int fetch_ifname(struct settings *block, void *buf, size_t len)
{
	struct net_device *netdev = settings_netdev(block);

	if (!netdev)
		return -ENOENT;
	return copy_out(netdev->name, strlen(netdev->name), buf, len);
}

BUILTIN_SETTING(netdev_mac_setting) = {
	.name = "mac", .type = SETTING_HEX, .fetch = fetch_mac,
};
BUILTIN_SETTING(netdev_chip_setting) = {
	.name = "chip", .type = SETTING_STRING, .fetch = fetch_chip,
};
BUILTIN_SETTING(netdev_ifname_setting) = {
	.name = "ifname", .type = SETTING_STRING, .fetch = fetch_ifname,
};

static struct settings *last_opened_settings(void)
{
	struct net_device *netdev = last_opened_netdev();

	return netdev ? &netdev->settings : NULL;
}

SETTINGS_ALIAS(netx_alias) = {
	.name = "netX",
	.resolve = last_opened_settings,
};
