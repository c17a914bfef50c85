/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef WIREBOOT_OPEN_H
#define WIREBOOT_OPEN_H

/*
 * Opening a transfer by URI: each scheme ("tftp", later "http") registers
 * an opener in the "uri_openers" table; the opener starts the protocol and
 * plugs it to the caller's xfer interface, which then receives the data and
 * finally a close with the transfer's result. Nothing waits and nothing is
 * printed: an unknown scheme is an error number like any other.
 */

#include <wireboot/tables.h>
#include <wireboot/uri.h>
#include <wireboot/interface.h>

struct uri_opener {
	const char *scheme;
	int (*open)(struct interface *receiver, struct uri *uri);
};
TABLE_DECLARE(const struct uri_opener, uri_openers);
#define URI_OPENER(name) \
	const struct uri_opener name TABLE_ENTRY(const struct uri_opener, uri_openers, 01)

/* Returns 0 (data will arrive through receiver) or a negative error, e.g.
 * -ENOTSUP for an unknown scheme. */
int xfer_open_uri(struct interface *receiver, struct uri *uri);

#endif
