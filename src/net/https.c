/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * https:// URIs: HTTP (net/http.c) over TLS (wireboot/tls.h) over TCP,
 * port 443 unless the URI says otherwise. Everything HTTP does --
 * redirects between http and https, resuming with Range, keeping
 * connections for the next request -- works the same over TLS, as TLS
 * offers HTTP the stream interface TCP would. config_net.c links this
 * with DOWNLOAD_PROTO_HTTPS, and with it wolfSSL's TLS code and the
 * certificate store.
 */

#include <net/http_transport.h>
#include <wireboot/features.h>
#include <wireboot/open.h>
#include <wireboot/tls.h>

PROVIDE_OBJECT(https);
FEATURE("https");

#define HTTPS_PORT 443

HTTP_TRANSPORT(https_transport) = {
	.scheme = "https",
	.port = HTTPS_PORT,
	.open = tls_open_named,
};

URI_OPENER(https_uri_opener) = {
	.scheme = "https",
	.open = http_open,
};
