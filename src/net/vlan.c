/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * 802.1Q VLAN devices (see net/vlan.h). A VLAN is a network device whose
 * "driver" is the trunk: transmitting inserts the tag after the Ethernet
 * addresses and hands the frame to the trunk; the trunk's tagged frames
 * come here as the protocol 0x8100, lose their tag and are received by the
 * VLAN device like any NIC's frames. Its link follows the trunk's (a net
 * driver hears every change of the trunk), and when the trunk goes away
 * its VLANs go first.
 */

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <net/ethernet.h>
#include <net/netproto.h>
#include <net/vlan.h>
#include <net/vlan_packet.h>
#include <wireboot/byteorder.h>
#include <wireboot/debug.h>
#include <wireboot/errfile.h>
#include <wireboot/features.h>

#define ERRFILE ERRFILE_vlan

PROVIDE_OBJECT(vlan);
FEATURE("vlan");

struct vlan_device {
	struct net_device *trunk;
	unsigned tag;
	unsigned priority;
};

static const struct net_device_operations vlan_operations;

static struct vlan_device *vlan_of(struct net_device *netdev)
{
	return netdev->op == &vlan_operations ? netdev->priv : NULL;
}

unsigned vlan_tag(struct net_device *netdev)
{
	struct vlan_device *vlan = vlan_of(netdev);

	return vlan ? vlan->tag : 0;
}

static struct net_device *find_vlan(struct net_device *trunk, unsigned tag)
{
	struct net_device *netdev;

	for_each_netdev(netdev) {
		struct vlan_device *vlan = vlan_of(netdev);

		if (vlan && vlan->trunk == trunk && vlan->tag == tag)
			return netdev;
	}
	return NULL;
}

/* The VLAN's link is up when its trunk is open with its link up. */
static void vlan_follow(struct net_device *netdev)
{
	struct net_device *trunk = vlan_of(netdev)->trunk;

	if (trunk->is_open && netdev_link_ok(trunk))
		netdev_link_up(netdev);
	else
		netdev_link_down(netdev);
}

static int vlan_open(struct net_device *netdev)
{
	int rc = netdev_open(vlan_of(netdev)->trunk);

	if (rc == 0)
		vlan_follow(netdev);
	return rc;
}

/* The trunk stays open: other VLANs, or the untagged network, use it. */
static void vlan_close(struct net_device *netdev)
{
	netdev_link_down(netdev);
}

static int vlan_transmit(struct net_device *netdev, struct io_buffer *iob)
{
	struct vlan_device *vlan = vlan_of(netdev);
	struct vlan_header hdr = {
		.tci = htons(vlan_tci(vlan->tag, vlan->priority)),
	};
	uint16_t tpid = htons(VLAN_TPID);
	uint8_t *frame;

	if (iob_len(iob) < ETH_HLEN || iob_headroom(iob) < VLAN_HLEN)
		return -EUNIQ(ENOBUFS, 1);
	/* dest, source | type ... becomes dest, source | 0x8100, TCI | type */
	frame = iob_push(iob, VLAN_HLEN);
	memmove(frame, frame + VLAN_HLEN, 2 * ETH_ALEN);
	memcpy(frame + 2 * ETH_ALEN, &tpid, sizeof(tpid));
	memcpy(frame + 2 * ETH_ALEN + 2, &hdr.tci, sizeof(hdr.tci));
	/* The trunk owns the frame now, and counts how it fares. */
	netdev_tx_handover(netdev, iob);
	netdev_tx(vlan->trunk, iob);
	return 0;
}

/* Frames come through the trunk's receive path. */
static void vlan_poll(struct net_device *netdev __unused)
{
}

static const struct net_device_operations vlan_operations = {
	.open = vlan_open,
	.close = vlan_close,
	.transmit = vlan_transmit,
	.poll = vlan_poll,
};

