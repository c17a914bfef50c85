/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef WIREBOOT_PROCESS_H
#define WIREBOOT_PROCESS_H

/*
 * The cooperative main loop. Nothing blocks: on every pass network devices
 * are polled, every expired timer fires and every registered process takes
 * one step. Protocols never run the loop themselves; exactly one place
 * waits, the user level (src/usr/), by calling step() until the job it
 * waits for has closed.
 */

#include <stdbool.h>
#include <stdint.h>
#include <wireboot/list.h>
#include <wireboot/refcnt.h>
#include <wireboot/tables.h>

struct process {
	struct list_head list;
	void (*step)(struct process *process);
	/* The object that contains the process: held while it is queued. */
	struct refcnt *refcnt;
};

static inline void process_init(struct process *process,
				void (*step)(struct process *process),
				struct refcnt *refcnt)
{
	INIT_LIST_HEAD(&process->list);
	process->step = step;
	process->refcnt = refcnt;
}

static inline bool process_running(const struct process *process)
{
	return !list_empty(&process->list);
}

/* Queues the process (once); it steps on every pass until deleted. */
void process_add(struct process *process);
/* Dequeues it (harmless if it is not queued). */
void process_del(struct process *process);

/* Work that runs on every pass for as long as the image runs (NIC polling),
 * registered at link time. */
struct permanent_process {
	void (*step)(void);
};
TABLE_DECLARE(const struct permanent_process, permanent_processes);
#define PERMANENT_PROCESS(name) \
	const struct permanent_process name TABLE_ENTRY(const struct permanent_process, permanent_processes, 01)

/* One pass of the main loop. */
void step(void);

#endif
