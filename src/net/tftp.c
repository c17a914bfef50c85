/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * TFTP client (see net/tftp.h): a read request with options, then DATA
 * blocks acknowledged once per window. Blocks are counted in 64 bits, so
 * the 16-bit block number may wrap (65535 is followed by 0) on files of
 * any size.
 *
 * Loss costs about one round trip, not a fixed second: the retransmission
 * timeout comes from measured round trips (net/rtt_estimator.h; samples
 * from an ACK that ends a window, the request or the ACK of the OACK, to
 * the first block it brings; never from a retransmission), within
 * TFTP_RTO_MIN_US .. TFTP_RTO_MAX_US. A gap in a window (blocks ahead of
 * the one expected) makes us acknowledge the last block received in order
 * once, which restarts the server's window there (RFC 7440 section 4):
 * once TFTP_GAP_BLOCKS blocks ahead have arrived, or the window's last,
 * so that a block merely overtaken by its successor restarts nothing.
 * Blocks ahead are kept (up to TFTP_HELD_MAX) and delivered once the gap
 * closes, and duplicates of blocks behind are ignored: neither reordering
 * nor duplication makes the server send a window again. Silence makes us
 * repeat the last acknowledgement (or the request), each time after twice
 * the timeout, until TFTP_GIVE_UP_US without progress (15 negotiated
 * timeouts, with the timeout option) says the server is gone.
 *
 * Options come from the URI query (tftp://host/file?blksize=1024&
 * windowsize=4&timeout=2&tsize=0), else the settings "tftp-blksize" and
 * "tftp-windowsize", else the defaults below; 0 leaves an option out.
 *
 * A request is an object with two interfaces: the receiver of the file
 * (xfer) and a UDP socket to the server (opened by name: the lookup runs
 * asynchronously, and the request goes out when the socket's window
 * opens). Its close carries the result, preceded by the server's own
 * error text when there is one (intf_reason).
 */

#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <net/rtt_estimator.h>
#include <net/socket.h>
#include <net/tftp.h>
#include <wireboot/debug.h>
#include <wireboot/errfile.h>
#include <wireboot/features.h>
#include <wireboot/open.h>
#include <wireboot/retry.h>
#include <wireboot/settings.h>
#include <wireboot/timer.h>
#include <wireboot/xfer.h>

#define ERRFILE ERRFILE_tftp

FEATURE("tftp");
/* Nothing calls TFTP by name (it plugs into the URI openers): the
 * configuration pulls it in with REQUIRE_OBJECT(tftp). */
PROVIDE_OBJECT(tftp);

/* The largest block that fits a 1500-byte MTU with room for tunnels. */
#define TFTP_DEFAULT_REQUEST_BLKSIZE 1432
#define TFTP_DEFAULT_WINDOWSIZE 16
/* The first timeout, before any round trip is measured (RFC 6298's). */
#define TFTP_RTO_INITIAL_US 1000000U
/* Bounds of the timeout: above a busy host's scheduling delays, and below
 * what makes a lossy link crawl. */
#define TFTP_RTO_MIN_US 50000U
#define TFTP_RTO_MAX_US 2000000U
/* Silence (no block in order) this long ends the transfer. */
#define TFTP_GIVE_UP_US 15000000ULL
/* Blocks ahead of a gap that prove a loss rather than reordering. */
#define TFTP_GAP_BLOCKS 3
/* Blocks ahead of a gap kept for when it closes. */
#define TFTP_HELD_MAX 64
#define TFTP_RRQ_MAX 512
#define TFTP_ERROR_MSG_MAX 100

struct tftp_request {
	struct refcnt refcnt;
	struct interface xfer;		/* to the receiver */
	struct interface socket;	/* UDP to the server */
	struct retry_timer timer;
	struct sockaddr_tcpip server;	/* address and transfer port, once known */
	bool tid_known;
	bool rrq_sent;
	bool oack_seen;
	char *filename;
	struct tftp_options request;
	struct tftp_options options;	/* in force */
	uint64_t block;			/* blocks received in order */
	uint64_t acked;			/* the last block acknowledged */
	unsigned ahead;			/* blocks ahead of a gap since progress */
	bool reacked;			/* re-acknowledged since the last progress */
	bool finished;
	struct rtt_estimator rtt;
	uint64_t timed_us;		/* when the timed packet went out */
	bool timing;			/* its answer will be a round-trip sample */
	uint64_t progress_us;		/* the last sign of progress */
	/* Blocks ahead of the next expected (DATA header kept), at their
	 * block number modulo held_slots. */
	struct io_buffer **held;
	unsigned held_slots;
};

