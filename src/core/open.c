/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Opening transfers by URI scheme (see open.h). */

#include <errno.h>
#include <string.h>
#include <wireboot/errfile.h>
#include <wireboot/open.h>

#define ERRFILE ERRFILE_open

TABLE_DEFINE(const struct uri_opener, uri_openers);

int xfer_open_uri(struct interface *receiver, struct uri *uri)
{
	const struct uri_opener *opener;

	if (!uri->scheme)
		return -EUNIQ(ENOTSUP, 1);	/* no protocol given */
	for_each_table_entry(opener, uri_openers) {
		if (strcasecmp(opener->scheme, uri->scheme) == 0)
			return opener->open(receiver, uri);
	}
	return -EUNIQ(ENOTSUP, 2);	/* not in this build */
}
