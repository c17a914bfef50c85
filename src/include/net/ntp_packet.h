/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef NET_NTP_PACKET_H
#define NET_NTP_PACKET_H

/*
 * SNTP messages (RFC 4330): the client's request and the server's reply,
 * 48 bytes each (authentication fields are ignored). No network here, so
 * tests and fuzzers can feed the parser any bytes.
 */

#include <stddef.h>
#include <stdint.h>

#define NTP_PORT 123
#define NTP_PACKET_LEN 48

/* Writes a request whose transmit timestamp is nonce (the server copies
 * it into its reply's originate timestamp, which is how the reply is
 * recognised); returns NTP_PACKET_LEN or -ENOSPC. */
int ntp_build_request(void *buf, size_t len, uint64_t nonce);

struct ntp_reply {
	int64_t seconds;	/* the server's transmit time, since 1970 */
	uint32_t fraction;	/* of a second, in 2^-32 units */
	unsigned stratum;
	/* A kiss-o'-death's code ("RATE", "DENY"), or "". */
	char kiss[5];
};

/*
 * Reads the reply to the request with nonce. Returns 0; -EINVAL for
 * anything that is not that reply (another mode or version, another
 * originate timestamp, too short); -ECONNREFUSED for a kiss-o'-death
 * (stratum 0: the server tells us to stop, reply->kiss says why);
 * -EAGAIN for a server that is not synchronized itself (leap indicator
 * 3, or no transmit time).
 */
int ntp_parse_reply(const void *data, size_t len, uint64_t nonce,
		    struct ntp_reply *reply);

#endif
