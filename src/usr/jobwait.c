/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Waiting for jobs (see usr/jobwait.h): the main loop, Ctrl-C, timeouts
 * and the progress line. Protocols never come here; they run as jobs and
 * report through their interfaces. Waiting for a key (menus, prompts,
 * the shell) runs the main loop the same way, so the network goes on
 * while a person thinks.
 */

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <usr/jobwait.h>
#include <wireboot/console.h>
#include <wireboot/errfile.h>
#include <wireboot/error_name.h>
#include <wireboot/job.h>
#include <wireboot/process.h>
#include <wireboot/timer.h>

#define ERRFILE ERRFILE_jobwait

#define CTRL_C 0x03
#define CTRL_B 0x02
/* Reading the keyboard costs a firmware call; a person does not notice
 * 50 ms, the network does notice a slow loop. */
#define KEY_CHECK_INTERVAL_US 50000
/* Progress a few times a second: often enough to see it move, rarely
 * enough that a serial console does not slow the download. */
#define PROGRESS_INTERVAL_US 250000

static void waiter_reason(struct interface *intf, const char *text)
{
	struct job_waiter *waiter = container_of(intf, struct job_waiter, job);

	strlcpy(waiter->reason, text, sizeof(waiter->reason));
}

static void waiter_resolved(struct interface *intf, const struct sockaddr *sa)
{
	struct job_waiter *waiter = container_of(intf, struct job_waiter, job);

	waiter->address = *sa;
	waiter->resolved = true;
}

static void waiter_close(struct interface *intf, int rc)
{
	struct job_waiter *waiter = container_of(intf, struct job_waiter, job);

	intf_unplug(&waiter->job);
	waiter->done = true;
	waiter->rc = rc;
}

static const struct interface_operations waiter_operations = {
	.reason = waiter_reason,
	.resolved = waiter_resolved,
	.close = waiter_close,
};

void job_waiter_init(struct job_waiter *waiter)
{
	memset(waiter, 0, sizeof(*waiter));
	intf_init(&waiter->job, &waiter_operations, NULL);
}

void job_waiter_cancel(struct job_waiter *waiter, int rc)
{
	if (!waiter->done) {
		waiter->done = true;
		waiter->rc = rc;
	}
	intf_shutdown(&waiter->job, rc);
}

static bool shell_key_armed, shell_key_seen;

void shell_key_arm(bool armed)
{
	shell_key_armed = armed;
	if (!armed)
		shell_key_seen = false;
}

bool shell_key_pressed(void)
{
	return shell_key_seen;
}

/* Notes Ctrl-B when it is armed; returns whether key cancels a wait. */
static bool cancels(int key)
{
	if (key == CTRL_B && shell_key_armed)
		shell_key_seen = true;
	return key == CTRL_C || (key == CTRL_B && shell_key_armed);
}

/* The keys typed so far, up to a bound: an input that never runs dry
 * (the end of a hosted program's stdin) must not hold start-up. */
#define POLL_KEYS_MAX 32

void shell_key_poll(void)
{
	int key;

	for (unsigned i = 0; i < POLL_KEYS_MAX && (key = console_getkey()) >= 0; i++)
		cancels(key);
}

int job_wait_step(void)
{
	static uint64_t last_key_check;
	uint64_t now;

	step();
	now = monotonic_us();
	if (now - last_key_check < KEY_CHECK_INTERVAL_US)
		return 0;
	last_key_check = now;
	return cancels(console_getkey()) ? -EUNIQ(ECANCELED, 1) : 0;
}

int key_wait(uint64_t timeout_us)
{
	uint64_t start = monotonic_us();
	int key;

	console_flush();
	while ((key = console_getkey()) < 0) {
		if (timeout_us && monotonic_us() - start >= timeout_us)
			return -EUNIQ(ETIMEDOUT, 3);
		step();
	}
	return key;
}

void print_error(int rc, const char *reason)
{
	char site[48];

	printf("%s (%s)%s%s\n", strerror(rc), error_site(rc, site, sizeof(site)),
	       reason && *reason ? ": " : "", reason ? reason : "");
}

/* "label... 45% 471859 kB 14832 kB/s": the share when the total is known,
 * the amount, and the average rate since the job started. */
static void show_progress(struct job_waiter *waiter, const char *label,
			  uint64_t elapsed_us)
{
	struct job_progress progress;

	job_progress(&waiter->job, &progress);
	printf("\r%s...", label);
	if (progress.total && progress.completed <= progress.total)
		printf(" %u%%", (unsigned)(progress.completed * 100 /
					   progress.total));
	if (progress.completed) {
		printf(" %llu kB", (unsigned long long)progress.completed / 1024);
		printf(" %llu kB/s", (unsigned long long)(progress.completed /
			 1024 * 1000000 / elapsed_us));
	}
	if (progress.message[0])
		printf(" [%s]", progress.message);
}

int job_wait(struct job_waiter *waiter, const char *label, uint64_t timeout_us)
{
	uint64_t start = monotonic_us(), last_progress = start;
	bool progress_shown = false;
	int rc = 0;

	printf("%s...", label);
	while (!waiter->done) {
		uint64_t now;

		rc = job_wait_step();
		if (rc)
			break;
		now = monotonic_us();
		if (timeout_us && now - start >= timeout_us) {
			rc = -EUNIQ(ETIMEDOUT, 2);
			break;
		}
		if (!waiter->done && now - last_progress >= PROGRESS_INTERVAL_US) {
			last_progress = now;
			progress_shown = true;
			show_progress(waiter, label, now - start);
		}
	}
	if (!waiter->done)
		job_waiter_cancel(waiter, rc);
	/* Short jobs print one clean line, also in serial logs. */
	if (progress_shown)
		printf("\r%s...", label);
	if (waiter->rc == 0) {
		printf(" ok\n");
	} else if (errno_base(waiter->rc) == -ECANCELED) {
		printf(" Operation canceled\n");
	} else {
		/* What went wrong is the caller's to say, with context. */
		printf(" failed\n");
	}
	return waiter->rc;
}

int wait_us(uint64_t us)
{
	uint64_t start = monotonic_us();

	/* The network keeps running while nothing is waited for. */
	while (monotonic_us() - start < us) {
		int rc = job_wait_step();

		if (rc)
			return rc;
	}
	return 0;
}
