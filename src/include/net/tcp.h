/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef NET_TCP_H
#define NET_TCP_H

/*
 * TCP client connections (RFC 9293) over the tcpip layer, for any address
 * family. A protocol (HTTP) opens one plugged to its xfer interface, to a
 * peer and from an optional local address (port 0: an ephemeral one):
 *
 * - the window it sees is 0 until the connection is established; then it
 *   is told window_changed() and may deliver() the bytes to send (as much
 *   as the window says);
 * - the received byte stream arrives in order through deliver(), as fast
 *   as the receiver's own window lets it (what it cannot take yet is held
 *   and the advertised window shrinks; call window_changed() when ready);
 * - the connection ends with close(): 0 after the peer's FIN and all its
 *   data, or the reason (-ECONNREFUSED, -ECONNRESET, -ETIMEDOUT ...).
 *   Closing the interface with 0 sends our FIN after the queued data; with
 *   an error, or with received data left unread, it resets.
 *
 * The receive buffer is the "tcp-rcvbuf" setting (bytes), 2 MiB by
 * default. Opened through xfer_open_socket(..., SOCK_STREAM, ...).
 */

#include <net/socket.h>

#define TCP_RCVBUF_DEFAULT (2U << 20)
#define TCP_RCVBUF_MIN (16U << 10)
/* What 16 bits of window can say with the largest scale (RFC 7323). */
#define TCP_RCVBUF_MAX (1U << 30)

int tcp_open(struct interface *xfer, const struct sockaddr *peer,
	     const struct sockaddr *local);

#endif
