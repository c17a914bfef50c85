/* Opening transfers by URI scheme (see open.h). */

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <wireboot/open.h>

TABLE_DEFINE(const struct uri_opener, uri_openers);

int xfer_open_uri(struct xfer *receiver, struct uri *uri)
{
	const struct uri_opener *opener;

	if (!uri->scheme) {
		printf("No protocol given (a URI such as tftp://server/file "
		       "was expected)\n");
		return -ENOTSUP;
	}
	for_each_table_entry(opener, uri_openers) {
		if (strcasecmp(opener->scheme, uri->scheme) == 0)
			return opener->open(receiver, uri);
	}
	printf("Protocol '%s' is not supported by this build\n", uri->scheme);
	return -ENOTSUP;
}
