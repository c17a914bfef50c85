/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef USR_JOBWAIT_H
#define USR_JOBWAIT_H

/*
 * The one place that waits. A user-level action starts a job plugged to a
 * waiter's interface and waits here: the main loop runs until the job
 * closes, a timeout passes or the person presses Ctrl-C (which cancels
 * the job, frees what it held and says "Operation canceled"). The waiter
 * keeps the job's result and the reason text it gave.
 *
 * A waiter lives on its caller's stack and holds no object of its own;
 * job_wait() and job_waiter_cancel() always leave it unplugged.
 */

#include <stdbool.h>
#include <stdint.h>
#include <net/socket.h>
#include <wireboot/interface.h>

struct job_waiter {
	struct interface job;
	bool done;
	int rc;
	char reason[160];
	/* What a name lookup (net/resolv.h) answered, if resolved. */
	bool resolved;
	struct sockaddr address;
};

void job_waiter_init(struct job_waiter *waiter);
/* Ends the job (if still running) with rc. */
void job_waiter_cancel(struct job_waiter *waiter, int rc);

/*
 * Waits for the job, showing label and a progress line refreshed a few
 * times a second, then " ok", " failed" (the caller explains, with
 * print_error()) or " Operation canceled" on the same line. timeout_us 0:
 * none. Returns the job's result, -ETIMEDOUT or -ECANCELED.
 */
int job_wait(struct job_waiter *waiter, const char *label, uint64_t timeout_us);

/* One pass of the main loop for waits over several jobs: -ECANCELED when
 * the person pressed Ctrl-C (the caller cancels its jobs), else 0. */
int job_wait_step(void);

/* The next key (wireboot/keys.h), running the main loop while there is
 * none; -ETIMEDOUT after timeout_us (0: none). */
int key_wait(uint64_t timeout_us);

/*
 * Ctrl-B for the shell at start-up: while armed, Ctrl-B cancels a wait
 * as Ctrl-C does and is remembered, so that start-up can open the shell
 * once what it was doing has given up. shell_key_poll() reads the keys
 * typed so far (outside any wait). Disarming forgets the key.
 */
void shell_key_arm(bool armed);
void shell_key_poll(void);
bool shell_key_pressed(void);

/* Runs the main loop for us microseconds: 0, or -ECANCELED when the
 * person pressed Ctrl-C first ("sleep"). */
int wait_us(uint64_t us);

/* Prints rc as "Message (NAME at file.site)" followed by ": reason" when
 * there is one. */
void print_error(int rc, const char *reason);

#endif
