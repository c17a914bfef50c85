/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef WIREBOOT_JOB_H
#define WIREBOOT_JOB_H

/*
 * Jobs: anything a person starts and may wait for (a download, DHCP on a
 * device) exposes a job interface. Its close carries the result; before
 * that the waiter may ask for progress at any time, and closing the job
 * from the waiter's side cancels it (Ctrl-C).
 */

#include <stdint.h>
#include <wireboot/interface.h>

struct job_progress {
	uint64_t completed;	/* bytes, or 0 */
	uint64_t total;		/* 0 if unknown */
	/* A short state for the progress line ("retry 3"), or "". */
	char message[32];
};

/* Fills progress from the job at the other end of intf (zeroed first). */
void job_progress(struct interface *intf, struct job_progress *progress);

#endif