/* A tagged frame the trunk received: untagged, it is the VLAN's. */
static int vlan_rx(struct io_buffer *iob, struct net_device *trunk,
		   const void *ll_dest, const void *ll_source,
		   unsigned flags __unused)
{
	struct net_device *netdev;
	unsigned tag, priority;
	uint16_t net_proto;
	uint8_t *frame;
	int rc = vlan_parse(iob->data, iob_len(iob), &tag, &priority,
			    &net_proto);

	if (rc) {
		netdev_rx_err(trunk, iob, -EUNIQ(EINVAL, 2));
		return rc;
	}
	netdev = find_vlan(trunk, tag);
	if (!netdev || trunk->ll_protocol->ll_addr_len != ETH_ALEN) {
		DBG2("%s: no VLAN %u\n", trunk->name, tag);
		trunk->stats.rx_dropped++;
		free_iob(iob);
		return -EUNIQ(ENOENT, 3);
	}
	/* TCI | type: drop the TCI, put the addresses back before type. */
	iob_pull(iob, sizeof(uint16_t));
	frame = iob_push(iob, 2 * ETH_ALEN);
	memcpy(frame, ll_dest, ETH_ALEN);
	memcpy(frame + ETH_ALEN, ll_source, ETH_ALEN);
	netdev_rx(netdev, iob);
	return 0;
}

NET_PROTOCOL(vlan_protocol) = {
	.name = "802.1Q",
	.net_proto = htons(VLAN_TPID),
	.rx = vlan_rx,
};

int vlan_create(struct net_device *trunk, unsigned tag, unsigned priority,
		struct net_device **created)
{
	struct net_device *netdev;
	struct vlan_device *vlan;
	int rc;

	if (tag < VLAN_TAG_MIN || tag > VLAN_TAG_MAX ||
	    priority > VLAN_PRIORITY_MAX)
		return -EUNIQ(EINVAL, 4);
	if (vlan_of(trunk))
		return -EUNIQ(ENOTSUP, 5);
	if (find_vlan(trunk, tag))
		return -EUNIQ(EEXIST, 6);
	netdev = alloc_netdev(sizeof(*vlan));
	if (!netdev)
		return -EUNIQ(ENOMEM, 7);
	vlan = netdev->priv;
	vlan->trunk = trunk;
	vlan->tag = tag;
	vlan->priority = priority;
	netdev->op = &vlan_operations;
	netdev->driver_name = "vlan";
	netdev->ll_protocol = trunk->ll_protocol;
	netdev->mtu = trunk->mtu;
	memcpy(netdev->hw_addr, trunk->ll_addr, ETH_ALEN);
	snprintf(netdev->name, sizeof(netdev->name), "%s-%u", trunk->name, tag);
	snprintf(netdev->location, sizeof(netdev->location), "%s tag %u",
		 trunk->name, tag);
	rc = register_netdev(netdev);
	if (rc == 0 && created)
		*created = netdev;
	/* The device list holds it now (or nothing does). */
	netdev_put(netdev);
	return rc;
}

int vlan_destroy(struct net_device *netdev)
{
	if (!vlan_of(netdev))
		return -EUNIQ(ENODEV, 8);
	unregister_netdev(netdev);
	return 0;
}

/* The trunk changed: its VLANs' links follow. */
static void vlan_trunk_notify(struct net_device *trunk, void *priv __unused)
{
	struct net_device *netdev;

	for_each_netdev(netdev) {
		struct vlan_device *vlan = vlan_of(netdev);

		if (vlan && vlan->trunk == trunk && netdev->is_open)
			vlan_follow(netdev);
	}
}

/* The trunk goes away: its VLANs first. */
static void vlan_trunk_remove(struct net_device *trunk, void *priv __unused)
{
	struct net_device *netdev, *next;

	list_for_each_entry_safe(netdev, next, &net_devices, list) {
		struct vlan_device *vlan = vlan_of(netdev);

		if (vlan && vlan->trunk == trunk)
			unregister_netdev(netdev);
	}
}

NET_DRIVER(vlan_net_driver) = {
	.name = "VLAN",
	.notify = vlan_trunk_notify,
	.remove = vlan_trunk_remove,
};
