/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef NET_UDP_H
#define NET_UDP_H

/*
 * UDP sockets over the tcpip layer, for any address family. A protocol
 * (DHCP, TFTP, DNS) opens one plugged to its xfer interface, with an
 * optional peer and an optional local address (port 0: an ephemeral one;
 * a scope: only that device). Datagrams arrive through deliver() with
 * their source and destination addresses and device in the metadata; a
 * datagram sent names its destination in the metadata, or goes to the
 * peer. Closing the interface closes the socket.
 *
 * Opened through xfer_open_socket(..., SOCK_DGRAM, ...) (net/socket.h).
 */

#include <stdint.h>
#include <net/socket.h>

#define UDP_HLEN 8

int udp_open(struct interface *xfer, const struct sockaddr *peer,
	     const struct sockaddr *local);

#endif
