/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * SNTP client (see net/ntp.h): one object per query, with a job interface
 * to whoever asked and a UDP socket to the server, opened by name so that
 * the lookup is part of the job. The request's transmit timestamp is a
 * random nonce rather than our time (we may not know it): the server
 * echoes it, so a reply that does not carry it is not ours. Repeated with
 * back-off (1, 2, 4, 8 s), then ETIMEDOUT.
 */

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <net/ntp.h>
#include <net/ntp_packet.h>
#include <net/socket.h>
#include <wireboot/debug.h>
#include <wireboot/errfile.h>
#include <wireboot/random_id.h>
#include <wireboot/retry.h>
#include <wireboot/timer.h>
#include <wireboot/wallclock.h>
#include <wireboot/xfer.h>

#define ERRFILE ERRFILE_ntp

PROVIDE_OBJECT(ntp);

#define NTP_RETRY_MIN_US 1000000ULL
#define NTP_RETRY_MAX_US 8000000ULL

struct ntp_client {
	struct refcnt refcnt;
	struct interface job;
	struct interface xfer;
	struct retry_timer timer;
	uint64_t nonce;
	uint64_t sent_us;
	bool done;
};

static void ntp_finish(struct ntp_client *ntp, int rc)
{
	if (ntp->done)
		return;
	ntp->done = true;
	stop_timer(&ntp->timer);
	intf_shutdown(&ntp->xfer, rc);
	intf_shutdown(&ntp->job, rc);
}

static int ntp_send(struct ntp_client *ntp)
{
	struct io_buffer *iob = xfer_alloc_iob(&ntp->xfer, NTP_PACKET_LEN);

	if (!iob)
		return -EUNIQ(ENOMEM, 1);
	ntp_build_request(iob_put(iob, NTP_PACKET_LEN), NTP_PACKET_LEN,
			  ntp->nonce);
	ntp->sent_us = monotonic_us();
	return xfer_deliver(&ntp->xfer, iob, NULL);
}

static int ntp_deliver(struct interface *xfer, struct io_buffer *iob,
		       struct xfer_metadata *meta __unused)
{
	struct ntp_client *ntp = container_of(xfer, struct ntp_client, xfer);
	uint64_t half_trip_us = (monotonic_us() - ntp->sent_us) / 2;
	struct ntp_reply reply;
	char reason[48];
	int rc = ntp_parse_reply(iob->data, iob_len(iob), ntp->nonce, &reply);

	free_iob(iob);
	if (ntp->done || rc == -EINVAL)
		return 0;
	if (rc == -ECONNREFUSED) {
		snprintf(reason, sizeof(reason), "NTP server said %s",
			 reply.kiss);
		intf_reason(&ntp->job, reason);
		ntp_finish(ntp, -EUNIQ(ECONNREFUSED, 2));
	} else if (rc) {
		intf_reason(&ntp->job, "NTP server not synchronized");
		ntp_finish(ntp, -EUNIQ(EAGAIN, 3));
	} else {
		/* The server's time when we read its answer, to the second. */
		uint64_t us = ((uint64_t)reply.fraction * 1000000 >> 32) +
			      half_trip_us;

		wallclock_set(reply.seconds + (int64_t)(us / 1000000));
		DBG("NTP: stratum %u, time %lld\n", reply.stratum,
		    (long long)wallclock_now());
		ntp_finish(ntp, 0);
	}
	return 0;
}

/* The name resolved and the socket opened: the first request goes out. */
static void ntp_window_changed(struct interface *xfer)
{
	struct ntp_client *ntp = container_of(xfer, struct ntp_client, xfer);
	int rc;

	if (ntp->done || ntp->timer.running || !xfer_window(&ntp->xfer))
		return;
	rc = ntp_send(ntp);
	if (rc) {
		ntp_finish(ntp, rc);
		return;
	}
	start_timer(&ntp->timer);
}

static void ntp_xfer_close(struct interface *xfer, int rc)
{
	ntp_finish(container_of(xfer, struct ntp_client, xfer),
		   rc ? rc : -EUNIQ(EPIPE, 4));
}

static const struct interface_operations ntp_xfer_operations = {
	.deliver = ntp_deliver,
	.window_changed = ntp_window_changed,
	.close = ntp_xfer_close,
};

static void ntp_job_close(struct interface *job, int rc)
{
	ntp_finish(container_of(job, struct ntp_client, job), rc);
}

static const struct interface_operations ntp_job_operations = {
	.close = ntp_job_close,
};

static void ntp_expired(struct retry_timer *timer, bool fail)
{
	struct ntp_client *ntp = container_of(timer, struct ntp_client, timer);
	int rc;

	if (fail) {
		ntp_finish(ntp, -EUNIQ(ETIMEDOUT, 5));
		return;
	}
	rc = ntp_send(ntp);
	if (rc) {
		ntp_finish(ntp, rc);
		return;
	}
	start_timer(timer);
}

static void ntp_free(struct refcnt *refcnt)
{
	free(container_of(refcnt, struct ntp_client, refcnt));
}

int start_ntp(struct interface *job, const char *server)
{
	struct ntp_client *ntp = zalloc(sizeof(*ntp));
	int rc;

	if (!ntp)
		return -EUNIQ(ENOMEM, 6);
	ref_init(&ntp->refcnt, ntp_free);
	intf_init(&ntp->job, &ntp_job_operations, &ntp->refcnt);
	intf_init(&ntp->xfer, &ntp_xfer_operations, &ntp->refcnt);
	retry_init(&ntp->timer, ntp_expired, NTP_RETRY_MIN_US,
		   NTP_RETRY_MAX_US);
	/* Not a secret, only what a reply must echo. */
	ntp->nonce = (uint64_t)random_id() << 32 | random_id();
	rc = xfer_open_named_socket(&ntp->xfer, SOCK_DGRAM, server, NTP_PORT,
				    NULL);
	if (rc == 0)
		intf_plug_plug(&ntp->job, job);
	ref_put(&ntp->refcnt);
	return rc;
}
