/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Health tests of a noise source (see wireboot/entropy_health.h for the
 * tests and how their cutoffs follow from the claimed entropy). A pure state
 * machine over samples, so that tests can feed it bad sources directly.
 */

#include <errno.h>
#include <string.h>
#include <wireboot/debug.h>
#include <wireboot/entropy_health.h>

void entropy_health_init(struct entropy_health *health)
{
	memset(health, 0, sizeof(*health));
}

static bool repetition_count(struct entropy_health *health, uint8_t sample)
{
	if (health->samples && sample == health->last) {
		if (++health->run >= HEALTH_RCT_CUTOFF) {
			DBG("health: %u repetitions of %#02x at sample %u\n",
			    health->run, sample, health->samples);
			return false;
		}
	} else {
		health->run = 1;
	}
	health->last = sample;
	return true;
}

static bool adaptive_proportion(struct entropy_health *health, uint8_t sample)
{
	if (health->window_pos == 0) {
		health->apt_value = sample;
		health->apt_count = 1;
		return true;
	}
	if (sample == health->apt_value &&
	    ++health->apt_count >= HEALTH_APT_CUTOFF) {
		DBG("health: %#02x %u times in a window at sample %u\n",
		    sample, health->apt_count, health->samples);
		return false;
	}
	return true;
}

/* Lag k predicts the sample k places back; the history reaches back over
 * window boundaries, the hit counts do not. */
static bool lag_prediction(struct entropy_health *health, uint8_t sample)
{
	unsigned known = health->samples < HEALTH_LAGS ? health->samples : HEALTH_LAGS;
	bool ok = true;

	if (health->window_pos == 0)
		memset(health->lag_hits, 0, sizeof(health->lag_hits));
	for (unsigned lag = 0; lag < known; lag++)
		if (sample == health->history[lag] &&
		    ++health->lag_hits[lag] >= HEALTH_APT_CUTOFF) {
			DBG("health: lag %u predicted %u samples of a window at sample %u\n",
			    lag + 1, health->lag_hits[lag], health->samples);
			ok = false;
		}
	memmove(health->history + 1, health->history, HEALTH_LAGS - 1);
	health->history[0] = sample;
	return ok;
}

int entropy_health_sample(struct entropy_health *health, uint8_t sample)
{
	bool ok;

	if (health->failed)
		return -EIO;
	ok = repetition_count(health, sample);
	ok = adaptive_proportion(health, sample) && ok;
	ok = lag_prediction(health, sample) && ok;
	health->samples++;
	if (++health->window_pos == HEALTH_WINDOW)
		health->window_pos = 0;
	if (!ok) {
		health->failed = true;
		return -EIO;
	}
	return 0;
}
