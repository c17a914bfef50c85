/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef NET_HTTP_TRANSPORT_H
#define NET_HTTP_TRANSPORT_H

/*
 * What HTTP runs over, by URI scheme: "http" over TCP (net/http.c), and
 * "https" over TLS over TCP (net/https.c, linked only with TLS). Each
 * entry names its default port and opens a stream connection for the
 * request's socket interface; redirects may go between schemes that
 * have an entry.
 */

#include <stdint.h>
#include <wireboot/interface.h>
#include <wireboot/tables.h>
#include <wireboot/uri.h>

struct http_transport {
	const char *scheme;
	unsigned port;
	int (*open)(struct interface *socket, const char *host, uint16_t port);
};

TABLE_DECLARE(const struct http_transport, http_transports);
#define HTTP_TRANSPORT(name) \
	const struct http_transport name \
	TABLE_ENTRY(const struct http_transport, http_transports, 01)

/* The transport of scheme, or NULL. */
const struct http_transport *http_transport(const char *scheme);

/* The HTTP client's URI opener, for every scheme with a transport. */
int http_open(struct interface *receiver, struct uri *uri);

#endif
