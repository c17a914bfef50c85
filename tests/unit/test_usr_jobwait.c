/* SPDX-License-Identifier: GPL-2.0-or-later */
// FIRMWARE_SOURCES: src/usr/jobwait.c src/core/process.c src/core/retry.c src/core/interface.c src/core/xfer.c src/core/job.c
// FIRMWARE_SOURCES: src/core/iobuf.c src/core/errors.c src/core/vsprintf.c src/core/string.c
/*
 * The one place that waits: a job plugged to a waiter runs in the main
 * loop until it closes (its result and reason kept), the timeout passes
 * or Ctrl-C is pressed (both end the job, which is freed); while the
 * shell key is armed, Ctrl-B cancels too and is remembered. Waiting for
 * a key runs the main loop until one comes or the timeout passes. The
 * clock and the keyboard are fakes; the console is the C library's.
 */

#define null_intf wb_null_intf
#define null_intf_operations wb_null_intf_operations
#define intf_find_op wb_intf_find_op

#include <errno.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include "unit.h"

#include <usr/jobwait.h>
#include <wireboot/job.h>
#include <wireboot/process.h>

void wb_job_waiter_init(struct job_waiter *waiter);
int wb_job_wait(struct job_waiter *waiter, const char *label, uint64_t timeout_us);
void wb_intf_plug_plug(struct interface *a, struct interface *b);
void wb_intf_close(struct interface *intf, int rc);
void wb_intf_shutdown(struct interface *intf, int rc);
void wb_intf_reason(struct interface *intf, const char *text);
void wb_process_add(struct process *process);
void wb_process_del(struct process *process);
int wb_key_wait(uint64_t timeout_us);
void wb_shell_key_arm(bool armed);
void wb_shell_key_poll(void);
bool wb_shell_key_pressed(void);

/* ---- platform fakes ---- */

static uint64_t fake_now;
static uint64_t clock_step;	/* added on every read */
static int pending_key = -1;

uint64_t monotonic_us(void)
{
	fake_now += clock_step;
	return fake_now;
}

void *zalloc(size_t size)
{
	return calloc(1, size);
}

/* pending_key comes after keys_left reads without one; every read with
 * keys_forever set gives it again. */
static unsigned keys_left, key_reads;
static bool keys_forever;

int console_getkey(void)
{
	int key = pending_key;

	key_reads++;
	if (keys_left) {
		keys_left--;
		return -1;
	}
	if (!keys_forever)
		pending_key = -1;
	return key;
}

void console_flush(void)
{
}

/* ---- a job that finishes after a number of passes ---- */

struct countdown {
	struct refcnt refcnt;
	struct interface job;
	struct process process;
	unsigned steps_left;	/* ~0: never finishes */
	int rc;
	const char *reason;
	bool *freed;
};

/* What the last job was told, and how often progress was asked for. */
static bool told;
static int told_rc;
static unsigned progress_asked;

/* The plain error number of a firmware code (errno_base(), which the
 * system's errno.h hides here). */
static int err_base(int rc)
{
	return rc < 0 ? -(-rc & 0xff) : rc;
}

static void countdown_free(struct refcnt *refcnt)
{
	struct countdown *job = container_of(refcnt, struct countdown, refcnt);

	*job->freed = true;
	free(job);
}

static void countdown_end(struct countdown *job, int rc)
{
	wb_process_del(&job->process);
	wb_intf_shutdown(&job->job, rc);
}

static void countdown_step(struct process *process)
{
	struct countdown *job = container_of(process, struct countdown, process);

	if (job->steps_left == ~0U || job->steps_left-- > 0)
		return;
	if (job->reason)
		wb_intf_reason(&job->job, job->reason);
	countdown_end(job, job->rc);
}

static void countdown_progress(struct interface *intf, struct job_progress *progress)
{
	(void)intf;
	progress_asked++;
	progress->completed = 512;
	progress->total = 1024;
}

/* The waiter gave up (timeout, Ctrl-C). */
static void countdown_close(struct interface *intf, int rc)
{
	struct countdown *job = container_of(intf, struct countdown, job);

	told = true;
	told_rc = rc;
	countdown_end(job, rc);
}

static const struct interface_operations countdown_operations = {
	.progress = countdown_progress,
	.close = countdown_close,
};

/* Starts a job plugged to waiter; the job holds only what the main loop
 * and the waiter hold of it. */
