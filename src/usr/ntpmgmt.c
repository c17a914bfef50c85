/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Setting the clock by NTP (see usr/ntpmgmt.h): the SNTP job of net/ntp.h,
 * waited for with Ctrl-C. It ends by itself (about 15 s at most). */

#include <stdio.h>
#include <net/ntp.h>
#include <usr/jobwait.h>
#include <usr/ntpmgmt.h>

int ntp(const char *server)
{
	struct job_waiter waiter;
	char label[80];
	int rc;

	job_waiter_init(&waiter);
	rc = start_ntp(&waiter.job, server);
	if (rc == 0) {
		snprintf(label, sizeof(label), "NTP %s", server);
		rc = job_wait(&waiter, label, 0);
	}
	if (rc) {
		printf("Could not set the time from %s: ", server);
		print_error(rc, waiter.reason);
	}
	return rc;
}
