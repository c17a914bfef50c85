/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef NET_RTT_ESTIMATOR_H
#define NET_RTT_ESTIMATOR_H

/*
 * A retransmission timeout from measured round trips (RFC 6298): a
 * smoothed round-trip time and its variation, the timeout their sum with
 * four variations, kept within bounds the protocol chooses. Any protocol
 * that waits for an answer to what it sent can use one: feed it samples
 * of unambiguous exchanges only (never of a retransmission: Karn's rule),
 * back it off on each timeout.
 */

#include <stdint.h>

struct rtt_estimator {
	uint32_t srtt_us;	/* 0: no sample yet */
	uint32_t rttvar_us;
	uint32_t rto_us;	/* the timeout in force */
	uint32_t min_us;
	uint32_t max_us;
};

/* Starts with the timeout initial_us (before any sample), every timeout
 * bounded to min_us .. max_us. */
void rtt_init(struct rtt_estimator *rtt, uint32_t initial_us, uint32_t min_us,
	      uint32_t max_us);
/* A round trip of sample_us measured: updates the estimate and the
 * timeout (which also ends a back-off). */
void rtt_sample(struct rtt_estimator *rtt, uint64_t sample_us);
/* A timeout expired: doubles the timeout, up to max_us; returns it. */
uint32_t rtt_backoff(struct rtt_estimator *rtt);

static inline uint32_t rtt_rto(const struct rtt_estimator *rtt)
{
	return rtt->rto_us;
}

#endif