static struct countdown *start(struct job_waiter *waiter, unsigned steps,
			       int rc, bool *freed)
{
	struct countdown *job = calloc(1, sizeof(*job));

	ref_init(&job->refcnt, countdown_free);
	intf_init(&job->job, &countdown_operations, &job->refcnt);
	process_init(&job->process, countdown_step, &job->refcnt);
	job->steps_left = steps;
	job->rc = rc;
	job->freed = freed;
	*freed = false;
	told = false;
	progress_asked = 0;
	wb_job_waiter_init(waiter);
	wb_intf_plug_plug(&waiter->job, &job->job);
	wb_process_add(&job->process);
	ref_put(&job->refcnt);
	return job;
}

int main(void)
{
	struct job_waiter waiter;
	struct countdown *job;
	bool freed;

	/* Done after five passes: its result, and it is gone. */
	clock_step = 10;
	start(&waiter, 5, 0, &freed);
	CHECK_INT(wb_job_wait(&waiter, "short", 0), 0);
	CHECK(waiter.done);
	CHECK(freed);
	CHECK(!told);
	CHECK_INT(progress_asked, 0);
	CHECK(!intf_is_plugged(&waiter.job));

	/* A failure, with the reason the job gave. */
	job = start(&waiter, 2, -EACCES, &freed);
	job->reason = "Access violation";
	CHECK_INT(wb_job_wait(&waiter, "refused", 0), -EACCES);
	CHECK_STR(waiter.reason, "Access violation");
	CHECK(freed);
	CHECK(!told);

	/* A slow job shows its progress; the timeout ends it. */
	clock_step = 1000;
	start(&waiter, ~0U, 0, &freed);
	CHECK_INT(err_base(wb_job_wait(&waiter, "slow", 2000000)), -ETIMEDOUT);
	CHECK(freed);
	CHECK(told && err_base(told_rc) == -ETIMEDOUT);
	CHECK(progress_asked >= 2);
	CHECK(!intf_is_plugged(&waiter.job));

	/* Ctrl-C cancels it (the keyboard is read every 50 ms or so). */
	clock_step = 60000;
	pending_key = 3;
	start(&waiter, ~0U, 0, &freed);
	CHECK_INT(err_base(wb_job_wait(&waiter, "cancel", 0)), -ECANCELED);
	CHECK(freed);
	CHECK(told && err_base(told_rc) == -ECANCELED);
	CHECK(!intf_is_plugged(&waiter.job));

	/* Another key is no Ctrl-C: the job runs on to its end. */
	pending_key = 'x';
	start(&waiter, 3, 0, &freed);
	CHECK_INT(wb_job_wait(&waiter, "key", 0), 0);
	CHECK(!told && freed);

	/* Ctrl-B is just a key unless armed... */
	pending_key = 2;
	start(&waiter, 3, 0, &freed);
	CHECK_INT(wb_job_wait(&waiter, "ctrl-b", 0), 0);
	CHECK(!wb_shell_key_pressed());
	/* ...then it cancels and is remembered until disarmed. */
	wb_shell_key_arm(true);
	pending_key = 2;
	start(&waiter, ~0U, 0, &freed);
	CHECK_INT(err_base(wb_job_wait(&waiter, "ctrl-b", 0)), -ECANCELED);
	CHECK(freed && wb_shell_key_pressed());
	wb_shell_key_arm(false);
	CHECK(!wb_shell_key_pressed());
	/* Polled outside a wait; an input that never runs dry stops it. */
	wb_shell_key_arm(true);
	pending_key = 'a';
	keys_forever = true;
	key_reads = 0;
	wb_shell_key_poll();
	CHECK(key_reads > 1 && key_reads < 100);
	CHECK(!wb_shell_key_pressed());
	pending_key = 2;
	wb_shell_key_poll();
	CHECK(wb_shell_key_pressed());
	keys_forever = false;
	wb_shell_key_arm(false);

	/* Waiting for a key: the main loop runs until it comes... */
	clock_step = 10;
	start(&waiter, 5, 0, &freed);
	pending_key = 'k';
	keys_left = 20;
	CHECK_INT(wb_key_wait(0), 'k');
	CHECK(freed);
	/* ...or the timeout passes. */
	clock_step = 1000;
	CHECK_INT(err_base(wb_key_wait(50000)), -ETIMEDOUT);
	return unit_finish();
}
