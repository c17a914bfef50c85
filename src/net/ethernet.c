/*
 * Ethernet II: the link layer of every device we drive. Transmission pushes
 * the 14-byte header; reception checks it, drops what is not addressed to
 * us, and hands the payload to the network protocol named by the ethertype.
 */

#include <errno.h>
#include <string.h>
#include <net/ethernet.h>
#include <wireboot/process.h>
#include <wireboot/byteorder.h>
#include <wireboot/debug.h>

TABLE_DEFINE(const struct net_protocol, net_protocols);

const uint8_t eth_broadcast[ETH_ALEN] = { 0xff, 0xff, 0xff, 0xff, 0xff, 0xff };

/* Group addresses (broadcast included) have the low bit of the first
 * octet set. */
static int eth_is_multicast(const uint8_t *ll_addr)
{
	return ll_addr[0] & 0x01;
}

int net_tx(struct io_buffer *iob, struct net_device *netdev,
	   uint16_t ethertype, const uint8_t *ll_dest)
{
	struct ethhdr *ethhdr;

	if (iob_headroom(iob) < sizeof(*ethhdr)) {
		free_iob(iob);
		return -ENOBUFS;
	}
	ethhdr = iob_push(iob, sizeof(*ethhdr));
	memcpy(ethhdr->h_dest, ll_dest, ETH_ALEN);
	memcpy(ethhdr->h_source, netdev->ll_addr, ETH_ALEN);
	ethhdr->h_protocol = htons(ethertype);
	return netdev_tx(netdev, iob);
}

static const struct net_protocol *find_net_protocol(uint16_t ethertype)
{
	const struct net_protocol *protocol;

	for_each_table_entry(protocol, net_protocols) {
		if (protocol->ethertype == ethertype)
			return protocol;
	}
	return NULL;
}

int eth_rx(struct io_buffer *iob, struct net_device *netdev)
{
	const struct net_protocol *protocol;
	struct ethhdr ethhdr;

	if (iob_len(iob) < sizeof(ethhdr)) {
		DBG("%s: runt frame of %zu bytes\n", netdev->name, iob_len(iob));
		netdev->stats.rx_errors++;
		free_iob(iob);
		return -EINVAL;
	}
	/* A copy: the protocol owns (and may reuse) the buffer. */
	memcpy(&ethhdr, iob->data, sizeof(ethhdr));
	if (!eth_is_multicast(ethhdr.h_dest) &&
	    memcmp(ethhdr.h_dest, netdev->ll_addr, ETH_ALEN) != 0) {
		netdev->stats.rx_dropped++;
		free_iob(iob);
		return -EINVAL;
	}
	protocol = find_net_protocol(ethhdr.h_protocol);
	if (!protocol) {
		DBG2("%s: ignoring ethertype %#06x\n", netdev->name,
		     ntohs(ethhdr.h_protocol));
		netdev->stats.rx_dropped++;
		free_iob(iob);
		return -ENOTSUP;
	}
	iob_pull(iob, sizeof(ethhdr));
	return protocol->rx(iob, netdev, ethhdr.h_source, ethhdr.h_dest);
}

void net_poll(void)
{
	struct net_device *netdev;

	list_for_each_entry(netdev, &net_devices, list) {
		struct io_buffer *iob;

		if (!netdev->is_open)
			continue;
		netdev->op->poll(netdev);
		/* One frame per device per pass keeps timers and other
		 * devices serviced under load. */
		iob = netdev_rx_dequeue(netdev);
		if (iob)
			eth_rx(iob, netdev);
	}
}

PERMANENT_PROCESS(net_poll_process) = {
	.step = net_poll,
};
