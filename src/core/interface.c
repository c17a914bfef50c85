/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Object interfaces (see wireboot/interface.h): plugging with references,
 * the null interface, and finding the object that handles an operation.
 */

#include <wireboot/interface.h>

const struct interface_operations null_intf_operations;

/* Points at itself and holds no object: plugging to it costs nothing. */
struct interface null_intf = {
	.dest = &null_intf,
	.refcnt = NULL,
	.op = &null_intf_operations,
	.saved_op = &null_intf_operations,
};

void intf_plug(struct interface *intf, struct interface *dest)
{
	struct interface *old = intf->dest;

	/* Take the new reference first: dest may be what we drop below. */
	intf->dest = intf_get(dest);
	intf_put(old);
}

void intf_plug_plug(struct interface *a, struct interface *b)
{
	intf_plug(a, b);
	intf_plug(b, a);
}

void intf_unplug(struct interface *intf)
{
	intf_plug(intf, &null_intf);
}

void intf_nullify(struct interface *intf)
{
	intf->op = &null_intf_operations;
}

void (*intf_find_op(struct interface *intf, size_t offset,
		    struct interface **dest))(void)
{
	struct interface *peer = intf->dest;
	/* A chain of filters is short; the bound only stops a loop. */
	unsigned hops;

	for (hops = 0; hops < 16; hops++) {
		const struct interface_operations *op = peer->op;
		void (*fn)(void) = *(void (*const *)(void))((const char *)op + offset);
		struct interface *next;

		if (fn || !op->passthru) {
			*dest = intf_get(peer);
			return fn;
		}
		next = op->passthru(peer);
		if (!next)
			break;
		peer = next->dest;
	}
	*dest = intf_get(peer);
	return NULL;
}

void intf_close(struct interface *intf, int rc)
{
	struct interface *dest;
	void (*close)(struct interface *, int) =
		intf_get_dest_op(intf, close, &dest);

	/* The peer we are about to tell no longer reaches us... */
	intf_unplug(intf);
	if (close)
		close(dest, rc);
	else
		/* ...and by default lets go of us in return. */
		intf_unplug(dest);
	intf_put(dest);
}

void intf_shutdown(struct interface *intf, int rc)
{
	intf_nullify(intf);
	intf_close(intf, rc);
}

void intf_restart(struct interface *intf, int rc)
{
	const struct interface_operations *op = intf->saved_op;

	intf_shutdown(intf, rc);
	intf->op = op;
}

void intf_reason(struct interface *intf, const char *text)
{
	struct interface *dest;
	void (*reason)(struct interface *, const char *) =
		intf_get_dest_op(intf, reason, &dest);

	if (reason)
		reason(dest, text);
	intf_put(dest);
}
