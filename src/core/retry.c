/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Retransmission timers with exponential back-off (see wireboot/retry.h). */

#include <wireboot/retry.h>
#include <wireboot/timer.h>

static LIST_HEAD(running_timers);

static void timer_arm(struct retry_timer *timer, uint64_t timeout_us)
{
	/* Off the list it is on: the running timers, or those of a pass in
	 * progress (restarted by another's handler, it must not fire now). */
	if (timer->running)
		list_del(&timer->list);
	list_add_tail(&timer->list, &running_timers);
	timer->running = true;
	timer->start_us = monotonic_us();
	timer->timeout_us = timeout_us;
}

void start_timer(struct retry_timer *timer)
{
	uint64_t min_us = timer->min_us ? timer->min_us : RETRY_MIN_US;
	uint64_t timeout_us;

	/* The first start uses min_us; each restart after an expiry doubles. */
	if (timer->count == 0 || timer->timeout_us == 0)
		timeout_us = min_us;
	else
		timeout_us = timer->timeout_us * 2;
	timer_arm(timer, timeout_us);
}

void start_timer_fixed(struct retry_timer *timer, uint64_t timeout_us)
{
	timer_arm(timer, timeout_us);
}

void stop_timer(struct retry_timer *timer)
{
	if (timer->running)
		list_del(&timer->list);
	timer->running = false;
	timer->count = 0;
	timer->timeout_us = 0;
}

/* Every timer expired at the start of the pass fires once. They are moved
 * to a private list first, so that a handler may stop, restart or free any
 * timer (its own included) without disturbing the walk. */
void run_timers(void)
{
	LIST_HEAD(expired);
	struct retry_timer *timer, *next;
	uint64_t now = monotonic_us();

	list_for_each_entry_safe(timer, next, &running_timers, list) {
		if (now - timer->start_us >= timer->timeout_us) {
			list_del(&timer->list);
			list_add_tail(&timer->list, &expired);
		}
	}
	while (!list_empty(&expired)) {
		uint64_t max_us;
		bool fail;

		timer = list_first_entry(&expired, struct retry_timer, list);
		list_del(&timer->list);
		timer->running = false;
		timer->count++;
		max_us = timer->max_us ? timer->max_us : RETRY_MAX_US;
		fail = timer->timeout_us * 2 > max_us;
		timer->expired(timer, fail);
	}
}
