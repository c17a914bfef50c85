/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The pinger (see net/ping.h): one job per ping command, with a timer that
 * sends a request every interval. Only the latest request is awaited: a
 * reply to an earlier one (late beyond its timeout) or to another
 * pinger's identifier is ignored. Replies reach the pinger through
 * ping_rx(), which each family's ICMP calls, so nothing here names IPv4.
 */

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <net/ping.h>
#include <net/ping_packet.h>
#include <wireboot/debug.h>
#include <wireboot/errfile.h>
#include <wireboot/list.h>
#include <wireboot/random_id.h>
#include <wireboot/retry.h>

#define ERRFILE ERRFILE_pinger

TABLE_DEFINE(const struct echo_protocol, echo_protocols);

struct pinger {
	struct refcnt refcnt;
	struct interface job;
	struct list_head list;		/* in the pingers awaiting replies */
	struct retry_timer timer;
	const struct echo_protocol *echo;
	struct sockaddr_tcpip dest;
	uint16_t ident;
	unsigned seq;			/* of the latest request */
	bool awaiting;			/* its reply */
	size_t len;
	unsigned count;
	uint64_t timeout_us;
	unsigned received;
	int rc;				/* the last failure */
	ping_callback callback;
	void *context;
};

static LIST_HEAD(pingers);

static void pinger_finish(struct pinger *pinger, int rc)
{
	stop_timer(&pinger->timer);
	list_del(&pinger->list);
	intf_shutdown(&pinger->job, rc);
}

static void pinger_report(struct pinger *pinger, const struct sockaddr *src,
			  size_t len, int rc)
{
	if (rc)
		pinger->rc = rc;
	else
		pinger->received++;
	pinger->callback(pinger->context, src, pinger->seq, len, rc);
}

/* The next request; a failure to send is that request's outcome. */
static void pinger_send(struct pinger *pinger)
{
	const struct echo_protocol *echo = pinger->echo;
	struct io_buffer *iob;
	struct echo_header *hdr;
	int rc = -EUNIQ(ENOMEM, 1);

	pinger->seq++;
	pinger->awaiting = true;
	start_timer_fixed(&pinger->timer, pinger->timeout_us);
	iob = alloc_net_iob(sizeof(*hdr) + pinger->len);
	if (iob) {
		hdr = iob->data;
		echo_build(iob_put(iob, sizeof(*hdr) + pinger->len),
			   sizeof(*hdr) + pinger->len, echo->request,
			   pinger->ident, (uint16_t)pinger->seq, pinger->len);
		if (!echo->net_checksum)
			hdr->chksum = ~tcpip_chksum(0, iob->data, iob_len(iob));
		rc = tcpip_tx(iob, echo->tcpip, NULL, &pinger->dest, NULL,
			      echo->net_checksum ? &hdr->chksum : NULL);
	}
	if (rc) {
		pinger->awaiting = false;
		pinger_report(pinger, (struct sockaddr *)&pinger->dest, 0, rc);
	}
}

/* Either more requests, or the end. */
static void pinger_next(struct pinger *pinger)
{
	if (pinger->count && pinger->seq >= pinger->count)
		pinger_finish(pinger, pinger->received ? 0 : pinger->rc);
	else if (!pinger->awaiting && !pinger->timer.running)
		pinger_send(pinger);
}

static void pinger_expired(struct retry_timer *timer, bool fail __unused)
{
	struct pinger *pinger = container_of(timer, struct pinger, timer);

	if (pinger->awaiting) {
		pinger->awaiting = false;
		pinger_report(pinger, (struct sockaddr *)&pinger->dest, 0,
			      -EUNIQ(ETIMEDOUT, 2));
	}
	pinger_next(pinger);
}

int ping_rx(struct io_buffer *iob, const struct echo_protocol *echo,
	    const struct sockaddr_tcpip *st_src)
{
	struct pinger *pinger;
	uint16_t ident, seq;
	int len = echo_parse(iob->data, iob_len(iob), echo->reply, &ident,
			     &seq);

	free_iob(iob);
	if (len < 0)
		return len;
	list_for_each_entry(pinger, &pingers, list) {
		if (pinger->echo != echo || pinger->ident != ident)
			continue;
		if (!pinger->awaiting || seq != (uint16_t)pinger->seq ||
		    (size_t)len != pinger->len) {
			DBG("ping: late or altered reply seq %u ignored\n", seq);
			return 0;
		}
		pinger->awaiting = false;
		ref_get(&pinger->refcnt);
		pinger_report(pinger, (const struct sockaddr *)st_src,
			      (size_t)len, 0);
		/* The last reply ends the job at once. */
		if (pinger->count && pinger->seq >= pinger->count)
			pinger_next(pinger);
		ref_put(&pinger->refcnt);
		return 0;
	}
	return 0;
}

/* Cancelled (Ctrl-C): what was received decides the result. */
static void pinger_close(struct interface *intf, int rc)
{
	struct pinger *pinger = container_of(intf, struct pinger, job);

	pinger_finish(pinger, rc);
}

static const struct interface_operations pinger_job_operations = {
	.close = pinger_close,
};

static void pinger_free(struct refcnt *refcnt)
{
	free(container_of(refcnt, struct pinger, refcnt));
}

int start_pinger(struct interface *job, const struct sockaddr *dest,
		 uint64_t timeout_us, size_t len, unsigned count,
		 ping_callback callback, void *context)
{
	const struct echo_protocol *echo;
	struct pinger *pinger;

	for_each_table_entry(echo, echo_protocols) {
		if (echo->family == dest->sa_family)
			break;
	}
	if (echo == TABLE_END(echo_protocols))
		return -EUNIQ(ENOTSUP, 3);
	if (len > 0xffff - sizeof(struct echo_header) || !timeout_us)
		return -EUNIQ(EINVAL, 4);
	pinger = zalloc(sizeof(*pinger));
	if (!pinger)
		return -EUNIQ(ENOMEM, 5);
	ref_init(&pinger->refcnt, pinger_free);
	intf_init(&pinger->job, &pinger_job_operations, &pinger->refcnt);
	retry_init(&pinger->timer, pinger_expired, timeout_us, timeout_us);
	pinger->echo = echo;
	memcpy(&pinger->dest, dest, sizeof(pinger->dest));
	pinger->dest.st_port = 0;
	pinger->ident = (uint16_t)random_id();
	pinger->len = len;
	pinger->count = count;
	pinger->timeout_us = timeout_us;
	pinger->rc = -EUNIQ(ETIMEDOUT, 6);
	pinger->callback = callback;
	pinger->context = context;
	list_add(&pinger->list, &pingers);
	intf_plug_plug(&pinger->job, job);
	pinger_send(pinger);
	ref_put(&pinger->refcnt);
	return 0;
}
