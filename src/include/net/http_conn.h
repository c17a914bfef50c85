/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef NET_HTTP_CONN_H
#define NET_HTTP_CONN_H

/*
 * The pool of idle HTTP connections (src/net/http_conn.c), keyed by host
 * and port: a request whose response ended cleanly on a connection the
 * server keeps open puts it here, the next request to that server takes
 * it instead of opening a new one.
 */

#include <stdbool.h>
#include <wireboot/interface.h>

/* Takes over the connection socket is plugged to (socket is unplugged);
 * scheme is a transport's own string (net/http_transport.h), kept. */
void http_conn_put(struct interface *socket, const char *scheme,
		   const char *host, unsigned port);
/* Plugs socket to an idle connection of scheme to host:port: true if
 * there was one. */
bool http_conn_get(struct interface *socket, const char *scheme,
		   const char *host, unsigned port);

#endif
