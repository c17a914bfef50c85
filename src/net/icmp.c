/*
 * ICMP (RFC 792): we answer echo requests addressed to us, so that a host
 * can be pinged while it boots; every other message is ignored.
 */

#include <errno.h>
#include <net/ipv4.h>
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

static int icmp_rx(struct io_buffer *iob, struct net_device *netdev,
		   struct in_addr src, struct in_addr dest)
{
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
	/* Echoes sent to a broadcast address stay unanswered: one request
	 * must not make a whole subnet transmit. */
	if (icmp->type != ICMP_ECHO_REQUEST ||
	    dest.s_addr != ipv4_address(netdev).s_addr) {
		rc = 0;
		goto drop;
	}
	icmp->type = ICMP_ECHO_REPLY;
	icmp->chksum = 0;
	icmp->chksum = ~tcpip_chksum(0, iob->data, iob_len(iob));
	return ipv4_tx(iob, IP_ICMP, dest, src, netdev);

drop:
	free_iob(iob);
	return rc;
}

IP_PROTOCOL(icmp_protocol) = {
	.name = "ICMP",
	.protocol = IP_ICMP,
	.rx = icmp_rx,
};