static void tftp_free_held(struct tftp_request *tftp)
{
	unsigned i;

	for (i = 0; i < tftp->held_slots; i++)
		free_iob(tftp->held[i]);
	free(tftp->held);
	tftp->held = NULL;
	tftp->held_slots = 0;
}

static void tftp_free(struct refcnt *refcnt)
{
	struct tftp_request *tftp = container_of(refcnt, struct tftp_request, refcnt);

	tftp_free_held(tftp);
	free(tftp->filename);
	free(tftp);
}

/* What goes out now is timed if fresh, and a retransmission cancels any
 * timing in progress (its answer would be ambiguous). */
static void tftp_time(struct tftp_request *tftp, bool fresh)
{
	tftp->timing = fresh;
	tftp->timed_us = monotonic_us();
}

/* The answer to the timed packet arrived. */
static void tftp_timed_answer(struct tftp_request *tftp)
{
	if (!tftp->timing)
		return;
	tftp->timing = false;
	rtt_sample(&tftp->rtt, monotonic_us() - tftp->timed_us);
	DBG2("TFTP %s: round trip %llu us, timeout %u us\n", tftp->filename,
	     (unsigned long long)(monotonic_us() - tftp->timed_us),
	     rtt_rto(&tftp->rtt));
}

/* To dest, or (NULL) to the address and port the socket was opened to. */
static int tftp_send(struct tftp_request *tftp, const void *data, size_t len,
		     const struct sockaddr_tcpip *dest)
{
	struct io_buffer *iob = xfer_alloc_iob(&tftp->socket, len);
	struct sockaddr_tcpip to;
	struct xfer_metadata meta = { 0 };

	if (!iob)
		return -EUNIQ(ENOMEM, 1);
	memcpy(iob_put(iob, len), data, len);
	if (dest) {
		to = *dest;
		meta.dest = (struct sockaddr *)&to;
	}
	return xfer_deliver(&tftp->socket, iob, &meta);
}

static int tftp_send_rrq(struct tftp_request *tftp)
{
	char rrq[TFTP_RRQ_MAX];
	int len = tftp_build_rrq(rrq, sizeof(rrq), tftp->filename, &tftp->request);

	if (len < 0)
		return len;
	tftp_time(tftp, !tftp->rrq_sent);
	tftp->rrq_sent = true;
	return tftp_send(tftp, rrq, (size_t)len, NULL);
}

/* Acknowledges the blocks received in order; timed says its answer (the
 * next block) measures a round trip. The server's next window starts
 * after it. */
static int tftp_send_ack(struct tftp_request *tftp, bool timed)
{
	uint8_t ack[4] = { 0, TFTP_ACK, (uint8_t)(tftp->block >> 8),
			   (uint8_t)tftp->block };

	tftp->acked = tftp->block;
	tftp_time(tftp, timed);
	return tftp_send(tftp, ack, sizeof(ack), &tftp->server);
}

static void tftp_send_error(struct tftp_request *tftp,
			    const struct sockaddr_tcpip *dest, unsigned code,
			    const char *message)
{
	uint8_t packet[4 + TFTP_ERROR_MSG_MAX] = { 0, TFTP_ERROR, 0, (uint8_t)code };
	size_t len = strnlen(message, TFTP_ERROR_MSG_MAX - 1);

	memcpy(&packet[4], message, len);
	tftp_send(tftp, packet, 4 + len + 1, dest);
}

/* Ends the transfer once: stops everything and tells the receiver. */
static void tftp_finish(struct tftp_request *tftp, int rc)
{
	if (tftp->finished)
		return;
	tftp->finished = true;
	DBG("TFTP %s: finished after %llu blocks: %s\n", tftp->filename,
	    (unsigned long long)tftp->block, strerror(rc));
	stop_timer(&tftp->timer);
	tftp_free_held(tftp);
	intf_shutdown(&tftp->socket, rc);
	intf_shutdown(&tftp->xfer, rc);
}

