/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef NET_DHCP_CLIENT_H
#define NET_DHCP_CLIENT_H

/*
 * What every DHCPv4 exchange of a PXE client shares (the lease of
 * net/dhcp.h, boot server discovery of net/pxebs.h): a request with the
 * PXE client options, the check that a reply is ours, received messages
 * kept as copies, and settings blocks filled from a message.
 */

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <net/dhcp_packet.h>
#include <wireboot/interface.h>
#include <wireboot/iobuf.h>
#include <wireboot/netdev.h>
#include <wireboot/settings.h>

/* A copy of a received message that stays valid after the iob is gone. */
struct dhcp_message {
	uint8_t *data;
	size_t len;
	struct dhcp_packet pkt;
	struct in_addr server;	/* option 54, or the sender */
};

void dhcp_message_clear(struct dhcp_message *msg);
/* Replaces msg with a copy of a message dhcp_parse() accepted. */
int dhcp_message_copy(struct dhcp_message *msg, const void *data, size_t len,
		      struct in_addr sender);

/* The UUID that identifies the machine to PXE servers (option 97). */
void dhcp_client_uuid(struct net_device *netdev, uint8_t *uuid);

/*
 * A BOOTP request for xid in a new iob from xfer: the header (secs counted
 * from start_us, our MAC) and *opts set to build its options in. NULL
 * when out of memory.
 */
struct io_buffer *dhcp_request_alloc(struct interface *xfer,
				     struct net_device *netdev, uint32_t xid,
				     uint64_t start_us, struct dhcp_builder *opts);

/*
 * Appends the PXE client options (client id, architecture, UUID, ...) to
 * the request, pads it as BOOTP servers expect and sends it to dest:port
 * on netdev. The iob is consumed.
 */
int dhcp_request_send(struct interface *xfer, struct net_device *netdev,
		      const uint8_t *uuid, struct io_buffer *iob,
		      struct dhcp_builder *opts, struct in_addr dest,
		      uint16_t port);

/* Whether a parsed message is a reply to our request xid on netdev. */
bool dhcp_reply_is_ours(const struct dhcp_packet *pkt, uint32_t xid,
			struct net_device *netdev);

/* Every option under its number ("43"), so scripts can read options we
 * have no name for. */
int dhcp_store_all_options(struct settings *block,
			   const struct dhcp_packet *pkt);
/* "filename" and "next-server" from the message. */
int dhcp_store_boot_settings(struct settings *block,
			     const struct dhcp_message *msg);

/*
 * Fills block (a top-level scope such as "proxydhcp") with every option
 * of msg and its boot settings, and registers it. On failure nothing is
 * registered.
 */
int dhcp_register_message_block(struct settings *block, const char *name,
				const struct dhcp_message *msg);

#endif
