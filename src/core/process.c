/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The cooperative main loop (see wireboot/process.h). */

#include <wireboot/process.h>
#include <wireboot/retry.h>

TABLE_DEFINE(const struct permanent_process, permanent_processes);

static LIST_HEAD(processes);

void process_add(struct process *process)
{
	if (process_running(process))
		return;
	ref_get(process->refcnt);
	list_add_tail(&process->list, &processes);
}

void process_del(struct process *process)
{
	if (!process_running(process))
		return;
	list_del(&process->list);
	INIT_LIST_HEAD(&process->list);
	ref_put(process->refcnt);
}

/* Every process queued when the pass begins steps once. A step may add or
 * delete any process (itself included): the pass takes them one at a time
 * from a private list, so what is added now waits for the next pass. */
static void run_processes(void)
{
	LIST_HEAD(pass);
	struct process *process;

	if (list_empty(&processes))
		return;
	/* Move the whole queue onto this pass's list. */
	pass.next = processes.next;
	pass.prev = processes.prev;
	pass.next->prev = &pass;
	pass.prev->next = &pass;
	INIT_LIST_HEAD(&processes);

	while (!list_empty(&pass)) {
		struct refcnt *refcnt;

		process = list_first_entry(&pass, struct process, list);
		/* Back on the queue before it runs, so that process_del()
		 * from its step works as anywhere else. */
		list_del(&process->list);
		list_add_tail(&process->list, &processes);
		refcnt = process->refcnt;
		ref_get(refcnt);
		process->step(process);
		ref_put(refcnt);
	}
}

void step(void)
{
	const struct permanent_process *permanent;

	for_each_table_entry(permanent, permanent_processes)
		permanent->step();
	run_timers();
	run_processes();
}
