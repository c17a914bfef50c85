/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * A UDP name service for testing the stack from outside: each datagram
 * holds a host name; the lookup starts right there, inside the receive
 * path, and the answer ("name address", or "name error: message") goes
 * back to the sender when it arrives. It shows that resolution never
 * waits: nothing here runs the main loop, and several lookups may be under
 * way at once.
 */

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <net/in.h>
#include <net/resolv.h>
#include <net/udp.h>
#include <wireboot/xfer.h>
#include "linux.h"

#define NAME_MAX_LEN 255

static struct interface service_socket;

struct name_lookup {
	struct refcnt refcnt;
	struct interface resolv;
	struct sockaddr_in asker;
	bool answered;
	char name[NAME_MAX_LEN + 1];
};

static void reply(struct name_lookup *lookup, const char *text)
{
	size_t len = strlen(text);
	struct io_buffer *iob = xfer_alloc_iob(&service_socket, len);
	struct xfer_metadata meta = {
		.dest = (struct sockaddr *)&lookup->asker,
	};

	lookup->answered = true;
	if (!iob)
		return;
	memcpy(iob_put(iob, len), text, len);
	xfer_deliver(&service_socket, iob, &meta);
}

static void lookup_resolved(struct interface *intf, const struct sockaddr *sa)
{
	struct name_lookup *lookup = container_of(intf, struct name_lookup,
						  resolv);
	char text[NAME_MAX_LEN + 80], addr[64];

	snprintf(text, sizeof(text), "%s %s", lookup->name,
		 sock_ntoa(sa, addr, sizeof(addr)));
	reply(lookup, text);
}

static void lookup_close(struct interface *intf, int rc)
{
	struct name_lookup *lookup = container_of(intf, struct name_lookup,
						  resolv);
	char text[NAME_MAX_LEN + 80];

	intf_shutdown(&lookup->resolv, rc);
	if (!lookup->answered) {
		snprintf(text, sizeof(text), "%s error: %s", lookup->name,
			 strerror(rc ? rc : -ENXIO));
		reply(lookup, text);
	}
}

static const struct interface_operations lookup_operations = {
	.resolved = lookup_resolved,
	.close = lookup_close,
};

static void lookup_free(struct refcnt *refcnt)
{
	free(container_of(refcnt, struct name_lookup, refcnt));
}

static int service_deliver(struct interface *intf __attribute__((unused)),
			   struct io_buffer *iob, struct xfer_metadata *meta)
{
	struct name_lookup *lookup;
	size_t len = iob_len(iob);
	int rc = -ENOMEM;

	if (!meta->src || len == 0 || len > NAME_MAX_LEN) {
		free_iob(iob);
		return -EINVAL;
	}
	lookup = calloc(1, sizeof(*lookup));
	if (lookup) {
		ref_init(&lookup->refcnt, lookup_free);
		intf_init(&lookup->resolv, &lookup_operations, &lookup->refcnt);
		memcpy(&lookup->asker, meta->src, sizeof(lookup->asker));
		memcpy(lookup->name, iob->data, len);
		rc = resolv(&lookup->resolv, lookup->name, NULL);
		if (rc) {
			char text[NAME_MAX_LEN + 80];

			snprintf(text, sizeof(text), "%s error: %s",
				 lookup->name, strerror(rc));
			reply(lookup, text);
		}
		ref_put(&lookup->refcnt);
	}
	free_iob(iob);
	return rc;
}

static const struct interface_operations service_operations = {
	.deliver = service_deliver,
};

int udp_resolve_start(uint16_t port)
{
	struct sockaddr_in local = {
		.sin_family = AF_INET,
		.sin_port = htons(port),
	};

	intf_init(&service_socket, &service_operations, NULL);
	return udp_open(&service_socket, NULL, (struct sockaddr *)&local);
}

void udp_resolve_stop(void)
{
	intf_shutdown(&service_socket, 0);
}
