/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef WIREBOOT_ETHERNET_DEFS_H
#define WIREBOOT_ETHERNET_DEFS_H

/*
 * Sizes of Ethernet frames (IEEE 802.3), in one place for the network
 * devices layer, the NIC drivers, the stack and the firmware glue alike:
 * it depends on nothing, so a driver may include it without pulling in
 * any protocol.
 */

#define ETH_ALEN 6		/* a MAC address */
#define ETH_HLEN 14		/* destination, source, ethertype */
#define ETH_ZLEN 60		/* shortest frame on the wire, without FCS */
#define ETH_DATA_LEN 1500	/* the payload of a full frame */
#define ETH_FRAME_LEN 1514	/* header + payload, without FCS */
#define ETH_FCS_LEN 4		/* the CRC some NICs leave in place */
#define VLAN_HLEN 4		/* an 802.1Q tag */

#endif
