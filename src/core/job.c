/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Job operations over interfaces (see job.h). */

#include <string.h>
#include <wireboot/job.h>

void job_progress(struct interface *intf, struct job_progress *progress)
{
	struct interface *dest;
	void (*report)(struct interface *, struct job_progress *) =
		intf_get_dest_op(intf, progress, &dest);

	memset(progress, 0, sizeof(*progress));
	if (report)
		report(dest, progress);
	intf_put(dest);
}
