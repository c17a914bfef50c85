/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef NET_PING_H
#define NET_PING_H

/*
 * Pinging: a pinger is a job that sends an echo request to a host at a
 * time, each answered or timed out before the next, and reports each
 * outcome through a callback. It names no address family: each family's
 * ICMP registers how its echo messages go (an echo protocol) and hands
 * the replies it receives to ping_rx(). IPv4's ICMP does; ICMPv6 plugs in
 * the same way.
 */

#include <stdbool.h>
#include <stdint.h>
#include <net/socket.h>
#include <net/tcpip.h>
#include <wireboot/interface.h>
#include <wireboot/iobuf.h>
#include <wireboot/tables.h>

struct echo_protocol {
	sa_family_t family;
	const struct tcpip_protocol *tcpip;
	uint8_t request, reply;		/* the message types */
	/* The checksum covers a pseudo-header (ICMPv6), so the network
	 * layer completes it; else it covers the message alone. */
	bool net_checksum;
};
TABLE_DECLARE(const struct echo_protocol, echo_protocols);
#define ECHO_PROTOCOL(name) \
	const struct echo_protocol name TABLE_ENTRY(const struct echo_protocol, echo_protocols, 01)

/* An echo reply (checksum checked) from st_src for a pinger, if it is
 * one's; takes ownership of iob, whose data starts at the ICMP header. */
int ping_rx(struct io_buffer *iob, const struct echo_protocol *echo,
	    const struct sockaddr_tcpip *st_src);

/* What became of request seq (1, 2, ...): rc 0 and len data bytes back
 * from src, or why not (-ETIMEDOUT, or the error of sending it). */
typedef void (*ping_callback)(void *context, const struct sockaddr *src,
			      unsigned seq, size_t len, int rc);

/*
 * Starts pinging dest with len data bytes: a request goes out every
 * timeout_us, each waiting that long for its reply. count 0: until the
 * job is cancelled; else it ends at the last reply or timeout, closing
 * with 0 when at least one request was answered, else the last error.
 */
int start_pinger(struct interface *job, const struct sockaddr *dest,
		 uint64_t timeout_us, size_t len, unsigned count,
		 ping_callback callback, void *context);

#endif
