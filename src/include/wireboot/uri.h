/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef WIREBOOT_URI_H
#define WIREBOOT_URI_H

/*
 * URIs (RFC 3986): parsing, resolution of relative references against a
 * base, and formatting. Every component is a separate NUL-terminated,
 * percent-decoded string (NULL when absent).
 */

#include <stdint.h>
#include <wireboot/refcnt.h>

struct uri {
	struct refcnt refcnt;
	char *scheme;
	char *user;
	char *password;
	char *host;
	char *port;
	char *path;
	char *query;
	char *fragment;
	char *opaque;	/* what follows "scheme:" when there is no "//" */
};

/* Parses text; NULL on out of memory. Malformed input still yields a URI
 * (with what could be recognised), as browsers do; callers check fields. */
struct uri *parse_uri(const char *text);
static inline struct uri *uri_get(struct uri *uri) { ref_get(&uri->refcnt); return uri; }
static inline void uri_put(struct uri *uri) { if (uri) ref_put(&uri->refcnt); }

/* The port as a number, or default_port when absent or invalid. */
unsigned uri_port(const struct uri *uri, unsigned default_port);
/* Resolves relative against base (RFC 3986 section 5.2); NULL on ENOMEM. */
struct uri *resolve_uri(const struct uri *base, const struct uri *relative);
/* Formats uri as text (percent-encoding what needs it); like snprintf. */
int format_uri(const struct uri *uri, char *buf, size_t len);

/*
 * The URI a boot file name refers to: a full URI as given, otherwise a TFTP
 * URI on next_server (a bare file name from DHCP, RFC 2132 "filename").
 */
struct uri *pxe_uri(const char *next_server, const char *filename);

#endif