/* Aborts for a protocol violation, telling the server why. */
static void tftp_abort(struct tftp_request *tftp, unsigned code,
		       const char *message, int rc)
{
	DBG("TFTP %s: %s\n", tftp->filename, message);
	tftp_send_error(tftp, &tftp->server, code, message);
	tftp_finish(tftp, rc);
}

/* The wait for the next packet: the negotiated timeout if there is one,
 * else the estimate from round trips. */
static uint64_t tftp_timeout_us(struct tftp_request *tftp)
{
	return tftp->options.timeout ? tftp->options.timeout * 1000000ULL :
				       rtt_rto(&tftp->rtt);
}

/* The silence that ends the transfer: TFTP_GIVE_UP_US, or as many
 * negotiated timeouts as the back-off 1 + 2 + 4 + 8 waits. */
static uint64_t tftp_give_up_us(struct tftp_request *tftp)
{
	return tftp->options.timeout ? tftp->options.timeout * 15000000ULL :
				       TFTP_GIVE_UP_US;
}

/* Progress: the silence starts again. */
static void tftp_restart_timer(struct tftp_request *tftp)
{
	tftp->progress_us = monotonic_us();
	start_timer_fixed(&tftp->timer, tftp_timeout_us(tftp));
}

/* Room to keep the blocks of a window that arrive ahead of a gap (none:
 * only reordering costs more). */
static void tftp_hold_slots(struct tftp_request *tftp)
{
	unsigned slots = tftp->options.windowsize < TFTP_HELD_MAX ?
			 tftp->options.windowsize : TFTP_HELD_MAX;

	if (slots < 2)
		return;
	tftp->held = zalloc(slots * sizeof(tftp->held[0]));
	if (tftp->held)
		tftp->held_slots = slots;
}

static void tftp_rx_oack(struct tftp_request *tftp, const uint8_t *body,
			 size_t len)
{
	if (tftp->block > 0)
		return;		/* late duplicate */
	if (!tftp->oack_seen) {
		if (tftp_parse_oack(body, len, &tftp->request, &tftp->options)) {
			tftp_abort(tftp, TFTP_ERR_OPTIONS,
				   "Unacceptable options", -EUNIQ(EPROTO, 2));
			return;
		}
		tftp->oack_seen = true;
		DBG("TFTP %s: blksize %u windowsize %u timeout %u\n",
		    tftp->filename, tftp->options.blksize,
		    tftp->options.windowsize, tftp->options.timeout);
		if (tftp->options.tsize)
			xfer_size_hint(&tftp->xfer, tftp->options.tsize_value);
		tftp_hold_slots(tftp);
		tftp_send_ack(tftp, true);
	} else {
		/* Our ACK was lost (or the OACK repeated). */
		tftp_send_ack(tftp, false);
	}
	tftp_restart_timer(tftp);
}

/* Delivers the next block in order (its DATA header still on); true if
 * the transfer goes on, false if it ended or failed. */
static bool tftp_deliver_block(struct tftp_request *tftp, struct io_buffer *iob)
{
	struct xfer_metadata meta = { .flags = XFER_FL_ABS_OFFSET };
	bool last = iob_len(iob) - 4 < tftp->options.blksize;
	int rc;

	meta.offset = tftp->block * tftp->options.blksize;
	tftp->block++;
	iob_pull(iob, 4);
	rc = xfer_deliver(&tftp->xfer, iob, &meta);
	if (tftp->finished)
		return false;	/* the receiver closed us */
	if (rc) {
		tftp_abort(tftp, TFTP_ERR_UNDEFINED, "Receiver failed", rc);
		return false;
	}
	if (last) {
		tftp_send_ack(tftp, false);
		tftp_finish(tftp, 0);
		return false;
	}
	return true;
}

/* The held block that comes next, if any. */
static struct io_buffer *tftp_take_held(struct tftp_request *tftp)
{
	struct io_buffer *iob;
	uint64_t next = tftp->block + 1;
	unsigned slot;
	const uint8_t *hdr;

