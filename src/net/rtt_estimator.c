/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Retransmission timeout estimation (see net/rtt_estimator.h), RFC 6298's
 * arithmetic in whole microseconds: the first sample R sets SRTT = R and
 * RTTVAR = R/2; each later one RTTVAR = 3/4 RTTVAR + 1/4 |SRTT - R| and
 * SRTT = 7/8 SRTT + 1/8 R; RTO = SRTT + 4 RTTVAR within the bounds. The
 * bounds stand in for the RFC's one-second floor, which suits a wide-area
 * TCP but would cost a boot network a second per lost packet.
 */

#include <net/rtt_estimator.h>

/* Longer samples say nothing the maximum timeout does not. */
#define RTT_SAMPLE_MAX_US 60000000ULL

static uint32_t rtt_bounded(const struct rtt_estimator *rtt, uint64_t us)
{
	if (us < rtt->min_us)
		return rtt->min_us;
	if (us > rtt->max_us)
		return rtt->max_us;
	return (uint32_t)us;
}

void rtt_init(struct rtt_estimator *rtt, uint32_t initial_us, uint32_t min_us,
	      uint32_t max_us)
{
	rtt->srtt_us = 0;
	rtt->rttvar_us = 0;
	rtt->min_us = min_us;
	rtt->max_us = max_us > min_us ? max_us : min_us;
	rtt->rto_us = rtt_bounded(rtt, initial_us);
}

void rtt_sample(struct rtt_estimator *rtt, uint64_t sample_us)
{
	uint32_t sample;

	if (sample_us > RTT_SAMPLE_MAX_US)
		sample_us = RTT_SAMPLE_MAX_US;
	/* A sample of 0 (a clock too coarse to see the trip) still counts:
	 * as 1 us, since srtt_us 0 means "no sample yet". */
	sample = sample_us ? (uint32_t)sample_us : 1;
	if (!rtt->srtt_us) {
		rtt->srtt_us = sample;
		rtt->rttvar_us = sample / 2;
	} else {
		uint32_t delta = rtt->srtt_us > sample ? rtt->srtt_us - sample :
							 sample - rtt->srtt_us;

		rtt->rttvar_us = (uint32_t)((3ULL * rtt->rttvar_us + delta) / 4);
		rtt->srtt_us = (uint32_t)((7ULL * rtt->srtt_us + sample) / 8);
		if (!rtt->srtt_us)
			rtt->srtt_us = 1;
	}
	rtt->rto_us = rtt_bounded(rtt, (uint64_t)rtt->srtt_us +
					4ULL * rtt->rttvar_us);
}

uint32_t rtt_backoff(struct rtt_estimator *rtt)
{
	rtt->rto_us = rtt_bounded(rtt, 2ULL * rtt->rto_us);
	return rtt->rto_us;
}
