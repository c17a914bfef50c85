/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef WIREBOOT_INTERFACE_H
#define WIREBOOT_INTERFACE_H

/*
 * Object interfaces: how one object (a download, a TFTP connection, a UDP
 * socket, a DHCP session, the user-level waiter) talks to another without
 * knowing what it is.
 *
 * An interface lives inside its object and points at the interface of the
 * peer object ("dest"). Plugging takes a reference on the peer's object, so
 * a peer never vanishes while it is plugged; an unplugged interface points
 * at null_intf, never at NULL, so calling through it is always safe and
 * does nothing (or reports -ENOTCONN).
 *
 * The operations a peer may call are one table of optional slots. A slot
 * left NULL gives the default behaviour of intf_*() below. An object that
 * forwards what it does not handle itself (a filter between two others)
 * names its other interface in passthru: operations it lacks go on to that
 * interface's peer.
 *
 * Calls are made on one's own interface and reach the peer:
 *     xfer_deliver(&tftp->xfer, iob, &meta)   the receiver's deliver()
 *     intf_close(&tftp->xfer, rc)             the receiver's close()
 * Every call holds a reference on the peer's object while it runs, so the
 * peer may close, unplug or free itself from inside the call.
 *
 * Ending: intf_shutdown() makes an interface inert (its own operations are
 * no longer called), unplugs it and then tells the peer. Unplug before you
 * notify: a peer that answers by closing back reaches nothing.
 */

#include <stddef.h>
#include <stdint.h>
#include <wireboot/refcnt.h>

struct interface;
struct io_buffer;
struct xfer_metadata;
struct job_progress;
struct sockaddr;
struct uri;

struct interface_operations {
	/* Data (xfer): takes ownership of iob; 0 or a negative error. */
	int (*deliver)(struct interface *intf, struct io_buffer *iob,
		       struct xfer_metadata *meta);
	/* How many bytes the receiver accepts now (flow control). */
	size_t (*window)(struct interface *intf);
	/* The window of the peer has opened (it called us). */
	void (*window_changed)(struct interface *intf);
	/* A buffer with the headroom the receiver's lower layers need. */
	struct io_buffer *(*alloc_iob)(struct interface *intf, size_t len);
	/* The total size of what will be delivered, if known. */
	void (*size_hint)(struct interface *intf, uint64_t total);
	/* Continue at another location (HTTP 3xx, a named socket resolved). */
	int (*redirect)(struct interface *intf, struct uri *uri);
	/* Jobs: report progress for the progress line. */
	void (*progress)(struct interface *intf, struct job_progress *progress);
	/* Name resolution: the answer (then the resolver closes). */
	void (*resolved)(struct interface *intf, const struct sockaddr *sa);
	/* A sentence explaining a failure (a server's own error text), sent
	 * just before the close that carries the error number. */
	void (*reason)(struct interface *intf, const char *text);
	/* The peer has ended, rc 0 for success or a negative error. */
	void (*close)(struct interface *intf, int rc);
	/* Where operations this object does not handle go, or NULL. */
	struct interface *(*passthru)(struct interface *intf);
};

struct interface {
	struct interface *dest;
	struct refcnt *refcnt;		/* the object containing this */
	const struct interface_operations *op;
	const struct interface_operations *saved_op;	/* for restart */
};

extern struct interface null_intf;
extern const struct interface_operations null_intf_operations;

static inline void intf_init(struct interface *intf,
			     const struct interface_operations *op,
			     struct refcnt *refcnt)
{
	intf->dest = &null_intf;
	intf->refcnt = refcnt;
	intf->op = op ? op : &null_intf_operations;
	intf->saved_op = intf->op;
}

static inline int intf_is_plugged(const struct interface *intf)
{
	return intf->dest != &null_intf;
}

/* Points intf at dest (one direction), holding a reference on dest's
 * object; replaces what intf pointed at. */
void intf_plug(struct interface *intf, struct interface *dest);
/* Plugs a and b to each other. */
void intf_plug_plug(struct interface *a, struct interface *b);
/* Points intf at null_intf, dropping its reference. Tells nobody. */
void intf_unplug(struct interface *intf);
/* Makes intf's own operations inert (calls to it do nothing). */
void intf_nullify(struct interface *intf);

/* Unplugs intf, then tells its former peer that we closed with rc. */
void intf_close(struct interface *intf, int rc);
/* Nullifies, unplugs and tells the peer: the end of an object. */
void intf_shutdown(struct interface *intf, int rc);
/* Shuts down, then makes intf usable again (an object that is reused). */
void intf_restart(struct interface *intf, int rc);

/*
 * Finds who handles an operation: the peer of intf, or (passthru) the peer
 * behind it. Returns the function (NULL if nobody implements it) and, in
 * *dest, the interface to call it on with a reference held: the caller
 * drops it with intf_put(). Used by the typed wrappers (xfer.h, job.h).
 */
void (*intf_find_op(struct interface *intf, size_t offset,
		    struct interface **dest))(void);
#define intf_get_dest_op(intf, slot, dest)                                   \
	((__typeof__(((struct interface_operations *)0)->slot))               \
	 intf_find_op((intf), offsetof(struct interface_operations, slot),    \
		      (dest)))

static inline struct interface *intf_get(struct interface *intf)
{
	ref_get(intf->refcnt);
	return intf;
}

static inline void intf_put(struct interface *intf)
{
	ref_put(intf->refcnt);
}

/* Passes a reason text on to the peer (see .reason). */
void intf_reason(struct interface *intf, const char *text);

#endif
