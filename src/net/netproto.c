/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Framing through each device's link layer and dispatch of received
 * frames to network protocols (see net/netproto.h), plus the receive pump.
 */

#include <errno.h>
#include <string.h>
#include <net/netproto.h>
#include <wireboot/byteorder.h>
#include <wireboot/debug.h>
#include <wireboot/process.h>

PROVIDE_OBJECT(netproto);

TABLE_DEFINE(const struct net_protocol, net_protocols);

/* Received frames a device may have processed per pass: as many as one
 * poll of its driver may reap (a ring of 32 buffers; 16 reads in the
 * hosted build), else under a TCP sender's burst the queue grows on every
 * pass until it overflows and a clean link loses frames. Still bounded, so
 * timers and the other devices are serviced under a flood. */
#define RX_FRAMES_PER_PASS 32

int net_tx(struct io_buffer *iob, struct net_device *netdev,
	   const struct net_protocol *net_protocol, const void *ll_dest)
{
	const struct ll_protocol *ll = netdev->ll_protocol;
	int rc;

	if (!ll) {
		free_iob(iob);
		return -ENETDOWN;
	}
	rc = ll->push(netdev, iob, ll_dest, netdev->ll_addr,
		      net_protocol->net_proto);
	if (rc) {
		free_iob(iob);
		return rc;
	}
	return netdev_tx(netdev, iob);
}

static const struct net_protocol *find_net_protocol(uint16_t net_proto)
{
	const struct net_protocol *protocol;

	for_each_table_entry(protocol, net_protocols) {
		if (protocol->net_proto == net_proto)
			return protocol;
	}
	return NULL;
}

int net_rx_frame(struct io_buffer *iob, struct net_device *netdev)
{
	const struct ll_protocol *ll = netdev->ll_protocol;
	const struct net_protocol *protocol;
	uint8_t ll_dest[LL_MAX_ADDR_LEN], ll_source[LL_MAX_ADDR_LEN];
	const void *dest, *source;
	uint16_t net_proto;
	unsigned flags = 0;
	int rc;

	if (!ll || ll->ll_addr_len > LL_MAX_ADDR_LEN) {
		free_iob(iob);
		return -ENETDOWN;
	}
	rc = ll->pull(netdev, iob, &dest, &source, &net_proto, &flags);
	if (rc) {
		if (errno_base(rc) == -ENOENT) {
			netdev->stats.rx_dropped++;
			free_iob(iob);
		} else {
			netdev_rx_err(netdev, iob, rc);
		}
		return rc;
	}
	/* Copies: the protocol owns (and may reuse) the buffer. */
	memcpy(ll_dest, dest, ll->ll_addr_len);
	memcpy(ll_source, source, ll->ll_addr_len);
	protocol = find_net_protocol(net_proto);
	if (!protocol) {
		DBG2("%s: ignoring protocol %#06x\n", netdev->name,
		     ntohs(net_proto));
		netdev->stats.rx_dropped++;
		free_iob(iob);
		return -ENOTSUP;
	}
	return protocol->rx(iob, netdev, ll_dest, ll_source, flags);
}

void net_poll(void)
{
	struct net_device *netdev, *next;

	list_for_each_entry_safe(netdev, next, &net_devices, list) {
		struct io_buffer *iob;
		unsigned frames;

		if (!netdev->is_open)
			continue;
		netdev->op->poll(netdev);
		for (frames = 0; frames < RX_FRAMES_PER_PASS; frames++) {
			iob = netdev_rx_dequeue(netdev);
			if (!iob)
				break;
			net_rx_frame(iob, netdev);
		}
	}
}

PERMANENT_PROCESS(net_poll_process) = {
	.step = net_poll,
};
