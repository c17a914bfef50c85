/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef CONFIG_GENERAL_H
#define CONFIG_GENERAL_H

/*
 * General features, with their defaults. A named configuration or
 * src/config/local/general.h may #define or #undef any of them.
 *
 * EFI_DOWNGRADE_UX
 *   Driver images (.efidrv/.efirom) become thin: NIC driver plus the
 *   EFI_SIMPLE_NETWORK_PROTOCOL export only, so that the firmware's own
 *   network stack boots over it. Without it, a driver image carries the
 *   whole stack and takes network boot over. Not defined by default.
 *
 * DOWNLOAD_PROTO_TFTP
 *   tftp:// URIs (and DHCP boot file names on a next-server). Defined.
 *
 * NETDEV_FAULT_RX
 *   Tests only (CONFIG=fault-rx): native NIC drivers drop every received
 *   frame, so the health check hands them to the firmware's driver. Not
 *   defined; signed builds refuse it.
 */

#define DOWNLOAD_PROTO_TFTP

/* NET_PROTO_IPV4: IPv4 (with ARP and ICMP echo), on by default.
 * DNS_RESOLVER: host names in URIs resolved by DNS, on by default. */
#define NET_PROTO_IPV4
#define DNS_RESOLVER

#include <config/named.h>
#if defined(CONFIG_NAMED) && __has_include(CONFIG_NAMED_PATH(general.h))
#include CONFIG_NAMED_PATH(general.h)
#endif
#if __has_include(<config/local/general.h>)
#include <config/local/general.h>
#endif

#endif
