#ifndef NET_DHCP_H
#define NET_DHCP_H

/*
 * DHCPv4 with the PXE client options. dhcp_configure() runs the exchange on
 * one device (DISCOVER, OFFER(s) incl. ProxyDHCP, REQUEST, ACK), applies the
 * IPv4 configuration and stores what the server said in the device's
 * "netN.dhcp" settings block (ip, netmask, gateway, dns, domain, filename,
 * next-server, ...).
 */

#include <stdint.h>
#include <wireboot/netdev.h>

/* How long the last successful dhcp_configure() took from the first
 * DISCOVER to bound, in microseconds (for benchmarks). */
extern uint64_t dhcp_last_duration_us;

/* Runs the main loop until bound (0) or failed (-ETIMEDOUT, -ECANCELED). */
int dhcp_configure(struct net_device *netdev);

#endif
