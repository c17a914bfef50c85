/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * What the command line sets up once the devices exist: each device named
 * with --tap or --dgram is opened and given its --ip configuration, and the
 * --udp-echo service starts. It is a late prober, so it runs after the TAP
 * and UDP probers (and is removed before it), whoever probes the devices.
 */

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <net/ipv4.h>
#include <wireboot/device.h>
#include <wireboot/settings.h>
#include "linux.h"

int linux_parse_ip(const char *text, struct linux_ip_config *config)
{
	struct in_addr address, gateway = { 0 }, dns = { 0 };
	char address_text[16], gateway_text[16];
	const char *slash = strchr(text, '/');
	const char *comma = strchr(text, ',');
	const char *comma2 = comma ? strchr(comma + 1, ',') : NULL;
	unsigned long prefix;
	char *end;

	if (!slash || (size_t)(slash - text) >= sizeof(address_text))
		return -EINVAL;
	memcpy(address_text, text, (size_t)(slash - text));
	address_text[slash - text] = '\0';
	if (inet_aton(address_text, &address) != 0 || !address.s_addr)
		return -EINVAL;
	if (slash[1] < '0' || slash[1] > '9')
		return -EINVAL;
	prefix = strtoul(slash + 1, &end, 10);
	if (prefix > 32 || end != (comma ? comma : slash + strlen(slash)))
		return -EINVAL;
	if (comma) {
		size_t len = comma2 ? (size_t)(comma2 - comma - 1) :
				      strlen(comma + 1);

		if (len >= sizeof(gateway_text))
			return -EINVAL;
		memcpy(gateway_text, comma + 1, len);
		gateway_text[len] = '\0';
		if (inet_aton(gateway_text, &gateway) != 0)
			return -EINVAL;
	}
	if (comma2 && inet_aton(comma2 + 1, &dns) != 0)
		return -EINVAL;
	config->address = address.s_addr;
	config->netmask = prefix ? htonl(0xffffffffU << (32 - prefix)) : 0;
	config->gateway = gateway.s_addr;
	config->dns = dns.s_addr;
	return 0;
}

static int linux_setup_probe(void)
{
	char text[16];
	unsigned i;
	int rc;

	for (i = 0; i < linux_options.tap_count; i++) {
		const struct linux_tap_option *tap = &linux_options.taps[i];
		struct net_device *netdev = linux_netdevs[i];

		if (!netdev)
			continue;
		rc = netdev_open(netdev);
		if (rc == 0 && tap->ip.address) {
			struct in_addr address = { tap->ip.address };
			struct in_addr netmask = { tap->ip.netmask };
			struct in_addr gateway = { tap->ip.gateway };
			struct in_addr dns = { tap->ip.dns };

			/* As a script's "set netX/ip" would: the settings
			 * applicator configures the device. */
			rc = store_setting(&netdev->settings, "netmask",
					   SETTING_IPV4, &netmask, 4);
			if (rc == 0 && gateway.s_addr)
				rc = store_setting(&netdev->settings, "gateway",
						   SETTING_IPV4, &gateway, 4);
			if (rc == 0 && dns.s_addr)
				rc = store_setting(&netdev->settings, "dns",
						   SETTING_IPV4, &dns, 4);
			if (rc == 0)
				rc = store_setting(&netdev->settings, "ip",
						   SETTING_IPV4, &address, 4);
			if (rc == 0)
				printf("%s: IPv4 %s on %s\n", netdev->name,
				       inet_ntoa_r(address, text), tap->name);
		}
		if (rc != 0)
			printf("%s (%s): %s\n", netdev->name, tap->name,
			       strerror(rc));
	}
	if (linux_options.udp_echo_port) {
		rc = udp_echo_start(linux_options.udp_echo_port);
		if (rc != 0)
			printf("UDP echo on port %u: %s\n",
			       linux_options.udp_echo_port, strerror(rc));
	}
	if (linux_options.udp_resolve_port) {
		rc = udp_resolve_start(linux_options.udp_resolve_port);
		if (rc != 0)
			printf("UDP name service on port %u: %s\n",
			       linux_options.udp_resolve_port, strerror(rc));
	}
	return 0;
}

/* The IPv4 configuration goes with each device (its settings). */
static void linux_setup_remove(void)
{
	if (linux_options.udp_echo_port)
		udp_echo_stop();
	if (linux_options.udp_resolve_port)
		udp_resolve_stop();
}

DEVICE_PROBER_LATE(linux_setup_prober) = {
	.name = "linux-setup",
	.probe = linux_setup_probe,
	.remove = linux_setup_remove,
};
