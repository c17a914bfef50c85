/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef NET_TCP_RTT_H
#define NET_TCP_RTT_H

/*
 * The retransmission timeout of RFC 6298: a smoothed round-trip time and
 * its variation from each measurement (timestamp echoes, RFC 7323, or one
 * timed segment at a time), and exponential back-off after each timeout
 * until the next measurement.
 *
 * The lower bound is 200 ms rather than RFC 6298's 1 s (as most stacks
 * do): a boot runs on a LAN where 1 s per lost segment would be felt. The
 * first timeout, before any measurement, is RFC 6298's 1 s.
 */

#include <stdbool.h>
#include <stdint.h>

#define TCP_RTO_INITIAL_US 1000000U
#define TCP_RTO_MIN_US 200000U
#define TCP_RTO_MAX_US 60000000U

struct tcp_rtt {
	uint32_t srtt_us;
	uint32_t rttvar_us;
	uint32_t rto_us;	/* before back-off */
	bool measured;
	unsigned backoff;	/* timeouts since the last measurement */
};

void tcp_rtt_init(struct tcp_rtt *rtt);
void tcp_rtt_sample(struct tcp_rtt *rtt, uint32_t sample_us);
/* The timeout to wait now: rto doubled per back-off, at most the max. */
uint32_t tcp_rtt_timeout(const struct tcp_rtt *rtt);
/* A timeout happened: the next wait is twice as long. */
void tcp_rtt_backoff(struct tcp_rtt *rtt);

#endif