	if (!tftp->held_slots)
		return NULL;
	slot = (unsigned)(next % tftp->held_slots);
	iob = tftp->held[slot];
	if (!iob)
		return NULL;
	hdr = iob->data;
	if (((unsigned)hdr[2] << 8 | hdr[3]) != (next & 0xffff))
		return NULL;
	tftp->held[slot] = NULL;
	return iob;
}

/* A block ahead (by distance) of the one expected: a gap behind it. Kept
 * for later, and once the gap is proven a loss, acknowledged. */
static void tftp_rx_ahead(struct tftp_request *tftp, struct io_buffer *iob,
			  unsigned distance)
{
	uint64_t block = tftp->block + 1 + distance;
	uint64_t window_end = tftp->acked + tftp->options.windowsize;

	if (block > window_end) {
		/* Behind us (a duplicate or a late retransmission): nothing
		 * to do, and above all no restart. */
		DBG2("TFTP %s: block %llu again\n", tftp->filename,
		     (unsigned long long)block);
		free_iob(iob);
		return;
	}
	if (distance < tftp->held_slots) {
		unsigned slot = (unsigned)(block % tftp->held_slots);

		struct io_buffer *held = tftp->held[slot];

		if (held && memcmp(held->data, iob->data, 4) == 0) {
			free_iob(iob);	/* a duplicate of a block held */
			return;
		}
		free_iob(held);		/* (none, or one long passed) */
		tftp->held[slot] = iob;
	} else {
		free_iob(iob);
	}
	tftp->ahead++;
	if (!tftp->reacked &&
	    (tftp->ahead >= TFTP_GAP_BLOCKS || block == window_end)) {
		DBG2("TFTP %s: gap after block %llu\n", tftp->filename,
		     (unsigned long long)tftp->block);
		tftp->reacked = true;
		tftp_send_ack(tftp, false);
	}
}

static void tftp_rx_data(struct tftp_request *tftp, struct io_buffer *iob)
{
	const uint8_t *hdr = iob->data;
	unsigned number = (unsigned)hdr[2] << 8 | hdr[3];
	unsigned distance = (number - (unsigned)(tftp->block + 1)) & 0xffff;

	if (iob_len(iob) - 4 > tftp->options.blksize) {
		free_iob(iob);
		tftp_abort(tftp, TFTP_ERR_ILLEGAL_OP, "Block too large",
			   -EUNIQ(EPROTO, 3));
		return;
	}
	if (distance) {
		tftp_rx_ahead(tftp, iob, distance);
		return;
	}
	if (tftp->block == tftp->acked)
		tftp_timed_answer(tftp);
	do {
		if (!tftp_deliver_block(tftp, iob))
			return;
	} while ((iob = tftp_take_held(tftp)));
	tftp->ahead = 0;
	tftp->reacked = false;
	if (tftp->block >= tftp->acked + tftp->options.windowsize)
		tftp_send_ack(tftp, true);
	tftp_restart_timer(tftp);
}

static void tftp_rx_error(struct tftp_request *tftp, const uint8_t *body,
			  size_t len)
{
	char message[TFTP_ERROR_MSG_MAX];
	char reason[TFTP_ERROR_MSG_MAX + 32];
	unsigned code;

	if (tftp_parse_error(body, len, &code, message, sizeof(message)))
		return;
	/* The server's own words say more than any error number can. */
	snprintf(reason, sizeof(reason), "TFTP error %u: %s", code, message);
	intf_reason(&tftp->xfer, reason);
	tftp_finish(tftp, tftp_error_rc(code));
}

/* The server answers from a new port (its TID); anything from another
 * port afterwards is someone else's, and RFC 1350 says to tell them. (The
 * socket, opened to the server's address, lets nobody else's through.) */
static bool tftp_accept_source(struct tftp_request *tftp,
			       const struct sockaddr_tcpip *src)
{
	if (!src || !src->st_family || !tftp->rrq_sent)
		return false;
	if (!tftp->tid_known) {
		tftp->server = *src;
		tftp->tid_known = true;
		tftp_timed_answer(tftp);
		return true;
	}
	if (!sock_same_address(src, &tftp->server)) {
		DBG("TFTP %s: packet from a stranger dropped\n", tftp->filename);
		return false;
	}
	if (src->st_port != tftp->server.st_port) {
		DBG("TFTP %s: packet from another transfer port\n",
		    tftp->filename);
		tftp_send_error(tftp, src, TFTP_ERR_UNKNOWN_TID,
				"Unknown transfer ID");
		return false;
	}
	return true;
}

