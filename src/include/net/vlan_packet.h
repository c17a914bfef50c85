/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef NET_VLAN_PACKET_H
#define NET_VLAN_PACKET_H

/*
 * IEEE 802.1Q tags: after the Ethernet addresses, the tag protocol
 * identifier 0x8100 (where the ethertype would be), then the tag control
 * information (priority 3 bits, drop eligible 1, VLAN identifier 12) and
 * the frame's own ethertype. The Ethernet layer reads 0x8100 as the
 * protocol; what follows is the header here. No network here, so tests
 * and fuzzers can feed the parser any bytes.
 */

#include <stddef.h>
#include <stdint.h>

#define VLAN_TPID 0x8100
/* Identifiers 1 to 4094: 0 marks a frame tagged only for its priority,
 * 4095 is reserved. */
#define VLAN_TAG_MIN 1
#define VLAN_TAG_MAX 4094
#define VLAN_PRIORITY_MAX 7
#define VLAN_HLEN 4

/* What follows the tag protocol identifier. Naturally aligned. */
struct vlan_header {
	uint16_t tci;		/* network byte order */
	uint16_t net_proto;	/* network byte order */
};

/* The tag control information of tag and priority, host order. */
static inline uint16_t vlan_tci(unsigned tag, unsigned priority)
{
	return (uint16_t)(priority << 13 | (tag & 0x0fff));
}

/* Reads the header at data: 0 with the tag, priority and inner protocol
 * (network order), or -EINVAL for a short header or an identifier that
 * names no VLAN (0 or 4095). */
int vlan_parse(const void *data, size_t len, unsigned *tag,
	       unsigned *priority, uint16_t *net_proto);

#endif
