/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * RFC 6298's estimator (see net/tcp_rtt.h), in microseconds with the
 * RFC's gains (alpha 1/8, beta 1/4, K 4) as shifts.
 */

#include <net/tcp_rtt.h>

/* The clock granularity G of RFC 6298: our timers run in microseconds, but
 * timestamps tick in milliseconds. */
#define TCP_RTT_GRANULARITY_US 1000U

void tcp_rtt_init(struct tcp_rtt *rtt)
{
	rtt->srtt_us = 0;
	rtt->rttvar_us = 0;
	rtt->rto_us = TCP_RTO_INITIAL_US;
	rtt->measured = false;
	rtt->backoff = 0;
}

void tcp_rtt_sample(struct tcp_rtt *rtt, uint32_t sample_us)
{
	uint64_t rto;
	uint32_t var;

	if (!rtt->measured) {
		rtt->srtt_us = sample_us;
		rtt->rttvar_us = sample_us / 2;
		rtt->measured = true;
	} else {
		uint32_t delta = rtt->srtt_us > sample_us ?
				 rtt->srtt_us - sample_us :
				 sample_us - rtt->srtt_us;

		rtt->rttvar_us = rtt->rttvar_us - rtt->rttvar_us / 4 +
				 delta / 4;
		rtt->srtt_us = rtt->srtt_us - rtt->srtt_us / 8 +
			       sample_us / 8;
	}
	var = 4 * rtt->rttvar_us;
	rto = (uint64_t)rtt->srtt_us +
	      (var > TCP_RTT_GRANULARITY_US ? var : TCP_RTT_GRANULARITY_US);
	if (rto < TCP_RTO_MIN_US)
		rto = TCP_RTO_MIN_US;
	if (rto > TCP_RTO_MAX_US)
		rto = TCP_RTO_MAX_US;
	rtt->rto_us = (uint32_t)rto;
	rtt->backoff = 0;
}

uint32_t tcp_rtt_timeout(const struct tcp_rtt *rtt)
{
	uint64_t rto = rtt->rto_us;
	unsigned i;

	for (i = 0; i < rtt->backoff && rto < TCP_RTO_MAX_US; i++)
		rto *= 2;
	return rto > TCP_RTO_MAX_US ? TCP_RTO_MAX_US : (uint32_t)rto;
}

void tcp_rtt_backoff(struct tcp_rtt *rtt)
{
	if (rtt->backoff < 32)
		rtt->backoff++;
}