static int tftp_socket_deliver(struct interface *socket, struct io_buffer *iob,
			       struct xfer_metadata *meta)
{
	struct tftp_request *tftp = container_of(socket, struct tftp_request,
						 socket);
	const struct sockaddr_tcpip *src = (struct sockaddr_tcpip *)meta->src;
	const uint8_t *data = iob->data;
	size_t len = iob_len(iob);
	unsigned opcode;

	if (tftp->finished || len < 4 || !tftp_accept_source(tftp, src)) {
		free_iob(iob);
		return 0;
	}
	/* A receiver may close us while we deliver: stay alive until done. */
	ref_get(&tftp->refcnt);
	opcode = (unsigned)data[0] << 8 | data[1];
	switch (opcode) {
	case TFTP_DATA:
		tftp_rx_data(tftp, iob);
		iob = NULL;
		break;
	case TFTP_OACK:
		tftp_rx_oack(tftp, data + 2, len - 2);
		break;
	case TFTP_ERROR:
		tftp_rx_error(tftp, data + 2, len - 2);
		break;
	default:
		tftp_abort(tftp, TFTP_ERR_ILLEGAL_OP, "Unexpected opcode",
			   -EUNIQ(EPROTO, 4));
		break;
	}
	free_iob(iob);
	ref_put(&tftp->refcnt);
	return 0;
}

/* The socket opened (the server's name resolved): ask for the file. */
static void tftp_socket_window_changed(struct interface *socket)
{
	struct tftp_request *tftp = container_of(socket, struct tftp_request,
						 socket);
	int rc;

	if (tftp->rrq_sent || tftp->finished || !xfer_window(&tftp->socket))
		return;
	rc = tftp_send_rrq(tftp);
	if (rc) {
		tftp_finish(tftp, rc);
		return;
	}
	tftp_restart_timer(tftp);
	DBG("TFTP %s: requested\n", tftp->filename);
}

/* The socket failed (its name did not resolve, say). */
static void tftp_socket_close(struct interface *socket, int rc)
{
	tftp_finish(container_of(socket, struct tftp_request, socket),
		    rc ? rc : -EUNIQ(EPIPE, 5));
}

static const struct interface_operations tftp_socket_operations = {
	.deliver = tftp_socket_deliver,
	.window_changed = tftp_socket_window_changed,
	.close = tftp_socket_close,
};

/* The back-off is ours (the timer's own give-up would count intervals,
 * not the silence): twice the timeout each time, the last wait cut to end
 * at TFTP_GIVE_UP_US. */
static void tftp_expired(struct retry_timer *timer, bool fail __unused)
{
	struct tftp_request *tftp = container_of(timer, struct tftp_request, timer);
	uint64_t silent_us = monotonic_us() - tftp->progress_us;
	uint64_t wait_us;

	if (silent_us >= tftp_give_up_us(tftp)) {
		DBG("TFTP %s: server silent, giving up\n", tftp->filename);
		tftp_finish(tftp, tftp->tid_known ? -EUNIQ(ETIMEDOUT, 6) :
				  -EUNIQ(ETIMEDOUT, 7));	/* never answered */
		return;
	}
	DBG2("TFTP %s: silent for %llu us after block %llu\n", tftp->filename,
	     (unsigned long long)silent_us, (unsigned long long)tftp->block);
	/* Before the server's first answer the request itself was lost. */
	if (tftp->tid_known)
		tftp_send_ack(tftp, false);
	else
		tftp_send_rrq(tftp);
	if (tftp->options.timeout)
		wait_us = timer->timeout_us * 2;
	else
		wait_us = rtt_backoff(&tftp->rtt);
	if (wait_us > tftp_give_up_us(tftp) - silent_us)
		wait_us = tftp_give_up_us(tftp) - silent_us;
	start_timer_fixed(timer, wait_us);
}

