#ifndef NET_DHCP_H
#define NET_DHCP_H

/*
 * DHCPv4 with the PXE client options. dhcp_configure() runs the exchange on
 * one device (DISCOVER, OFFER(s) incl. ProxyDHCP, REQUEST, ACK), applies the
 * IPv4 configuration and stores what the server said in the device's
 * "netN.dhcp" settings block (ip, netmask, gateway, dns, domain, filename,
 * next-server, ...).
 */

#include <wireboot/netdev.h>

/* Runs the main loop until bound (0) or failed (-ETIMEDOUT, -ECANCELED). */
int dhcp_configure(struct net_device *netdev);

#endif
