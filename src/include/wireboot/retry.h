/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef WIREBOOT_RETRY_H
#define WIREBOOT_RETRY_H

/*
 * Retransmission timers with exponential back-off, for every protocol that
 * retries over a lossy network (ARP, DHCP, TFTP, DNS). The main loop fires
 * expired timers; the handler retransmits and restarts the timer, or gives
 * up when told the back-off has reached its maximum.
 */

#include <stdbool.h>
#include <stdint.h>
#include <wireboot/list.h>

struct retry_timer {
	struct list_head list;
	bool running;
	uint64_t start_us;
	uint64_t timeout_us;	/* current interval */
	uint64_t min_us;	/* first interval (default RETRY_MIN_US) */
	uint64_t max_us;	/* give-up threshold (default RETRY_MAX_US) */
	unsigned count;		/* expiries so far */
	/* fail is true once the interval would exceed max_us. */
	void (*expired)(struct retry_timer *timer, bool fail);
};

#define RETRY_MIN_US 250000ULL
#define RETRY_MAX_US 10000000ULL

static inline void retry_init(struct retry_timer *timer,
			      void (*expired)(struct retry_timer *timer, bool fail),
			      uint64_t min_us, uint64_t max_us)
{
	INIT_LIST_HEAD(&timer->list);
	timer->running = false;
	timer->expired = expired;
	timer->min_us = min_us;
	timer->max_us = max_us;
	timer->timeout_us = 0;
	timer->count = 0;
}

/* Starts (or restarts) with back-off: min_us first, doubling each time. */
void start_timer(struct retry_timer *timer);
/* Starts with a fixed interval, leaving the back-off state alone. */
void start_timer_fixed(struct retry_timer *timer, uint64_t timeout_us);
/* Stops and resets the back-off. */
void stop_timer(struct retry_timer *timer);

/* Fires every expired timer (called by step()). */
void run_timers(void);

#endif
