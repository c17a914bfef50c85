/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Name lookup into a setting (see usr/nslookup.h): the lookup is a job of
 * net/resolv.h, waited for here like any other (Ctrl-C cancels it), and
 * its answer is stored by its family's text form, so that the setting
 * shows what was found whatever the family.
 */

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <net/resolv.h>
#include <usr/jobwait.h>
#include <usr/nslookup.h>
#include <wireboot/errfile.h>
#include <wireboot/settings.h>

#define ERRFILE ERRFILE_nslookup

int resolve_name(const char *name, struct sockaddr *sa)
{
	struct job_waiter waiter;
	int rc;

	job_waiter_init(&waiter);
	rc = resolv(&waiter.job, name, NULL);
	/* No progress line: a number answers at once, and DNS ends by
	 * itself within its bounded time. */
	while (rc == 0 && !waiter.done) {
		int cancel = job_wait_step();

		if (cancel)
			job_waiter_cancel(&waiter, cancel);
	}
	if (rc == 0)
		rc = waiter.rc;
	if (rc == 0 && !waiter.resolved)
		rc = -EUNIQ(ENOENT, 1);
	if (rc) {
		printf("Could not resolve %s: ", name);
		print_error(rc, waiter.reason);
		return rc;
	}
	*sa = waiter.address;
	return 0;
}

int nslookup(const char *setting_name, const char *name)
{
	struct sockaddr sa;
	char text[64], target[80];
	int rc = resolve_name(name, &sa);

	if (rc)
		return rc;
	/* The port is 0, so the text is the address alone. */
	sock_ntoa(&sa, text, sizeof(text));
	/* An IPv4 answer is stored as an address; the ipv4 type parses
	 * exactly the text form its family gave. */
	snprintf(target, sizeof(target), "%s%s", setting_name,
		 sa.sa_family == AF_INET && !strchr(setting_name, ':') ?
		 ":ipv4" : "");
	rc = storef_setting(target, text);
	if (rc) {
		printf("Could not set %s: ", setting_name);
		print_error(rc, NULL);
	}
	return rc;
}
