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

/* The PCI address in the device's location ("PCI 00:03.0"), or -ENOENT. */
static int pci_location(const struct net_device *netdev, uint32_t *busdevfn)
{
	uint8_t raw[4];
	int len, i;

	if (strncmp(netdev->location, "PCI ", 4) != 0)
		return -ENOENT;
	len = parse_setting(SETTING_BUSDEVFN, netdev->location + 4, raw,
			    sizeof(raw));
	if (len < 0)
		return -ENOENT;
	*busdevfn = 0;
	for (i = 0; i < len; i++)
		*busdevfn = *busdevfn << 8 | raw[i];
	return 0;
}

/* ${net0/busloc}: a uint32 as in the established language, so that
 * ${pci/${net0/busloc}.0.2} reads the NIC's vendor ID. */
static int fetch_busloc(struct settings *block, void *buf, size_t len)
{
	struct net_device *netdev = settings_netdev(block);
	uint32_t busdevfn;
	uint8_t raw[4];
	int i;

	if (!netdev || pci_location(netdev, &busdevfn))
		return -ENOENT;
	for (i = 0; i < 4; i++)
		raw[i] = (uint8_t)(busdevfn >> (8 * (3 - i)));
	return copy_out(raw, sizeof(raw), buf, len);
}

static int fetch_bustype(struct settings *block, void *buf, size_t len)
{
	struct net_device *netdev = settings_netdev(block);
	uint32_t busdevfn;

	if (!netdev || pci_location(netdev, &busdevfn))
		return -ENOENT;
	return copy_out("PCI", 3, buf, len);
}

BUILTIN_SETTING(netdev_mac_setting) = {
	.name = "mac", .type = SETTING_HEX, .fetch = fetch_mac,
};
BUILTIN_SETTING(netdev_chip_setting) = {
	.name = "chip", .type = SETTING_STRING, .fetch = fetch_chip,
};
BUILTIN_SETTING(netdev_busloc_setting) = {
	.name = "busloc", .type = SETTING_UINT32, .fetch = fetch_busloc,
};
BUILTIN_SETTING(netdev_bustype_setting) = {
	.name = "bustype", .type = SETTING_STRING, .fetch = fetch_bustype,
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
