/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Opening sockets by type, and socket addresses as text (see
 * net/socket.h).
 */

#include <errno.h>
#include <stdio.h>
#include <net/socket.h>
#include <wireboot/errfile.h>

#define ERRFILE ERRFILE_socket

TABLE_DEFINE(const struct socket_opener, socket_openers);
TABLE_DEFINE(const struct sockaddr_family, sockaddr_families);

int xfer_open_socket(struct interface *xfer, int semantics,
		     const struct sockaddr *peer, const struct sockaddr *local)
{
	const struct socket_opener *opener;

	for_each_table_entry(opener, socket_openers) {
		if (opener->semantics == semantics)
			return opener->open(xfer, peer, local);
	}
	return -EUNIQ(ENOTSUP, 1);
}

const char *sock_ntoa(const struct sockaddr *sa, char *buf, size_t len)
{
	const struct sockaddr_family *family;

	for_each_table_entry(family, sockaddr_families) {
		if (family->family == sa->sa_family)
			return family->ntoa(sa, buf, len);
	}
	snprintf(buf, len, "(family %u)", sa->sa_family);
	return buf;
}
