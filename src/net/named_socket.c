/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Sockets to a named host (see xfer_open_named_socket() in net/socket.h).
 *
 * The object stands in for the socket while the name is resolved: plugged
 * to the caller, it reports a window of 0. When the address arrives it
 * opens the real socket, plugs the caller and the socket straight to each
 * other, steps out of the way and tells the caller that the window opened.
 * From then on data flows with no object in between.
 */

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <stdbool.h>
#include <net/resolv.h>
#include <net/socket.h>
#include <wireboot/byteorder.h>
#include <wireboot/errfile.h>
#include <wireboot/xfer.h>

#define ERRFILE ERRFILE_named_socket

struct named_socket {
	struct refcnt refcnt;
	struct interface xfer;		/* to the caller */
	struct interface resolv;	/* to the lookup */
	struct interface sock;		/* briefly, to the new socket */
	int semantics;
	uint16_t port;			/* network byte order */
	struct sockaddr local;
	bool have_local;
};

static void named_free(struct refcnt *refcnt)
{
	free(container_of(refcnt, struct named_socket, refcnt));
}

static void named_finish(struct named_socket *named, int rc)
{
	intf_shutdown(&named->resolv, rc);
	intf_shutdown(&named->sock, rc);
	intf_shutdown(&named->xfer, rc);
}

static void named_resolved(struct interface *intf, const struct sockaddr *sa)
{
	struct named_socket *named =
		container_of(intf, struct named_socket, resolv);
	struct sockaddr_tcpip peer;
	struct interface *caller, *sock;
	int rc;

	memcpy(&peer, sa, sizeof(peer));
	peer.st_port = named->port;
	rc = xfer_open_socket(&named->sock, named->semantics,
			      (struct sockaddr *)&peer,
			      named->have_local ? &named->local : NULL);
	if (rc) {
		named_finish(named, rc);
		return;
	}
	/* Caller <-> socket directly; we let go of both. */
	caller = intf_get(named->xfer.dest);
	sock = intf_get(named->sock.dest);
	intf_plug_plug(caller, sock);
	intf_unplug(&named->sock);
	intf_unplug(&named->xfer);
	intf_nullify(&named->xfer);
	/* On the socket's end: it is the caller who hears it. */
	xfer_window_changed(sock);
	intf_put(sock);
	intf_put(caller);
}

/* The lookup ended: after an answer we are done; without one, the caller
 * hears why. */
static void named_resolv_close(struct interface *intf, int rc)
{
	struct named_socket *named =
		container_of(intf, struct named_socket, resolv);

	if (!rc && intf_is_plugged(&named->xfer))
		rc = -EUNIQ(ENXIO, 1);	/* closed without an answer */
	named_finish(named, rc);
}

/* Why the lookup failed, for the caller's message. */
static void named_resolv_reason(struct interface *intf, const char *text)
{
	intf_reason(&container_of(intf, struct named_socket, resolv)->xfer,
		    text);
}

static size_t named_window(struct interface *intf)
{
	return 0;
}

static void named_xfer_close(struct interface *intf, int rc)
{
	named_finish(container_of(intf, struct named_socket, xfer), rc);
}

static const struct interface_operations named_xfer_operations = {
	.window = named_window,
	.close = named_xfer_close,
};

static const struct interface_operations named_resolv_operations = {
	.resolved = named_resolved,
	.reason = named_resolv_reason,
	.close = named_resolv_close,
};

int xfer_open_named_socket(struct interface *xfer, int semantics,
			   const char *name, uint16_t port,
			   const struct sockaddr *local)
{
	struct named_socket *named = zalloc(sizeof(*named));
	struct sockaddr any = { .sa_family = 0 };
	int rc;

	if (!named)
		return -EUNIQ(ENOMEM, 2);
	ref_init(&named->refcnt, named_free);
	intf_init(&named->xfer, &named_xfer_operations, &named->refcnt);
	intf_init(&named->resolv, &named_resolv_operations, &named->refcnt);
	intf_init(&named->sock, NULL, &named->refcnt);
	named->semantics = semantics;
	named->port = htons(port);
	if (local) {
		named->local = *local;
		named->have_local = true;
	}
	rc = resolv(&named->resolv, name, local ? local : &any);
	if (rc == 0)
		intf_plug_plug(&named->xfer, xfer);
	ref_put(&named->refcnt);
	return rc;
}
