/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Pinging (see usr/pingmgmt.h): the name is resolved first (one lookup,
 * not one per request), then the pinger job (net/ping.h) runs until it
 * ends or the person presses Ctrl-C; its callback prints each outcome as
 * it happens.
 */

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <net/ping.h>
#include <usr/jobwait.h>
#include <usr/nslookup.h>
#include <usr/pingmgmt.h>
#include <wireboot/errfile.h>

#define ERRFILE ERRFILE_pingmgmt

struct ping_tally {
	unsigned sent, received;
};

static void ping_outcome(void *context, const struct sockaddr *src,
			 unsigned seq, size_t len, int rc)
{
	struct ping_tally *tally = context;
	char addr[64];

	tally->sent++;
	sock_ntoa(src, addr, sizeof(addr));
	if (rc == 0) {
		tally->received++;
		printf("%zu bytes from %s: seq=%u\n", len, addr, seq);
	} else {
		printf("No reply from %s: seq=%u: ", addr, seq);
		print_error(rc, NULL);
	}
}

int ping(const char *host, unsigned timeout_ms, size_t len, unsigned count)
{
	struct ping_tally tally = { 0, 0 };
	struct job_waiter waiter;
	struct sockaddr dest;
	char addr[64];
	int rc = resolve_name(host, &dest);

	if (rc)
		return rc;
	job_waiter_init(&waiter);
	rc = start_pinger(&waiter.job, &dest, (uint64_t)timeout_ms * 1000, len,
			  count, ping_outcome, &tally);
	if (rc) {
		printf("Could not ping %s: ", host);
		print_error(rc, NULL);
		return rc;
	}
	while (!waiter.done) {
		rc = job_wait_step();
		if (rc)
			job_waiter_cancel(&waiter, rc);
	}
	sock_ntoa(&dest, addr, sizeof(addr));
	printf("--- %s: %u sent, %u received, %u lost\n", addr, tally.sent,
	       tally.received, tally.sent - tally.received);
	/* Stopped by Ctrl-C: it worked if anything answered. */
	if (tally.received)
		return 0;
	return waiter.rc ? waiter.rc : -EUNIQ(ETIMEDOUT, 1);
}
