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
 * DOWNLOAD_PROTO_HTTP
 *   http:// URIs: HTTP/1.1 GET (and POST of "params" lists), redirects,
 *   Basic and Digest authentication, resumption of broken transfers.
 *   Needs NET_PROTO_TCP. Defined.
 *
 * DOWNLOAD_PROTO_HTTPS
 *   https:// URIs: HTTP over TLS 1.3 or 1.2 (wolfSSL), servers verified
 *   against the certificate store (TRUST= at build time, the
 *   TlsCaCertificate variable, certstore at run time); CERT=/PRIVKEY=
 *   give a client certificate. Needs DOWNLOAD_PROTO_HTTP. Defined.
 *
 * NETDEV_FAULT_RX
 *   Tests only (CONFIG=fault-rx): native NIC drivers drop every received
 *   frame, so the health check hands them to the firmware's driver. Not
 *   defined; signed builds refuse it.
 */

#define DOWNLOAD_PROTO_TFTP
#define DOWNLOAD_PROTO_HTTP
#define DOWNLOAD_PROTO_HTTPS

/* NET_PROTO_IPV4: IPv4 (with ARP and ICMP echo), on by default.
 * NET_PROTO_IPV6: IPv6 (with NDP, SLAAC, ICMPv6 echo and DHCPv6), on by
 * default.
 * NET_PROTO_TCP: TCP client connections (SOCK_STREAM sockets, for HTTP),
 *   on by default; the "tcp-rcvbuf" setting sizes their receive buffer.
 * DNS_RESOLVER: host names in URIs resolved by DNS, on by default. */
#define NET_PROTO_IPV4
#define NET_PROTO_IPV6
#define NET_PROTO_TCP
#define DNS_RESOLVER

/* NET_CMDS: the network commands nslookup, ping, route, ifstat, ifopen,
 *   ifclose, ifconf. Defined.
 * PXEBS_CMD: pxebs, PXE boot server discovery after DHCP (the "pxebs"
 *   settings scope). Defined.
 * NTP_CMD: ntp, an SNTP client that sets the wall clock. Defined.
 * VLAN_CMD: vcreate and vdestroy, 802.1Q VLAN devices. Defined.
 * TIME_CMD: time, which reports how long a command took. Defined.
 * CERT_CMD: certstat, certstore and certfree, the trusted certificates
 *   (built in with TRUST=, from the TlsCaCertificate variable, added at
 *   run time). Defined. */
#define NET_CMDS
#define PXEBS_CMD
#define NTP_CMD
#define VLAN_CMD
#define TIME_CMD
#define CERT_CMD

/* IMAGE_TRUST_CMD: imgverify (detached CMS signatures over images,
 *   checked against the certificate store: wolfSSL's PKCS#7, X.509, RSA
 *   and ECC are linked) and imgtrust (only trusted images run), in the
 *   applications and the hosted program; driver images never carry them
 *   (an option ROM's size is limited, ROM_MAX). Defined. */
#define IMAGE_TRUST_CMD

#include <config/named.h>
#if defined(CONFIG_NAMED) && __has_include(CONFIG_NAMED_PATH(general.h))
#include CONFIG_NAMED_PATH(general.h)
#endif
#if __has_include(<config/local/general.h>)
#include <config/local/general.h>
#endif

#endif
