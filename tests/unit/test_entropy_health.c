/* SPDX-License-Identifier: GPL-2.0-or-later */
// FIRMWARE_SOURCES: src/core/entropy_health.c src/core/string.c
/*
 * The SP 800-90B health tests (src/core/entropy_health.c): their cutoffs
 * recomputed from the standard's formulas for the claimed entropy, a good
 * source that passes, and bad sources that must fail: stuck, biased,
 * alternating, and a source that goes bad after starting well.
 */

#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <wireboot/entropy_health.h>
#include "unit.h"

void wb_entropy_health_init(struct entropy_health *health);
int wb_entropy_health_sample(struct entropy_health *health, uint8_t sample);

#define ALPHA_LOG2 20

/* CRITBINOM(n, p, q): the smallest k with P(X <= k) >= q, X ~ B(n, p). */
static unsigned critbinom(unsigned n, double p, double q)
{
	double pmf = 1, cdf;

	for (unsigned i = 0; i < n; i++)
		pmf *= 1 - p;
	cdf = pmf;
	for (unsigned k = 0; k < n; k++) {
		if (cdf >= q)
			return k;
		pmf *= (double)(n - k) / (k + 1) * p / (1 - p);
		cdf += pmf;
	}
	return n;
}

/* 2^-H for H = 1 / HEALTH_SAMPLES_PER_BIT: the x with x^S = 1/2, by
 * bisection (no libm here). */
static double probability_bound(void)
{
	double low = 0, high = 1, mid, power;

	for (int i = 0; i < 100; i++) {
		mid = (low + high) / 2;
		power = 1;
		for (int s = 0; s < HEALTH_SAMPLES_PER_BIT; s++)
			power *= mid;
		if (power < 0.5)
			low = mid;
		else
			high = mid;
	}
	return low;
}

static void test_cutoffs(void)
{
	double alpha = 1.0 / (1u << ALPHA_LOG2);

	/* 1 + ceil(20 / H), H = 1 / S: 1 + 20 S. */
	CHECK_INT(HEALTH_RCT_CUTOFF, 1 + ALPHA_LOG2 * HEALTH_SAMPLES_PER_BIT);
	CHECK_INT(HEALTH_APT_CUTOFF,
		  1 + critbinom(HEALTH_WINDOW, probability_bound(), 1 - alpha));
	/* The standard's own table for H = 1/2, W = 512 (section 4.4.2). */
	if (HEALTH_SAMPLES_PER_BIT == 2)
		CHECK_INT(HEALTH_APT_CUTOFF, 410);
	CHECK(HEALTH_STARTUP_SAMPLES >= 1024);
}

/* Feeds count samples from next(); returns how many passed before the first
 * failure (count when none failed). */
static unsigned feed(struct entropy_health *health, unsigned count,
		     uint8_t (*next)(unsigned i))
{
	for (unsigned i = 0; i < count; i++)
		if (wb_entropy_health_sample(health, next(i)) != 0)
			return i;
	return count;
}

static uint64_t xorshift = 0x9e3779b97f4a7c15ull;
static uint8_t uniform(unsigned i)
{
	(void)i;
	xorshift ^= xorshift << 13;
	xorshift ^= xorshift >> 7;
	xorshift ^= xorshift << 17;
	return (uint8_t)(xorshift >> 24);
}

static uint8_t stuck(unsigned i)
{
	(void)i;
	return 0x5a;
}

/* 0 with probability 7/8, else uniform: min-entropy 0.19 bits, below the
 * 1/2 claimed. */
static uint8_t biased(unsigned i)
{
	uint8_t draw = uniform(i);

	return (draw & 7) ? 0 : uniform(i);
}

static uint8_t alternating(unsigned i)
{
	return i & 1 ? 0xaa : 0x55;
}

/* Period 5: neither repeats a value nor favours one, lag 5 predicts it. */
static uint8_t periodic(unsigned i)
{
	static const uint8_t cycle[] = { 3, 141, 59, 26, 53 };

	return cycle[i % 5];
}

static void test_good_source_passes(void)
{
	struct entropy_health health;

	wb_entropy_health_init(&health);
	CHECK(!entropy_health_started(&health));
	CHECK_INT(feed(&health, 200000, uniform), 200000);
	CHECK(entropy_health_started(&health));
}

static void test_stuck_source_fails_at_cutoff(void)
{
	struct entropy_health health;

	wb_entropy_health_init(&health);
	/* The cutoff-th identical sample in a row is the failure. */
	CHECK_INT(feed(&health, 1000, stuck), HEALTH_RCT_CUTOFF - 1);
	CHECK(!entropy_health_started(&health));
}

static void test_biased_source_fails(void)
{
	struct entropy_health health;
	unsigned passed;

	wb_entropy_health_init(&health);
	passed = feed(&health, 100000, biased);
	CHECK(passed < 2 * HEALTH_WINDOW);
	CHECK(!entropy_health_started(&health));
}

static void test_alternating_source_fails(void)
{
	struct entropy_health health;
	unsigned passed;

	wb_entropy_health_init(&health);
	passed = feed(&health, 100000, alternating);
	/* No run of two, half the window each: only the lag test sees it. */
	CHECK(passed >= HEALTH_APT_CUTOFF && passed < HEALTH_WINDOW);

	wb_entropy_health_init(&health);
	passed = feed(&health, 100000, periodic);
	CHECK(passed >= HEALTH_APT_CUTOFF && passed < HEALTH_WINDOW);
}

/* A source that starts well and then sticks fails, for good. */
static void test_failure_is_permanent(void)
{
	struct entropy_health health;

	wb_entropy_health_init(&health);
	CHECK_INT(feed(&health, HEALTH_STARTUP_SAMPLES, uniform), HEALTH_STARTUP_SAMPLES);
	CHECK(entropy_health_started(&health));
	CHECK_INT(feed(&health, 1000, stuck), HEALTH_RCT_CUTOFF - 1);
	CHECK(!entropy_health_started(&health));
	CHECK_INT(wb_entropy_health_sample(&health, uniform(0)), -EIO);
	CHECK_INT(feed(&health, 1000, uniform), 0);
}

int main(void)
{
	test_cutoffs();
	test_good_source_passes();
	test_stuck_source_fails_at_cutoff();
	test_biased_source_fails();
	test_alternating_source_fails();
	test_failure_is_permanent();
	return unit_finish();
}
