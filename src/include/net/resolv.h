/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef NET_RESOLV_H
#define NET_RESOLV_H

/*
 * Name resolution as a job: resolv() starts a lookup plugged to the
 * caller's interface, which is told the answer through resolved() and then
 * closed (0, or the error). Nothing waits: a numeric address is answered
 * from the next pass of the main loop, a name by DNS when its answer comes.
 * So a lookup may start from anywhere, a receive path included.
 *
 * Resolvers register in the "resolvers" table in order; each either takes
 * the name or returns -ENOTSUP to let the next one try.
 */

#include <net/socket.h>
#include <wireboot/tables.h>

struct resolver {
	const char *name;
	/* sa gives the wanted family (0: any) and is copied by the
	 * resolver; the answer comes through intf's resolved(). */
	int (*resolv)(struct interface *intf, const char *name,
		      const struct sockaddr *sa);
};
TABLE_DECLARE(const struct resolver, resolvers);
/* order: 01 numeric, 02 DNS */
#define RESOLVER(name, order) \
	const struct resolver name TABLE_ENTRY(const struct resolver, resolvers, order)

/* sa: a template for the answer (its family, port and scope), or NULL
 * for any family. */
int resolv(struct interface *intf, const char *name,
	   const struct sockaddr *sa);
/* A resolver's answer to whoever asked. */
void resolv_done(struct interface *intf, const struct sockaddr *sa);

#endif
