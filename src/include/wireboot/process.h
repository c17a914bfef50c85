#ifndef WIREBOOT_PROCESS_H
#define WIREBOOT_PROCESS_H

/*
 * The cooperative main loop. Nothing blocks: network devices are polled,
 * expired timers fire and registered processes take one step, over and over.
 * A command that must wait (dhcp, a download) runs the loop until the work
 * it waits for completes: wait_for().
 */

#include <stdbool.h>
#include <stdint.h>
#include <wireboot/list.h>
#include <wireboot/tables.h>

struct process {
	struct list_head list;
	void (*step)(struct process *process);
	const char *name;
};

static inline void process_init(struct process *process,
				void (*step)(struct process *process),
				const char *name)
{
	INIT_LIST_HEAD(&process->list);
	process->step = step;
	process->name = name;
}

/* Adding twice or deleting an inactive process is harmless. */
void process_add(struct process *process);
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

/*
 * Runs the main loop until done(context) is true, timeout_us passes
 * (0: no timeout), or the user presses Ctrl-C. Returns 0, -ETIMEDOUT or
 * -ECANCELED.
 */
int wait_for(bool (*done)(void *context), void *context, uint64_t timeout_us);

#endif