/* The receiver closed its end: stop the server too. */
static void tftp_xfer_close(struct interface *xfer, int rc)
{
	struct tftp_request *tftp = container_of(xfer, struct tftp_request, xfer);

	if (tftp->finished)
		return;
	if (tftp->tid_known)
		tftp_send_error(tftp, &tftp->server, TFTP_ERR_UNDEFINED,
				"Transfer cancelled");
	tftp_finish(tftp, rc);
}

static const struct interface_operations tftp_xfer_operations = {
	.close = tftp_xfer_close,
};

/* An option's value: the URI query's "name=N", else the setting
 * "tftp-name", else the default. */
static unsigned tftp_option_value(const struct uri *uri, const char *name,
				  unsigned default_value)
{
	size_t name_len = strlen(name);
	const char *query = uri->query;
	char setting[32], value[16];

	while (query && *query) {
		if (strncmp(query, name, name_len) == 0 && query[name_len] == '=')
			return (unsigned)strtoul(query + name_len + 1, NULL, 10);
		query = strchr(query, '&');
		if (query)
			query++;
	}
	snprintf(setting, sizeof(setting), "tftp-%s", name);
	if (fetchf_setting(setting, value, sizeof(value)) > 0)
		return (unsigned)strtoul(value, NULL, 0);
	return default_value;
}

static int tftp_read_options(const struct uri *uri, struct tftp_options *request)
{
	request->blksize = tftp_option_value(uri, "blksize",
					     TFTP_DEFAULT_REQUEST_BLKSIZE);
	request->windowsize = tftp_option_value(uri, "windowsize",
						TFTP_DEFAULT_WINDOWSIZE);
	request->timeout = tftp_option_value(uri, "timeout", 0);
	request->tsize = tftp_option_value(uri, "tsize", 1) != 0;
	if ((request->blksize && (request->blksize < TFTP_MIN_BLKSIZE ||
				  request->blksize > TFTP_MAX_BLKSIZE)) ||
	    request->windowsize > TFTP_MAX_WINDOWSIZE ||
	    request->timeout > TFTP_MAX_TIMEOUT)
		return -EUNIQ(EINVAL, 12);
	return 0;
}

static int tftp_open(struct interface *receiver, struct uri *uri)
{
	struct tftp_request *tftp;
	const char *path = uri->path;
	int rc;

	if (!uri->host || !uri->host[0] || !path || !path[0])
		return -EUNIQ(EINVAL, 8);
	/* "tftp://server/file" names "file"; "//file" keeps the slash. */
	if (path[0] == '/')
		path++;
	if (!path[0])
		return -EUNIQ(EINVAL, 9);

	tftp = zalloc(sizeof(*tftp));
	if (!tftp)
		return -EUNIQ(ENOMEM, 10);
	ref_init(&tftp->refcnt, tftp_free);
	intf_init(&tftp->xfer, &tftp_xfer_operations, &tftp->refcnt);
	intf_init(&tftp->socket, &tftp_socket_operations, &tftp->refcnt);
	/* (Its bounds unused: tftp_expired() backs off.) */
	retry_init(&tftp->timer, tftp_expired, 0, 0);
	rtt_init(&tftp->rtt, TFTP_RTO_INITIAL_US, TFTP_RTO_MIN_US,
		 TFTP_RTO_MAX_US);
	tftp->filename = strdup(path);
	rc = tftp->filename ? tftp_read_options(uri, &tftp->request) :
			      -EUNIQ(ENOMEM, 11);
	if (rc)
		goto out;
	tftp->options.blksize = TFTP_DEFAULT_BLKSIZE;
	tftp->options.windowsize = 1;
	rc = xfer_open_named_socket(&tftp->socket, SOCK_DGRAM, uri->host,
				    uri_port(uri, TFTP_PORT), NULL);
	if (rc)
		goto out;
	intf_plug_plug(&tftp->xfer, receiver);
	DBG("TFTP %s: opening %s\n", tftp->filename, uri->host);
out:
	ref_put(&tftp->refcnt);
	return rc;
}

URI_OPENER(tftp_uri_opener) = {
	.scheme = "tftp",
	.open = tftp_open,
};
