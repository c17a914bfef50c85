/* The cooperative main loop (see wireboot/process.h). */

#include <errno.h>
#include <wireboot/console.h>
#include <wireboot/process.h>
#include <wireboot/retry.h>
#include <wireboot/timer.h>

#define CTRL_C 0x03
/* Reading the keyboard costs a firmware call; a person does not notice
 * 50 ms, the network does notice a slow loop. */
#define KEY_CHECK_INTERVAL_US 50000

TABLE_DEFINE(const struct permanent_process, permanent_processes);

static LIST_HEAD(processes);

void process_add(struct process *process)
{
	if (list_empty(&process->list))
		list_add_tail(&process->list, &processes);
}

void process_del(struct process *process)
{
	list_del(&process->list);
}

void step(void)
{
	const struct permanent_process *permanent;
	struct process *process, *next;

	for_each_table_entry(permanent, permanent_processes)
		permanent->step();
	run_timers();
	list_for_each_entry_safe(process, next, &processes, list) {
		/* Rotate first, so that a step that deletes or re-adds its
		 * process leaves the list consistent. */
		list_del(&process->list);
		list_add_tail(&process->list, &processes);
		process->step(process);
		break;
	}
}

int wait_for(bool (*done)(void *context), void *context, uint64_t timeout_us)
{
	uint64_t start = monotonic_us(), last_key_check = start;

	while (!done(context)) {
		uint64_t now;

		step();
		now = monotonic_us();
		if (timeout_us && now - start >= timeout_us)
			return -ETIMEDOUT;
		if (now - last_key_check >= KEY_CHECK_INTERVAL_US) {
			last_key_check = now;
			if (console_getkey() == CTRL_C)
				return -ECANCELED;
		}
	}
	return 0;
}
