/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * A UDP echo service (RFC 862 style) for testing the stack from outside:
 * every datagram goes back to its sender, from the port it came to. It is
 * an object with one interface, a UDP socket, like any protocol.
 */

#include <stdbool.h>
#include <net/in.h>
#include <net/udp.h>
#include <wireboot/xfer.h>
#include "linux.h"

static struct interface echo_socket;

static int echo_deliver(struct interface *intf __attribute__((unused)),
			struct io_buffer *iob,
			struct xfer_metadata *meta)
{
	struct xfer_metadata reply = {
		.dest = meta->src,
		.netdev = meta->netdev,
	};

	return xfer_deliver(&echo_socket, iob, &reply);
}

static const struct interface_operations echo_operations = {
	.deliver = echo_deliver,
};

int udp_echo_start(uint16_t port)
{
	struct sockaddr_in local = {
		.sin_family = AF_INET,
		.sin_port = htons(port),
	};

	intf_init(&echo_socket, &echo_operations, NULL);
	return udp_open(&echo_socket, NULL, (struct sockaddr *)&local);
}

void udp_echo_stop(void)
{
	intf_shutdown(&echo_socket, 0);
}
