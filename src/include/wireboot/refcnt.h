/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef WIREBOOT_REFCNT_H
#define WIREBOOT_REFCNT_H

/*
 * Reference counts for objects shared between layers (a network device held
 * by its driver, its IP configuration and an open connection; a download
 * held by the script and the protocol feeding it). The object is freed by
 * its own free() when the last reference is dropped.
 */

#include <stddef.h>

struct refcnt {
	unsigned count;
	void (*free)(struct refcnt *refcnt);
};

/* Starts with one reference, owned by the creator. */
static inline void ref_init(struct refcnt *refcnt,
			    void (*free)(struct refcnt *refcnt))
{
	refcnt->count = 1;
	refcnt->free = free;
}

static inline void ref_get(struct refcnt *refcnt)
{
	if (refcnt)
		refcnt->count++;
}

static inline void ref_put(struct refcnt *refcnt)
{
	if (refcnt && --refcnt->count == 0 && refcnt->free)
		refcnt->free(refcnt);
}

#endif
