/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Name resolution (see net/resolv.h): the resolver table, and the numeric
 * resolver, which answers literal addresses of any registered family. Its
 * answer comes from a process on the next pass rather than from inside
 * resolv(), so every caller sees one behaviour: an answer always arrives
 * later, through its interface.
 */

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <net/resolv.h>
#include <wireboot/errfile.h>
#include <wireboot/process.h>

#define ERRFILE ERRFILE_resolv

TABLE_DEFINE(const struct resolver, resolvers);

void resolv_done(struct interface *intf, const struct sockaddr *sa)
{
	struct interface *dest;
	void (*resolved)(struct interface *, const struct sockaddr *) =
		intf_get_dest_op(intf, resolved, &dest);

	if (resolved)
		resolved(dest, sa);
	intf_put(dest);
}

int resolv(struct interface *intf, const char *name,
	   const struct sockaddr *sa)
{
	static const struct sockaddr any_family;
	const struct resolver *resolver;
	int rc;

	if (!sa)
		sa = &any_family;
	for_each_table_entry(resolver, resolvers) {
		rc = resolver->resolv(intf, name, sa);
		if (errno_base(rc) != -ENOTSUP)
			return rc;
	}
	return -EUNIQ(ENXIO, 1);
}

/* ---- numeric addresses ------------------------------------------------ */

struct numeric_lookup {
	struct refcnt refcnt;
	struct interface resolv;
	struct process process;
	struct sockaddr sa;
};

static void numeric_step(struct process *process)
{
	struct numeric_lookup *lookup =
		container_of(process, struct numeric_lookup, process);

	process_del(process);
	resolv_done(&lookup->resolv, &lookup->sa);
	intf_shutdown(&lookup->resolv, 0);
}

/* The asker gave up before the answer. */
static void numeric_close(struct interface *intf, int rc)
{
	struct numeric_lookup *lookup =
		container_of(intf, struct numeric_lookup, resolv);

	process_del(&lookup->process);
	intf_shutdown(&lookup->resolv, rc);
}

static const struct interface_operations numeric_operations = {
	.close = numeric_close,
};

static void numeric_free(struct refcnt *refcnt)
{
	free(container_of(refcnt, struct numeric_lookup, refcnt));
}

static int numeric_resolv(struct interface *intf, const char *name,
			  const struct sockaddr *sa)
{
	const struct sockaddr_family *family;
	struct numeric_lookup *lookup;
	struct sockaddr parsed;

	for_each_table_entry(family, sockaddr_families) {
		memcpy(&parsed, sa, sizeof(parsed));
		if ((!sa->sa_family || sa->sa_family == family->family) &&
		    family->aton && family->aton(name, &parsed) == 0)
			break;
	}
	if (family == TABLE_END(sockaddr_families))
		return -EUNIQ(ENOTSUP, 2);	/* a name, not a number */
	lookup = zalloc(sizeof(*lookup));
	if (!lookup)
		return -EUNIQ(ENOMEM, 3);
	ref_init(&lookup->refcnt, numeric_free);
	intf_init(&lookup->resolv, &numeric_operations, &lookup->refcnt);
	process_init(&lookup->process, numeric_step, &lookup->refcnt);
	lookup->sa = parsed;
	process_add(&lookup->process);
	intf_plug_plug(&lookup->resolv, intf);
	ref_put(&lookup->refcnt);
	return 0;
}

RESOLVER(numeric_resolver, 01) = {
	.name = "numeric",
	.resolv = numeric_resolv,
};
