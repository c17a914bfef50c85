/* SPDX-License-Identifier: GPL-2.0-or-later */
// FIRMWARE_SOURCES: src/net/rtt_estimator.c
/*
 * The retransmission timeout estimator (src/net/rtt_estimator.c): RFC
 * 6298's first and later samples, the bounds, back-off and its end at the
 * next sample, a steady round trip converging, a zero sample, and samples
 * too long for 32 bits.
 */

#include <stdint.h>
#include "unit.h"

#define rtt_init wb_rtt_init
#define rtt_sample wb_rtt_sample
#define rtt_backoff wb_rtt_backoff
#include <net/rtt_estimator.h>

static void test_rfc6298_arithmetic(void)
{
	struct rtt_estimator rtt;

	rtt_init(&rtt, 1000000, 1000, 2000000);
	CHECK_INT(rtt_rto(&rtt), 1000000);	/* before any sample */
	CHECK_INT(rtt.srtt_us, 0);
	/* First: SRTT = R, RTTVAR = R/2, RTO = R + 4 R/2. */
	rtt_sample(&rtt, 20000);
	CHECK_INT(rtt.srtt_us, 20000);
	CHECK_INT(rtt.rttvar_us, 10000);
	CHECK_INT(rtt_rto(&rtt), 60000);
	/* Then: RTTVAR = 3/4 10000 + 1/4 |20000 - 28000| = 9500,
	 * SRTT = 7/8 20000 + 1/8 28000 = 21000. */
	rtt_sample(&rtt, 28000);
	CHECK_INT(rtt.rttvar_us, 9500);
	CHECK_INT(rtt.srtt_us, 21000);
	CHECK_INT(rtt_rto(&rtt), 21000 + 4 * 9500);
}

static void test_bounds_and_backoff(void)
{
	struct rtt_estimator rtt;
	unsigned i;

	/* The initial timeout is bounded too. */
	rtt_init(&rtt, 5000000, 50000, 2000000);
	CHECK_INT(rtt_rto(&rtt), 2000000);
	rtt_init(&rtt, 1000000, 50000, 2000000);
	/* A fast network: the floor. */
	rtt_sample(&rtt, 100);
	CHECK_INT(rtt_rto(&rtt), 50000);
	/* Each timeout doubles, up to the ceiling. */
	CHECK_INT(rtt_backoff(&rtt), 100000);
	CHECK_INT(rtt_backoff(&rtt), 200000);
	for (i = 0; i < 10; i++)
		rtt_backoff(&rtt);
	CHECK_INT(rtt_rto(&rtt), 2000000);
	/* The next sample ends the back-off. */
	rtt_sample(&rtt, 100);
	CHECK_INT(rtt_rto(&rtt), 50000);
	/* A slow one: the ceiling. */
	rtt_sample(&rtt, 10000000);
	CHECK_INT(rtt_rto(&rtt), 2000000);
	/* min above max: min wins. */
	rtt_init(&rtt, 1, 3000, 2000);
	CHECK_INT(rtt_rto(&rtt), 3000);
}

static void test_convergence(void)
{
	struct rtt_estimator rtt;
	unsigned i;

	rtt_init(&rtt, 1000000, 1000, 2000000);
	rtt_sample(&rtt, 200000);
	/* A steady 20 ms: the estimate follows, the variation fades, the
	 * timeout comes down close to the round trip. */
	for (i = 0; i < 100; i++)
		rtt_sample(&rtt, 20000);
	CHECK(rtt.srtt_us >= 20000 && rtt.srtt_us < 20100);
	CHECK(rtt_rto(&rtt) >= 20000 && rtt_rto(&rtt) < 21000);
	/* Jitter keeps a margin: alternating 10 and 30 ms. */
	for (i = 0; i < 100; i++)
		rtt_sample(&rtt, i % 2 ? 10000 : 30000);
	CHECK(rtt_rto(&rtt) > 50000);
	CHECK(rtt_rto(&rtt) < 90000);
}

static void test_odd_samples(void)
{
	struct rtt_estimator rtt;

	/* Too fast for the clock: still a sample (the estimate exists). */
	rtt_init(&rtt, 1000000, 50000, 2000000);
	rtt_sample(&rtt, 0);
	CHECK(rtt.srtt_us != 0);
	CHECK_INT(rtt_rto(&rtt), 50000);
	rtt_sample(&rtt, 0);
	CHECK(rtt.srtt_us != 0);
	/* Longer than 32 bits of microseconds: no wrap to a short one. */
	rtt_init(&rtt, 1000000, 50000, 2000000);
	rtt_sample(&rtt, 0x100000010ULL);
	CHECK_INT(rtt_rto(&rtt), 2000000);
	CHECK(rtt.srtt_us > 1000000);
}

int main(void)
{
	test_rfc6298_arithmetic();
	test_bounds_and_backoff();
	test_convergence();
	test_odd_samples();
	return unit_finish();
}
