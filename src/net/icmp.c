/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * ICMP (RFC 792): we answer echo requests addressed to us, so that a host
 * can be pinged while it boots, and hand echo replies to the pinger
 * (net/ping.h), for which this is IPv4's echo protocol; every other
 * message is ignored.
 */

#include <errno.h>
#include <net/ipv4.h>
#include <net/ping.h>
#include <wireboot/debug.h>

#define ICMP_ECHO_REPLY 0
#define ICMP_ECHO_REQUEST 8

struct icmp_header {
	uint8_t type;
	uint8_t code;
	uint16_t chksum;
} __packed;

/* Echo messages add identifier and sequence number: 8 bytes in all. */
#define ICMP_ECHO_MIN_LEN 8

PROVIDE_OBJECT(icmp);

extern const struct tcpip_protocol icmp_protocol;
extern const struct echo_protocol icmp_echo_protocol;

/* ICMP has no pseudo-header: the sum covers the message alone. */
static int icmp_rx(struct io_buffer *iob, struct net_device *netdev,
		   struct sockaddr_tcpip *st_src,
		   struct sockaddr_tcpip *st_dest, uint16_t pshdr_csum)
{
	struct sockaddr_in *src = (struct sockaddr_in *)st_src;
	struct sockaddr_in *dest = (struct sockaddr_in *)st_dest;
	struct icmp_header *icmp = iob->data;
	int rc = -EINVAL;

	if (iob_len(iob) < ICMP_ECHO_MIN_LEN) {
		DBG("%s: ICMP message too short\n", netdev->name);
		goto drop;
	}
	if (tcpip_chksum(0, iob->data, iob_len(iob)) != 0xffff) {
		DBG("%s: bad ICMP checksum\n", netdev->name);
		goto drop;
	}
	if (src->sin_family == AF_INET && icmp->type == ICMP_ECHO_REPLY)
		return ping_rx(iob, &icmp_echo_protocol, st_src);
	/* Echoes sent to a broadcast address stay unanswered: one request
	 * must not make a whole subnet transmit. */
	if (src->sin_family != AF_INET || icmp->type != ICMP_ECHO_REQUEST ||
	    dest->sin_addr.s_addr != ipv4_address(netdev).s_addr) {
		rc = 0;
		goto drop;
	}
	icmp->type = ICMP_ECHO_REPLY;
	icmp->chksum = 0;
	icmp->chksum = ~tcpip_chksum(0, iob->data, iob_len(iob));
	src->sin_port = dest->sin_port = 0;
	return tcpip_tx(iob, &icmp_protocol, st_dest, st_src, netdev, NULL);

drop:
	free_iob(iob);
	return rc;
}

TCPIP_PROTOCOL(icmp_protocol) = {
	.name = "ICMP",
	.tcpip_proto = IP_ICMP,
	.rx = icmp_rx,
};

ECHO_PROTOCOL(icmp_echo_protocol) = {
	.family = AF_INET,
	.tcpip = &icmp_protocol,
	.request = ICMP_ECHO_REQUEST,
	.reply = ICMP_ECHO_REPLY,
};
