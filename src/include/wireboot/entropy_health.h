/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef WIREBOOT_ENTROPY_HEALTH_H
#define WIREBOOT_ENTROPY_HEALTH_H

/*
 * Health tests of a noise source, after NIST SP 800-90B section 4.4: the
 * repetition count test (4.4.1) and the adaptive proportion test (4.4.2),
 * plus a lag-prediction test that catches periodic output, which those two
 * let through (a source alternating between two values has one bit of
 * min-entropy by their measure, and none in fact). Samples are 8 bits.
 *
 * The cutoffs follow from the min-entropy H claimed per sample and the
 * false-alarm probability alpha = 2^-20 (the standard's recommendation).
 * We claim H = 1/2 bit: under QEMU's TCG the most common timing sample
 * was seen in 45% of a window (about 1.1 bits), and real hardware does
 * better; the claim keeps a margin below what was measured.
 *   repetition count:   C = 1 + ceil(20 / H)
 *   adaptive proportion over W = 512 samples (non-binary):
 *                       C = 1 + CRITBINOM(W, 2^-H, 1 - alpha)
 *   lag prediction:     the same C for the hits of each lag 1..LAGS over a
 *                       window: any predictor of a source with min-entropy H
 *                       is right with probability at most 2^-H per sample.
 * With H = 1/2 bit: 41 and 410 (the standard's table 2 gives 410 too);
 * tests/unit/test_entropy_health.c recomputes them from the formulas.
 *
 * Start-up: the first HEALTH_STARTUP_SAMPLES samples are tested and thrown
 * away (4.3); a failure is permanent for that source.
 */

#include <stdbool.h>
#include <stdint.h>

#define HEALTH_SAMPLES_PER_BIT 2	/* H = 1/2 bit per sample */
#define HEALTH_RCT_CUTOFF 41
#define HEALTH_WINDOW 512
#define HEALTH_APT_CUTOFF 410
#define HEALTH_LAGS 8
#define HEALTH_STARTUP_SAMPLES 1024

struct entropy_health {
	bool failed;
	unsigned samples;		/* seen since the start */
	/* repetition count */
	uint8_t last;
	unsigned run;
	/* adaptive proportion and lag prediction, per window */
	unsigned window_pos;
	uint8_t apt_value;
	unsigned apt_count;
	uint8_t history[HEALTH_LAGS];	/* history[0]: the previous sample */
	unsigned lag_hits[HEALTH_LAGS];
};

void entropy_health_init(struct entropy_health *health);

/* Tests one sample: 0, or -EIO once the source has failed (for good). */
int entropy_health_sample(struct entropy_health *health, uint8_t sample);

/* True when the start-up test is complete and passed. */
static inline bool entropy_health_started(const struct entropy_health *health)
{
	return !health->failed && health->samples >= HEALTH_STARTUP_SAMPLES;
}

#endif
