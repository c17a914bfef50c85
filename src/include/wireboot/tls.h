/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef WIREBOOT_TLS_H
#define WIREBOOT_TLS_H

/*
 * TLS client connections (src/crypto/tls.c, over wolfSSL): a filter
 * between a stream user (HTTP) and a TCP connection. The user sees a
 * stream interface like TCP's: its window opens once the handshake is
 * done and the server's certificate verified against the certificate
 * store (wireboot/certstore.h) for host; it receives the plaintext as
 * its own window allows; a failure arrives as a reason text (.reason:
 * "untrusted issuer", "name mismatch (certificate is for X)", ...) and
 * then the close with the error number.
 */

#include <stdint.h>
#include <wireboot/interface.h>

/* Opens a TLS connection to host:port (a name or an address) for xfer. */
int tls_open_named(struct interface *xfer, const char *host, uint16_t port);

#endif
