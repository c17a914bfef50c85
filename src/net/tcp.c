/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * TCP client connections (RFC 9293; see net/tcp.h for the interface).
 *
 * A connection is one object: its xfer interface to the owner, its place
 * in the list of connections (which holds the reference it was created
 * with), four retry timers (retransmission, delayed ACK, zero-window
 * persist, and TIME-WAIT / FIN-WAIT-2 lifetime) and three queues of I/O
 * buffers:
 *
 * - tx: bytes the owner delivered, from SND.UNA on, kept until
 *   acknowledged; segments copy out of it, so retransmission needs nothing
 *   more. Requests are small; this is not the path that must be fast.
 * - held: received bytes in order that the owner's window did not take
 *   yet. They count against the receive buffer, so the advertised window
 *   shrinks, and go up when the owner calls window_changed().
 * - ooo: received segments beyond a hole, sorted, without overlaps, each
 *   tagged with its sequence number in its spent headroom (where its
 *   headers were). Their span lies inside the advertised window, which is
 *   what bounds their memory, with a cap on their number against tiny
 *   segments. SACK blocks (RFC 2018) describe them: a few kept in the
 *   order they were last reported, the latest arrival's first, so that
 *   every block goes out in several ACKs (one lost ACK loses nothing);
 *   bytes that arrive twice are reported once as a D-SACK block (RFC
 *   2883), which lets the sender undo what a needless retransmission or a
 *   duplicate on the way made it do.
 *
 * The receive path is the fast one: a segment in order, with the owner
 * ready, is checked, parsed and delivered up in its own buffer (no copy);
 * an ACK goes out for every second segment (or after TCP_DELACK_US), at
 * once for anything out of order. Window scaling and timestamps (RFC 7323)
 * are offered in the SYN; the receive window is sized from the buffer.
 *
 * What we send is retransmitted on timeout (RFC 6298, net/rtt_estimator.h;
 * the floor is 200 ms, as most stacks have it, not the RFC's 1 s) and,
 * after three duplicate ACKs, by fast retransmit with NewReno recovery
 * (RFC 5681, 6582). Segments are checked as RFC 5961 asks: a RST or SYN
 * that is not exactly where we expect only earns a challenge ACK, an ACK
 * of what was never sent is answered and dropped, at most ten such
 * answers a second.
 *
 * Ending never holds up a boot: the owner is told as soon as the peer's
 * FIN and all data are delivered (or the owner closes first); what
 * remains (our FIN, LAST-ACK, TIME-WAIT) runs without it, bounded in time.
 *
 * Simultaneous open (a SYN without ACK answering ours) is not supported:
 * such a SYN is ignored and the connection keeps retrying its own.
 */

#include <errno.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <net/tcp.h>
#include <net/tcp_packet.h>
#include <net/rtt_estimator.h>
#include <net/tcpip.h>
#include <wireboot/byteorder.h>
#include <wireboot/debug.h>
#include <wireboot/errfile.h>
#include <wireboot/features.h>
#include <wireboot/list.h>
#include <wireboot/random.h>
#include <wireboot/random_id.h>
#include <wireboot/retry.h>
#include <wireboot/settings.h>
#include <wireboot/timer.h>
#include <wireboot/xfer.h>

PROVIDE_OBJECT(tcp);
FEATURE("tcp");

#define ERRFILE ERRFILE_tcp

/* The dynamic port range of RFC 6335. */
#define TCP_EPHEMERAL_MIN 49152U
#define TCP_EPHEMERAL_COUNT 16384U

/* RFC 9293's default when the peer names none (IPv4's 576 less headers). */
#define TCP_DEFAULT_MSS 536U
/* What the owner may queue unacknowledged. */
#define TCP_SNDBUF (64U << 10)
#define TCP_DELACK_US 40000U
/* The longest a SACK that only grows the first block waits: a small
 * share of a round trip (a LAN's or a slow link's alike). */
#define TCP_SACK_DELAY_US 1000U
/* SYNs after the first: timeouts 1+2+4+8 s, the last wait 16 s. */
#define TCP_SYN_RETRIES 3U
#define TCP_DATA_RETRIES 8U
#define TCP_TIME_WAIT_US 2000000U
#define TCP_FIN_WAIT_2_US 10000000U
#define TCP_PERSIST_MAX_US 60000000U
/* The least MSS we take from a peer: a smaller one (even 0) would be
 * absurd, and leaves no room for data beside the options. */
#define TCP_MIN_MSS 64U
/* Challenge ACKs per second at most (RFC 5961 section 7). */
#define TCP_CHALLENGES_PER_S 10U
/* Retransmission timeouts (RFC 6298's first one, a LAN's floor). */
#define TCP_RTO_INITIAL_US 1000000U
#define TCP_RTO_MIN_US 200000U
#define TCP_RTO_MAX_US 60000000U
/* Initial window (RFC 6928). */
#define TCP_INIT_SEGS 10U

enum tcp_state {
	TCP_CLOSED,
	TCP_SYN_SENT,
	TCP_ESTABLISHED,
	TCP_FIN_WAIT_1,
	TCP_FIN_WAIT_2,
	TCP_CLOSING,
	TCP_TIME_WAIT,
	TCP_CLOSE_WAIT,
	TCP_LAST_ACK,
};

struct tcp_conn {
	struct refcnt refcnt;
	struct list_head list;
	struct interface xfer;
	struct sockaddr_tcpip local;
	struct sockaddr_tcpip peer;
	enum tcp_state state;

	/* Send side. */
	uint32_t iss, snd_una, snd_nxt, snd_max;
	uint32_t snd_wnd, max_snd_wnd, snd_wl1, snd_wl2;
	uint8_t snd_wscale;
	size_t mss;			/* data bytes per segment we send */
	struct list_head tx;
	size_t tx_len;
	bool fin_wanted;		/* the owner has closed */
	uint32_t cwnd, ssthresh, recover;
	unsigned dupacks;
	bool in_recovery;
	unsigned retries;
	/* Karn's timing of one segment, without timestamps. */
	bool timing;
	uint32_t timed_seq;
	uint64_t timed_us;
	struct rtt_estimator rtt;

	/* Receive side. */
	uint32_t irs, rcv_nxt, rcv_adv, last_ack_sent;
	uint8_t rcv_wscale;
	size_t rcv_mss;			/* what we announced */
	size_t rcvbuf;
	struct list_head held;
	size_t held_len;
	struct list_head ooo;
	unsigned ooo_count, ooo_max;
	/* SACK blocks in the order they go out (see sack_note()). */
	struct tcp_sack_block sacks[TCP_MAX_SACK];
	unsigned sack_count;
	struct tcp_sack_block dsack;	/* a duplicate for the next ACK */
	bool dsack_pending;
	bool fin_seen, fin_received;
	uint32_t fin_seq;
	unsigned segs_unacked;

	/* Options agreed in the handshake. */
	bool ts_ok, sack_ok;
	uint32_t ts_offset, ts_recent;

	/* Challenge ACKs sent in the second that began at challenge_us. */
	uint64_t challenge_us;
	unsigned challenges;

	struct retry_timer rto_timer;
	struct retry_timer delack_timer;
	struct retry_timer persist_timer;
	struct retry_timer wait_timer;	/* TIME-WAIT, FIN-WAIT-2 */
};

static LIST_HEAD(tcp_conns);

extern const struct tcpip_protocol tcp_protocol;

static void tcp_output(struct tcp_conn *conn);
static void tcp_deliver_held(struct tcp_conn *conn);

/* ---- buffers and queues --------------------------------------------------- */

static void free_queue(struct list_head *queue)
{
	struct io_buffer *iob, *next;

	list_for_each_entry_safe(iob, next, queue, list) {
		list_del(&iob->list);
		free_iob(iob);
	}
}

/* The sequence number of a segment on the ooo queue, kept in its
 * headroom (at least the TCP header it arrived with). */
static uint32_t *ooo_tag(struct io_buffer *iob)
{
	return (uint32_t *)iob->head;
}

static uint32_t ooo_seq(struct io_buffer *iob)
{
	return *ooo_tag(iob);
}

static uint32_t timestamp_now(const struct tcp_conn *conn)
{
	return (uint32_t)(monotonic_us() / 1000) + conn->ts_offset;
}

/* ---- windows -------------------------------------------------------------- */

/* What the receive buffer still has room for. */
static uint32_t rcv_space(const struct tcp_conn *conn)
{
	return conn->rcvbuf > conn->held_len ?
	       (uint32_t)(conn->rcvbuf - conn->held_len) : 0;
}

/* What we last offered beyond RCV.NXT. */
static uint32_t rcv_offered(const struct tcp_conn *conn)
{
	return seq_gt(conn->rcv_adv, conn->rcv_nxt) ?
	       conn->rcv_adv - conn->rcv_nxt : 0;
}

/* The 16-bit window field. The right edge it offers is recorded, and
 * never taken back: data up to the furthest edge offered is accepted even
 * when rounding to the scale makes a later field say a little less (RFC
 * 7323 2.4). */
static uint16_t rcv_window_field(struct tcp_conn *conn, bool syn)
{
	uint32_t space = rcv_space(conn), field, edge;

	if (syn)
		return space > 0xffff ? 0xffff : (uint16_t)space;
	field = space >> conn->rcv_wscale;
	if (field > 0xffff)
		field = 0xffff;
	edge = conn->rcv_nxt + (field << conn->rcv_wscale);
	if (seq_gt(edge, conn->rcv_adv))
		conn->rcv_adv = edge;
	return (uint16_t)field;
}

/* ---- sending segments ----------------------------------------------------- */

static struct io_buffer *alloc_segment(size_t len)
{
	struct io_buffer *iob = alloc_iob(TCPIP_HEADROOM + TCP_MAX_HLEN + len +
					  IOB_NET_MIN_FRAME);

	if (iob)
		iob_reserve(iob, TCPIP_HEADROOM + TCP_MAX_HLEN);
	return iob;
}

/* Pushes header and options onto iob (whose data is the payload) and sends
 * it from local to peer. */
static int tcp_tx(struct io_buffer *iob, const struct sockaddr_tcpip *local,
		  const struct sockaddr_tcpip *peer, struct net_device *netdev,
		  uint32_t seq, uint32_t ack, uint8_t flags, uint16_t window,
		  const struct tcp_options *opts)
{
	size_t optlen = opts ? tcp_options_len(opts) : 0;
	struct tcp_header *tcp;

	if (optlen)
		tcp_build_options(iob_push(iob, optlen), opts);
	tcp = iob_push(iob, sizeof(*tcp));
	tcp->src = local->st_port;
	tcp->dest = peer->st_port;
	tcp->seq = htonl(seq);
	tcp->ack = htonl(ack);
	tcp->hlen = (uint8_t)(((sizeof(*tcp) + optlen) / 4) << 4);
	tcp->flags = flags;
	tcp->window = htons(window);
	tcp->chksum = 0;
	tcp->urgent = 0;
	return tcpip_tx(iob, &tcp_protocol, local->st_family ? local : NULL,
			peer, netdev, &tcp->chksum);
}

/* ---- SACK blocks ------------------------------------------------------------ */

/* Two blocks overlap or touch. */
static bool sack_touch(const struct tcp_sack_block *x,
		       const struct tcp_sack_block *y)
{
	return seq_le(x->left, y->right) && seq_le(y->left, x->right);
}

/* The block of newly held bytes [left, right) goes first (RFC 2018 4),
 * absorbing those it overlaps or touches; the others keep their order of
 * last report, and the oldest beyond TCP_MAX_SACK is forgotten (the peer
 * has had it at least as many times as blocks fit in an option). A block
 * may describe less than a run on the ooo queue (when it joins a
 * forgotten one), never more: what it names is held. */
static void sack_note(struct tcp_conn *conn, uint32_t left, uint32_t right)
{
	struct tcp_sack_block block = { left, right };
	struct tcp_sack_block kept[TCP_MAX_SACK];
	unsigned i, count = 0;

	for (i = 0; i < conn->sack_count; i++) {
		const struct tcp_sack_block *old = &conn->sacks[i];

		if (sack_touch(old, &block)) {
			if (seq_lt(old->left, block.left))
				block.left = old->left;
			if (seq_gt(old->right, block.right))
				block.right = old->right;
		} else if (count < TCP_MAX_SACK - 1) {
			kept[count++] = *old;
		}
	}
	conn->sacks[0] = block;
	memcpy(&conn->sacks[1], kept, count * sizeof(kept[0]));
	conn->sack_count = count + 1;
}

/* Blocks RCV.NXT has passed are no longer selective. */
static void sack_trim(struct tcp_conn *conn)
{
	unsigned i, count = 0;

	for (i = 0; i < conn->sack_count; i++) {
		struct tcp_sack_block block = conn->sacks[i];

		if (seq_le(block.right, conn->rcv_nxt))
			continue;
		if (seq_lt(block.left, conn->rcv_nxt))
			block.left = conn->rcv_nxt;
		conn->sacks[count++] = block;
	}
	conn->sack_count = count;
}

/* Bytes [left, right) arrived again: the next ACK says so in a D-SACK
 * block (RFC 2883), so that the peer can tell a needless retransmission
 * (or a duplicate on the way) from a loss and undo what it did about it.
 * Duplicates above RCV.NXT move their block second, as section 4 asks. */
static void dsack_note(struct tcp_conn *conn, uint32_t left, uint32_t right)
{
	if (!conn->sack_ok)
		return;
	conn->dsack.left = left;
	conn->dsack.right = right;
	conn->dsack_pending = true;
	if (seq_ge(left, conn->rcv_nxt))
		sack_note(conn, left, right);
}

/* The SACK option of an ACK: a pending D-SACK block, then the blocks in
 * their order (tcp_build_options keeps as many as fit). */
static void sack_blocks(struct tcp_conn *conn, struct tcp_options *opts)
{
	unsigned count = 0, i;

	if (conn->dsack_pending)
		opts->sack[count++] = conn->dsack;
	for (i = 0; i < conn->sack_count && count < TCP_MAX_SACK; i++)
		opts->sack[count++] = conn->sacks[i];
	opts->sack_count = count;
	if (count)
		opts->present |= TCP_HAVE_SACK;
}

/* Sends one segment of the connection: iob holds its payload (may be
 * empty). Every segment but the first SYN carries an ACK. */
static int tcp_send(struct tcp_conn *conn, struct io_buffer *iob,
		    uint32_t seq, uint8_t flags)
{
	struct tcp_options opts = { 0 };
	bool syn = flags & TCP_SYN;

	if (syn) {
		opts.present = TCP_HAVE_MSS | TCP_HAVE_WSCALE |
			       TCP_HAVE_SACK_OK | TCP_HAVE_TS;
		opts.mss = (uint16_t)conn->rcv_mss;
		opts.wscale = conn->rcv_wscale;
		opts.tsval = timestamp_now(conn);
	} else {
		if (conn->ts_ok) {
			opts.present |= TCP_HAVE_TS;
			opts.tsval = timestamp_now(conn);
			opts.tsecr = conn->ts_recent;
		}
		if (conn->sack_ok)
			sack_blocks(conn, &opts);
	}
	if (flags & TCP_ACK) {
		conn->dsack_pending = false;
		conn->last_ack_sent = conn->rcv_nxt;
		conn->segs_unacked = 0;
		stop_timer(&conn->delack_timer);
	}
	return tcp_tx(iob, &conn->local, &conn->peer, NULL, seq,
		      (flags & TCP_ACK) ? conn->rcv_nxt : 0, flags,
		      rcv_window_field(conn, syn), &opts);
}

static void tcp_send_ack_at(struct tcp_conn *conn, uint32_t seq)
{
	struct io_buffer *iob = alloc_segment(0);

	if (iob)
		tcp_send(conn, iob, seq, TCP_ACK);
}

static void tcp_send_ack(struct tcp_conn *conn)
{
	tcp_send_ack_at(conn, conn->snd_nxt);
}

/* The answer to a RST or SYN that may be forged, or an ACK of what was
 * never sent: an ACK, but only so many a second, so that a flood of them
 * is not a flood of ours. */
static void tcp_challenge_ack(struct tcp_conn *conn)
{
	uint64_t now = monotonic_us();

	if (now - conn->challenge_us >= 1000000) {
		conn->challenge_us = now;
		conn->challenges = 0;
	}
	if (conn->challenges++ < TCP_CHALLENGES_PER_S)
		tcp_send_ack(conn);
}

/* Sends len bytes of the tx queue from offset (bytes after SND.UNA), with
 * a FIN after them if fin. */
static void tcp_send_data(struct tcp_conn *conn, uint32_t seq, size_t offset,
			  size_t len, bool fin)
{
	struct io_buffer *iob = alloc_segment(len), *part;
	size_t copied = 0;

	if (!iob)
		return;
	list_for_each_entry(part, &conn->tx, list) {
		size_t part_len = iob_len(part), take;

		if (copied == len)
			break;
		if (offset >= part_len) {
			offset -= part_len;
			continue;
		}
		take = part_len - offset;
		if (take > len - copied)
			take = len - copied;
		memcpy(iob_put(iob, take), (uint8_t *)part->data + offset, take);
		copied += take;
		offset = 0;
	}
	tcp_send(conn, iob, seq, TCP_ACK | (len ? TCP_PSH : 0) |
		 (fin ? TCP_FIN : 0));
}

/* An answer to a segment no connection wants (RFC 9293 3.10.7.1). */
static void tcp_send_reset(const struct tcp_segment *seg,
			   const struct sockaddr_tcpip *local,
			   const struct sockaddr_tcpip *peer,
			   struct net_device *netdev)
{
	struct io_buffer *iob;
	uint32_t seglen;

	if (seg->flags & TCP_RST)
		return;
	iob = alloc_segment(0);
	if (!iob)
		return;
	if (seg->flags & TCP_ACK) {
		tcp_tx(iob, local, peer, netdev, seg->ack, 0, TCP_RST, 0, NULL);
		return;
	}
	seglen = (uint32_t)seg->data_len + !!(seg->flags & TCP_SYN) +
		 !!(seg->flags & TCP_FIN);
	tcp_tx(iob, local, peer, netdev, 0, seg->seq + seglen,
	       TCP_RST | TCP_ACK, 0, NULL);
}

/* ---- the end of a connection ---------------------------------------------- */

static void tcp_destroy(struct tcp_conn *conn, int rc)
{
	if (conn->state == TCP_CLOSED && list_empty(&conn->list))
		return;
	DBG("TCP %p: closed (%d)\n", conn, rc);
	conn->state = TCP_CLOSED;
	stop_timer(&conn->rto_timer);
	stop_timer(&conn->delack_timer);
	stop_timer(&conn->persist_timer);
	stop_timer(&conn->wait_timer);
	free_queue(&conn->tx);
	free_queue(&conn->held);
	free_queue(&conn->ooo);
	conn->tx_len = conn->held_len = 0;
	conn->ooo_count = 0;
	conn->sack_count = 0;
	intf_shutdown(&conn->xfer, rc);
	if (!list_empty(&conn->list)) {
		list_del(&conn->list);
		INIT_LIST_HEAD(&conn->list);
		ref_put(&conn->refcnt);
	}
}

/* Ends at once with a RST to the peer (when it knows of us). */
static void tcp_abort(struct tcp_conn *conn, int rc)
{
	struct io_buffer *iob;

	if (conn->state != TCP_SYN_SENT && conn->state != TCP_CLOSED &&
	    (iob = alloc_segment(0)))
		tcp_send(conn, iob, conn->snd_nxt, TCP_RST | TCP_ACK);
	tcp_destroy(conn, rc);
}

static void tcp_enter_time_wait(struct tcp_conn *conn)
{
	conn->state = TCP_TIME_WAIT;
	stop_timer(&conn->rto_timer);
	stop_timer(&conn->persist_timer);
	start_timer_fixed(&conn->wait_timer, TCP_TIME_WAIT_US);
}

/* The peer's FIN and all its data are delivered: the owner is done. */
static void tcp_check_eof(struct tcp_conn *conn)
{
	if (!conn->fin_received || !list_empty(&conn->held) ||
	    !intf_is_plugged(&conn->xfer))
		return;
	intf_shutdown(&conn->xfer, 0);
	conn->fin_wanted = true;
	tcp_output(conn);
}

/* ---- timers ----------------------------------------------------------------- */

static void tcp_start_rto(struct tcp_conn *conn)
{
	start_timer_fixed(&conn->rto_timer, rtt_rto(&conn->rtt));
}

static void tcp_send_syn(struct tcp_conn *conn)
{
	struct io_buffer *iob = alloc_segment(0);

	if (iob)
		tcp_send(conn, iob, conn->iss, TCP_SYN);
	tcp_start_rto(conn);
}

static void tcp_rto_expired(struct retry_timer *timer, bool fail)
{
	struct tcp_conn *conn = container_of(timer, struct tcp_conn, rto_timer);
	unsigned limit = conn->state == TCP_SYN_SENT ? TCP_SYN_RETRIES :
			 TCP_DATA_RETRIES;
	uint32_t flight = conn->snd_max - conn->snd_una;

	(void)fail;
	if (conn->retries++ >= limit) {
		DBG("TCP %p: no answer, giving up\n", conn);
		tcp_destroy(conn, -EUNIQ(ETIMEDOUT, 1));
		return;
	}
	rtt_backoff(&conn->rtt);
	conn->timing = false;
	if (conn->state == TCP_SYN_SENT) {
		tcp_send_syn(conn);
		return;
	}
	/* RFC 5681 3.1: back to one segment, and resend from SND.UNA. */
	conn->ssthresh = flight / 2 > 2 * conn->mss ? flight / 2 :
			 (uint32_t)(2 * conn->mss);
	conn->cwnd = (uint32_t)conn->mss;
	conn->in_recovery = false;
	conn->dupacks = 0;
	conn->snd_nxt = conn->snd_una;
	tcp_output(conn);
	if (!conn->rto_timer.running && conn->snd_max != conn->snd_una)
		tcp_start_rto(conn);
}

static void tcp_delack_expired(struct retry_timer *timer, bool fail)
{
	(void)fail;
	tcp_send_ack(container_of(timer, struct tcp_conn, delack_timer));
}

/* A zero window: probe with an old sequence number, which any receiver
 * answers with an ACK that shows its window. */
static void tcp_persist_expired(struct retry_timer *timer, bool fail)
{
	struct tcp_conn *conn = container_of(timer, struct tcp_conn,
					     persist_timer);

	/* Forever only for an owner waiting to send: without one (our FIN
	 * behind the data) a peer that never opens is given up on. */
	if (!intf_is_plugged(&conn->xfer) &&
	    conn->retries++ >= TCP_DATA_RETRIES) {
		tcp_destroy(conn, -EUNIQ(ETIMEDOUT, 14));
		return;
	}
	tcp_send_ack_at(conn, conn->snd_una - 1);
	if (fail)
		start_timer_fixed(timer, TCP_PERSIST_MAX_US);
	else
		start_timer(timer);
}

static void tcp_wait_expired(struct retry_timer *timer, bool fail)
{
	(void)fail;
	tcp_destroy(container_of(timer, struct tcp_conn, wait_timer), 0);
}

/* ---- output ------------------------------------------------------------------ */

static bool can_send(const struct tcp_conn *conn)
{
	switch (conn->state) {
	case TCP_ESTABLISHED:
	case TCP_CLOSE_WAIT:
	case TCP_FIN_WAIT_1:
	case TCP_CLOSING:
	case TCP_LAST_ACK:
		return true;
	default:
		return false;
	}
}

/* Sends what the windows allow of the tx queue, and our FIN after it once
 * the owner has closed. */
static void tcp_output(struct tcp_conn *conn)
{
	uint32_t sent;

	if (!can_send(conn))
		return;
	for (;;) {
		uint32_t wnd = conn->snd_wnd < conn->cwnd ? conn->snd_wnd :
			       conn->cwnd;
		size_t unsent, room, len;
		bool fin;

		sent = conn->snd_nxt - conn->snd_una;
		if (sent > conn->tx_len)
			break;		/* our FIN is out */
		unsent = conn->tx_len - sent;
		room = wnd > sent ? wnd - sent : 0;
		len = unsent < room ? unsent : room;
		if (len > conn->mss)
			len = conn->mss;
		fin = conn->fin_wanted && len == unsent;
		if (!len && !fin)
			break;
		tcp_send_data(conn, conn->snd_nxt, sent, len, fin);
		if (!conn->timing && !conn->ts_ok &&
		    conn->snd_nxt == conn->snd_max) {
			conn->timing = true;
			conn->timed_seq = conn->snd_nxt;
			conn->timed_us = monotonic_us();
		}
		conn->snd_nxt += (uint32_t)len + fin;
		conn->snd_max = seq_max(conn->snd_max, conn->snd_nxt);
		if (!conn->rto_timer.running)
			tcp_start_rto(conn);
		if (fin) {
			if (conn->state == TCP_ESTABLISHED)
				conn->state = TCP_FIN_WAIT_1;
			else if (conn->state == TCP_CLOSE_WAIT)
				conn->state = TCP_LAST_ACK;
			break;
		}
	}
	sent = conn->snd_nxt - conn->snd_una;
	if (!conn->snd_wnd && sent == 0 && conn->tx_len &&
	    !conn->persist_timer.running) {
		conn->persist_timer.min_us = rtt_rto(&conn->rtt);
		start_timer(&conn->persist_timer);
	}
}

/* Resends the first unacknowledged segment (fast retransmit). */
static void tcp_retransmit_first(struct tcp_conn *conn)
{
	size_t len = conn->tx_len < conn->mss ? conn->tx_len : conn->mss;
	bool fin = conn->snd_max - conn->snd_una > conn->tx_len &&
		   len == conn->tx_len;

	conn->timing = false;
	tcp_send_data(conn, conn->snd_una, 0, len, fin);
}

/* ---- the owner's side -------------------------------------------------------- */

static size_t tcp_xfer_window(struct interface *xfer)
{
	struct tcp_conn *conn = container_of(xfer, struct tcp_conn, xfer);

	if ((conn->state != TCP_ESTABLISHED &&
	     conn->state != TCP_CLOSE_WAIT) || conn->fin_wanted)
		return 0;
	return conn->tx_len < TCP_SNDBUF ? TCP_SNDBUF - conn->tx_len : 0;
}

static int tcp_xfer_deliver(struct interface *xfer, struct io_buffer *iob,
			    struct xfer_metadata *meta)
{
	struct tcp_conn *conn = container_of(xfer, struct tcp_conn, xfer);

	(void)meta;
	if (!tcp_xfer_window(xfer)) {
		free_iob(iob);
		return -EUNIQ(ENOTCONN, 2);
	}
	if (!iob_len(iob)) {
		free_iob(iob);
		return 0;
	}
	conn->tx_len += iob_len(iob);
	list_add_tail(&iob->list, &conn->tx);
	tcp_output(conn);
	return 0;
}

static void tcp_xfer_window_changed(struct interface *xfer)
{
	struct tcp_conn *conn = container_of(xfer, struct tcp_conn, xfer);
	uint32_t offered, space, threshold;

	ref_get(&conn->refcnt);
	tcp_deliver_held(conn);
	if (conn->state != TCP_CLOSED) {
		/* A window update once it opens by enough to be worth a
		 * segment (receiver-side silly window avoidance). */
		offered = rcv_offered(conn);
		space = rcv_space(conn);
		threshold = conn->rcvbuf / 2 < conn->rcv_mss ?
			    (uint32_t)(conn->rcvbuf / 2) :
			    (uint32_t)conn->rcv_mss;
		if (space > offered && space - offered >= threshold)
			tcp_send_ack(conn);
	}
	ref_put(&conn->refcnt);
}

static void tcp_xfer_close(struct interface *xfer, int rc)
{
	struct tcp_conn *conn = container_of(xfer, struct tcp_conn, xfer);
	bool unread = conn->held_len || !list_empty(&conn->ooo);

	ref_get(&conn->refcnt);
	intf_shutdown(&conn->xfer, rc);
	if (rc || unread || conn->state == TCP_SYN_SENT) {
		/* RFC 9293 3.6: data the owner will never read resets. */
		tcp_abort(conn, rc);
	} else if (!conn->fin_wanted) {
		conn->fin_wanted = true;
		tcp_output(conn);
	}
	ref_put(&conn->refcnt);
}

static const struct interface_operations tcp_xfer_operations = {
	.deliver = tcp_xfer_deliver,
	.window = tcp_xfer_window,
	.window_changed = tcp_xfer_window_changed,
	.close = tcp_xfer_close,
};

/* ---- receiving data ---------------------------------------------------------- */

/* Received bytes in order go up while the owner takes them. */
static void tcp_deliver_held(struct tcp_conn *conn)
{
	while (!list_empty(&conn->held) && intf_is_plugged(&conn->xfer)) {
		struct io_buffer *iob = list_first_entry(&conn->held,
							 struct io_buffer, list);
		size_t window = xfer_window(&conn->xfer);
		size_t len = iob_len(iob);
		struct io_buffer *part = iob;

		if (!window)
			break;
		if (len > window) {
			part = alloc_iob(window);
			if (!part)
				break;
			memcpy(iob_put(part, window), iob->data, window);
			iob_pull(iob, window);
			len = window;
		} else {
			list_del(&iob->list);
		}
		conn->held_len -= len;
		xfer_deliver(&conn->xfer, part, NULL);
		if (conn->state == TCP_CLOSED)
			return;
	}
	tcp_check_eof(conn);
}

/* Bytes at RCV.NXT (already counted there): up at once if the owner takes
 * them, else held. */
static void tcp_queue_in_order(struct tcp_conn *conn, struct io_buffer *iob)
{
	size_t len = iob_len(iob);

	if (!intf_is_plugged(&conn->xfer)) {
		free_iob(iob);
		return;
	}
	if (list_empty(&conn->held) && xfer_window(&conn->xfer) >= len) {
		xfer_deliver(&conn->xfer, iob, NULL);
		return;
	}
	list_add_tail(&iob->list, &conn->held);
	conn->held_len += len;
	tcp_deliver_held(conn);
}

/* Out-of-order data: kept sorted and without overlaps. */
static void tcp_ooo_insert(struct tcp_conn *conn, uint32_t seq,
			   struct io_buffer *iob)
{
	uint32_t end = seq + (uint32_t)iob_len(iob);
	struct io_buffer *prev = NULL, *tmp;
	struct list_head *pos, *cur;

	if (conn->ooo_count >= conn->ooo_max ||
	    iob_headroom(iob) < sizeof(uint32_t)) {
		free_iob(iob);
		return;
	}
	list_for_each_entry_reverse(tmp, &conn->ooo, list) {
		if (seq_le(ooo_seq(tmp), seq)) {
			prev = tmp;
			break;
		}
	}
	if (prev) {
		uint32_t prev_end = ooo_seq(prev) + (uint32_t)iob_len(prev);

		if (seq_gt(prev_end, seq))
			dsack_note(conn, seq, seq_lt(prev_end, end) ? prev_end : end);
		if (seq_ge(prev_end, end)) {
			free_iob(iob);
			return;
		}
		if (seq_gt(prev_end, seq)) {
			iob_pull(iob, prev_end - seq);
			seq = prev_end;
		}
	}
	pos = prev ? &prev->list : &conn->ooo;
	/* Later segments this one covers go; one it overlaps trims it. */
	for (cur = pos->next; cur != &conn->ooo; ) {
		struct io_buffer *next = list_entry(cur, struct io_buffer, list);
		uint32_t next_seq = ooo_seq(next);

		cur = cur->next;
		if (seq_ge(next_seq, end))
			break;
		if (seq_le(next_seq + (uint32_t)iob_len(next), end)) {
			list_del(&next->list);
			free_iob(next);
			conn->ooo_count--;
			continue;
		}
		iob_unput(iob, end - next_seq);
		break;
	}
	*ooo_tag(iob) = seq;
	sack_note(conn, seq, end);
	list_add(&iob->list, pos);
	conn->ooo_count++;
}

/* Moves what the hole's filling made contiguous to the in-order path. */
static void tcp_ooo_drain(struct tcp_conn *conn)
{
	while (!list_empty(&conn->ooo) && conn->state != TCP_CLOSED) {
		struct io_buffer *iob = list_first_entry(&conn->ooo,
							 struct io_buffer, list);
		uint32_t seq = ooo_seq(iob);
		uint32_t end = seq + (uint32_t)iob_len(iob);

		if (seq_gt(seq, conn->rcv_nxt))
			break;
		list_del(&iob->list);
		conn->ooo_count--;
		if (seq_le(end, conn->rcv_nxt)) {
			free_iob(iob);
			continue;
		}
		iob_pull(iob, conn->rcv_nxt - seq);
		conn->rcv_nxt = end;
		tcp_queue_in_order(conn, iob);
	}
	sack_trim(conn);
}

/* An ACK for every second segment, or after delay_us. */
static void tcp_ack_soon(struct tcp_conn *conn, unsigned long delay_us)
{
	if (++conn->segs_unacked >= 2)
		tcp_send_ack(conn);
	else if (!conn->delack_timer.running)
		start_timer_fixed(&conn->delack_timer, delay_us);
}

/* The text of an acceptable segment (RFC 9293 3.10.7.4, seventh). */
static void tcp_rx_text(struct tcp_conn *conn, uint32_t seq,
			struct io_buffer *iob)
{
	uint32_t len = (uint32_t)iob_len(iob);

	if (!intf_is_plugged(&conn->xfer)) {
		/* Nobody will read it (RFC 9293 3.10.7.4 and 2525 2.17). */
		free_iob(iob);
		tcp_abort(conn, 0);
		return;
	}
	if (seq_lt(seq, conn->rcv_nxt)) {
		uint32_t old = conn->rcv_nxt - seq;

		dsack_note(conn, seq, old < len ? conn->rcv_nxt : seq + len);
		if (old >= len) {
			free_iob(iob);
			tcp_send_ack(conn);
			return;
		}
		iob_pull(iob, old);
		seq = conn->rcv_nxt;
		len -= old;
	}
	if (seq_ge(seq, conn->rcv_adv)) {
		free_iob(iob);
		tcp_send_ack(conn);
		return;
	}
	if (seq_gt(seq + len, conn->rcv_adv)) {
		iob_unput(iob, seq + len - conn->rcv_adv);
		len = conn->rcv_adv - seq;
	}
	if (seq != conn->rcv_nxt) {
		/* Beyond a hole the ACK goes at once (RFC 5681 4.2) when it
		 * tells something new: a new block, a hole narrowed, a
		 * duplicate. A segment that only extends the first block
		 * (the run after the latest loss, while the sender goes on)
		 * is ACKed like data in order, every second one, but within
		 * TCP_SACK_DELAY_US: the sender learns as much, from half
		 * the ACKs, which a slow receiver spends its time on. */
		bool extends = conn->sack_count && conn->sacks[0].right == seq;

		tcp_ooo_insert(conn, seq, iob);
		if (extends && !conn->dsack_pending &&
		    conn->sacks[0].right == seq + len)
			tcp_ack_soon(conn, TCP_SACK_DELAY_US);
		else
			tcp_send_ack(conn);
		return;
	}
	conn->rcv_nxt += len;
	tcp_queue_in_order(conn, iob);
	if (conn->state == TCP_CLOSED)
		return;
	if (!list_empty(&conn->ooo)) {
		/* A hole filled (or narrowed): say so at once (RFC 5681 4.2). */
		tcp_ooo_drain(conn);
		if (conn->state != TCP_CLOSED)
			tcp_send_ack(conn);
		return;
	}
	tcp_ack_soon(conn, TCP_DELACK_US);
}

/* The peer's FIN, once everything before it has arrived. */
static void tcp_rx_fin(struct tcp_conn *conn)
{
	if (!conn->fin_seen || conn->fin_received ||
	    conn->rcv_nxt != conn->fin_seq)
		return;
	conn->fin_received = true;
	conn->rcv_nxt++;
	free_queue(&conn->ooo);
	conn->ooo_count = 0;
	conn->sack_count = 0;
	switch (conn->state) {
	case TCP_ESTABLISHED:
		conn->state = TCP_CLOSE_WAIT;
		break;
	case TCP_FIN_WAIT_1:
		conn->state = TCP_CLOSING;
		break;
	case TCP_FIN_WAIT_2:
		tcp_enter_time_wait(conn);
		break;
	default:
		break;
	}
	tcp_send_ack(conn);
	tcp_check_eof(conn);
}

/* ---- receiving acknowledgements ---------------------------------------------- */

static void tcp_take_rtt(struct tcp_conn *conn, const struct tcp_segment *seg,
			 uint32_t ack)
{
	if (conn->ts_ok && (seg->opts.present & TCP_HAVE_TS) &&
	    seg->opts.tsecr) {
		uint32_t ms = timestamp_now(conn) - seg->opts.tsecr;

		if (ms < TCP_RTO_MAX_US / 1000)
			rtt_sample(&conn->rtt, ms * 1000);
	} else if (conn->timing && seq_gt(ack, conn->timed_seq)) {
		conn->timing = false;
		rtt_sample(&conn->rtt, monotonic_us() - conn->timed_us);
	}
}

/* Drops acked bytes from the tx queue; true if our FIN is acked too (it
 * is the sequence number after the last byte). */
static bool tcp_drop_acked(struct tcp_conn *conn, uint32_t acked)
{
	bool fin_acked = conn->fin_wanted && acked > conn->tx_len;
	size_t data = fin_acked ? conn->tx_len : acked;
	bool was_full = conn->tx_len >= TCP_SNDBUF;

	conn->tx_len -= data;
	while (data) {
		struct io_buffer *iob = list_first_entry(&conn->tx,
							 struct io_buffer, list);
		size_t len = iob_len(iob);

		if (len > data) {
			iob_pull(iob, data);
			break;
		}
		data -= len;
		list_del(&iob->list);
		free_iob(iob);
	}
	if (was_full && conn->tx_len < TCP_SNDBUF)
		xfer_window_changed(&conn->xfer);
	return fin_acked;
}

/* New data acknowledged: congestion window (RFC 5681, NewReno of RFC
 * 6582 during recovery) and timers. */
static void tcp_new_ack(struct tcp_conn *conn, uint32_t acked, uint32_t ack)
{
	uint32_t mss = (uint32_t)conn->mss;

	if (conn->in_recovery) {
		if (seq_ge(ack, conn->recover)) {
			uint32_t flight = conn->snd_max - ack;

			conn->cwnd = conn->ssthresh < flight + mss ?
				     conn->ssthresh : flight + mss;
			conn->in_recovery = false;
		} else {
			/* A partial ACK: the next hole goes at once. */
			tcp_retransmit_first(conn);
			conn->cwnd = conn->cwnd > acked ?
				     conn->cwnd - acked + mss : mss;
		}
	} else if (conn->cwnd < conn->ssthresh) {
		conn->cwnd += acked < mss ? acked : mss;
	} else {
		conn->cwnd += mss * mss / conn->cwnd ? mss * mss / conn->cwnd : 1;
	}
	conn->dupacks = 0;
	conn->retries = 0;
	if (conn->snd_una == conn->snd_max)
		stop_timer(&conn->rto_timer);
	else
		tcp_start_rto(conn);
}

/* Three duplicate ACKs: the first unacknowledged segment is lost. */
static void tcp_dup_ack(struct tcp_conn *conn)
{
	uint32_t mss = (uint32_t)conn->mss;

	conn->dupacks++;
	if (conn->dupacks == 3 && !conn->in_recovery) {
		uint32_t flight = conn->snd_max - conn->snd_una;

		conn->ssthresh = flight / 2 > 2 * mss ? flight / 2 : 2 * mss;
		conn->recover = conn->snd_max;
		conn->in_recovery = true;
		tcp_retransmit_first(conn);
		conn->cwnd = conn->ssthresh + 3 * mss;
	} else if (conn->dupacks > 3 && conn->in_recovery) {
		conn->cwnd += mss;
		tcp_output(conn);
	}
}

/* The ACK field of an acceptable segment (RFC 9293 3.10.7.4, fifth, with
 * RFC 5961 5.2). False if the segment goes no further. */
static bool tcp_rx_ack(struct tcp_conn *conn, const struct tcp_segment *seg)
{
	uint32_t ack = seg->ack;
	uint32_t wnd = (uint32_t)seg->window << conn->snd_wscale;
	bool wnd_changed = false;

	if (seq_gt(ack, conn->snd_max) ||
	    seq_lt(ack, conn->snd_una - conn->max_snd_wnd)) {
		tcp_challenge_ack(conn);
		return false;
	}
	if (seq_lt(conn->snd_wl1, seg->seq) ||
	    (conn->snd_wl1 == seg->seq && seq_le(conn->snd_wl2, ack))) {
		wnd_changed = wnd != conn->snd_wnd;
		conn->snd_wnd = wnd;
		conn->snd_wl1 = seg->seq;
		conn->snd_wl2 = ack;
		if (wnd > conn->max_snd_wnd)
			conn->max_snd_wnd = wnd;
		if (wnd)
			stop_timer(&conn->persist_timer);
	}
	if (seq_gt(ack, conn->snd_una)) {
		uint32_t acked = ack - conn->snd_una;
		bool fin_acked;

		tcp_take_rtt(conn, seg, ack);
		fin_acked = tcp_drop_acked(conn, acked);
		if (conn->state == TCP_CLOSED)
			return false;
		conn->snd_una = ack;
		if (seq_lt(conn->snd_nxt, ack))
			conn->snd_nxt = ack;
		tcp_new_ack(conn, acked, ack);
		if (fin_acked) {
			switch (conn->state) {
			case TCP_FIN_WAIT_1:
				conn->state = TCP_FIN_WAIT_2;
				start_timer_fixed(&conn->wait_timer,
						  TCP_FIN_WAIT_2_US);
				break;
			case TCP_CLOSING:
				tcp_enter_time_wait(conn);
				break;
			case TCP_LAST_ACK:
				tcp_destroy(conn, 0);
				return false;
			default:
				break;
			}
		}
	} else if (ack == conn->snd_una && !seg->data_len && !wnd_changed &&
		   !(seg->flags & (TCP_SYN | TCP_FIN)) &&
		   conn->snd_max != conn->snd_una) {
		tcp_dup_ack(conn);
	}
	tcp_output(conn);
	return true;
}

/* ---- receiving segments ------------------------------------------------------ */

/* RFC 9293 3.10.7.4, first: does the segment overlap the window? */
static bool tcp_acceptable(const struct tcp_conn *conn, uint32_t seq,
			   uint32_t seglen)
{
	uint32_t wnd = rcv_offered(conn), nxt = conn->rcv_nxt;

	if (!seglen)
		return wnd ? seq_ge(seq, nxt) && seq_lt(seq, nxt + wnd) :
			     seq == nxt;
	if (!wnd)
		return false;
	return (seq_ge(seq, nxt) && seq_lt(seq, nxt + wnd)) ||
	       (seq_ge(seq + seglen - 1, nxt) &&
		seq_lt(seq + seglen - 1, nxt + wnd));
}

/* The SYN-ACK answering ours (RFC 9293 3.10.7.3). */
static void tcp_rx_syn_sent(struct tcp_conn *conn,
			    const struct tcp_segment *seg,
			    struct net_device *netdev)
{
	const struct tcp_options *opts = &seg->opts;
	size_t mss;

	if ((seg->flags & TCP_ACK) &&
	    (seq_le(seg->ack, conn->iss) || seq_gt(seg->ack, conn->snd_max))) {
		tcp_send_reset(seg, &conn->local, &conn->peer, netdev);
		return;
	}
	if (seg->flags & TCP_RST) {
		if (seg->flags & TCP_ACK) {
			DBG("TCP %p: refused\n", conn);
			tcp_destroy(conn, -EUNIQ(ECONNREFUSED, 3));
		}
		return;
	}
	if (!(seg->flags & TCP_SYN) || !(seg->flags & TCP_ACK))
		return;
	conn->irs = seg->seq;
	conn->rcv_nxt = seg->seq + 1;
	conn->rcv_adv = conn->rcv_nxt;
	conn->snd_una = seg->ack;
	conn->snd_nxt = conn->snd_max = seg->ack;
	if (opts->present & TCP_HAVE_WSCALE) {
		conn->snd_wscale = opts->wscale;
	} else {
		conn->snd_wscale = 0;
		conn->rcv_wscale = 0;
	}
	conn->sack_ok = opts->present & TCP_HAVE_SACK_OK;
	conn->ts_ok = opts->present & TCP_HAVE_TS;
	if (conn->ts_ok)
		conn->ts_recent = opts->tsval;
	if (conn->retries == 0 && !conn->ts_ok)
		rtt_sample(&conn->rtt, monotonic_us() - conn->timed_us);
	else
		tcp_take_rtt(conn, seg, seg->ack);
	mss = (opts->present & TCP_HAVE_MSS) ? opts->mss : TCP_DEFAULT_MSS;
	if (mss > conn->rcv_mss)
		mss = conn->rcv_mss;
	if (mss < TCP_MIN_MSS)
		mss = TCP_MIN_MSS;
	if (conn->ts_ok)
		mss -= TCP_TS_OPTLEN;
	conn->mss = mss;
	conn->snd_wnd = conn->max_snd_wnd = seg->window;
	conn->snd_wl1 = seg->seq;
	conn->snd_wl2 = seg->ack;
	conn->cwnd = (uint32_t)(TCP_INIT_SEGS * conn->mss);
	conn->ssthresh = 0xffffffffU;
	conn->retries = 0;
	stop_timer(&conn->rto_timer);
	conn->state = TCP_ESTABLISHED;
	DBG("TCP %p: established, mss %zu wscale %u/%u%s%s\n", conn, conn->mss,
	    conn->snd_wscale, conn->rcv_wscale, conn->ts_ok ? " ts" : "",
	    conn->sack_ok ? " sack" : "");
	tcp_send_ack(conn);
	xfer_window_changed(&conn->xfer);
}

static void tcp_rx_segment(struct tcp_conn *conn, const struct tcp_segment *seg,
			   struct io_buffer *iob, struct net_device *netdev)
{
	uint32_t seglen = (uint32_t)seg->data_len + !!(seg->flags & TCP_SYN) +
			  !!(seg->flags & TCP_FIN);

	if (conn->state == TCP_SYN_SENT) {
		free_iob(iob);
		tcp_rx_syn_sent(conn, seg, netdev);
		return;
	}
	/* PAWS (RFC 7323 5.3): an old timestamp is an old segment. */
	if (conn->ts_ok && (seg->opts.present & TCP_HAVE_TS) &&
	    !(seg->flags & TCP_RST) && seq_lt(seg->opts.tsval, conn->ts_recent)) {
		free_iob(iob);
		tcp_send_ack(conn);
		return;
	}
	if (!tcp_acceptable(conn, seg->seq, seglen)) {
		free_iob(iob);
		if (seg->flags & TCP_RST)
			return;
		/* Data all before RCV.NXT: a duplicate. */
		if (seg->data_len &&
		    seq_le(seg->seq + (uint32_t)seg->data_len, conn->rcv_nxt))
			dsack_note(conn, seg->seq,
				   seg->seq + (uint32_t)seg->data_len);
		tcp_send_ack(conn);
		return;
	}
	if (seg->flags & TCP_RST) {
		free_iob(iob);
		/* RFC 5961 3.2: only the exact RST resets; any other in the
		 * window is asked to prove itself. */
		if (seg->seq != conn->rcv_nxt) {
			tcp_challenge_ack(conn);
			return;
		}
		DBG("TCP %p: reset by peer\n", conn);
		tcp_destroy(conn, -EUNIQ(ECONNRESET, 4));
		return;
	}
	if (seg->flags & TCP_SYN) {
		/* RFC 5961 4.2: a challenge ACK, never a reset. */
		free_iob(iob);
		tcp_challenge_ack(conn);
		return;
	}
	if (!(seg->flags & TCP_ACK)) {
		free_iob(iob);
		return;
	}
	if (!tcp_rx_ack(conn, seg)) {
		free_iob(iob);
		return;
	}
	/* RFC 7323 4.3: the timestamp to echo. */
	if (conn->ts_ok && (seg->opts.present & TCP_HAVE_TS) &&
	    seq_le(seg->seq, conn->last_ack_sent))
		conn->ts_recent = seg->opts.tsval;
	if ((seg->flags & TCP_FIN) && !conn->fin_received &&
	    seq_le(seg->seq + (uint32_t)seg->data_len, conn->rcv_adv)) {
		conn->fin_seen = true;
		conn->fin_seq = seg->seq + (uint32_t)seg->data_len;
	}
	if (!seg->data_len || conn->fin_received) {
		free_iob(iob);
	} else {
		tcp_rx_text(conn, seg->seq, iob);
		if (conn->state == TCP_CLOSED)
			return;
	}
	tcp_rx_fin(conn);
}

/* Same family, address and port (see net/socket.h: the rest is zero). */
static bool same_peer(const struct sockaddr_tcpip *a,
		      const struct sockaddr_tcpip *b)
{
	return a->st_family == b->st_family && a->st_port == b->st_port &&
	       memcmp(a->pad + 2, b->pad + 2, sizeof(a->pad) - 2) == 0;
}

static struct tcp_conn *tcp_demux(const struct sockaddr_tcpip *local,
				  const struct sockaddr_tcpip *peer)
{
	struct tcp_conn *conn;

	list_for_each_entry(conn, &tcp_conns, list) {
		if (conn->local.st_port == local->st_port &&
		    same_peer(&conn->peer, peer))
			return conn;
	}
	return NULL;
}

static int tcp_rx(struct io_buffer *iob, struct net_device *netdev,
		  struct sockaddr_tcpip *st_src, struct sockaddr_tcpip *st_dest,
		  uint16_t pshdr_csum)
{
	struct sockaddr_tcpip peer, local;
	struct tcp_segment seg;
	struct tcp_conn *conn;
	int rc;

	if (tcpip_chksum(pshdr_csum, iob->data, iob_len(iob)) != 0xffff) {
		DBG("%s: bad TCP checksum\n", netdev->name);
		rc = -EUNIQ(EINVAL, 5);
		goto drop;
	}
	rc = tcp_parse(iob->data, iob_len(iob), &seg);
	if (rc) {
		DBG("%s: malformed TCP segment\n", netdev->name);
		rc = -EUNIQ(EINVAL, 6);
		goto drop;
	}
	st_src->st_port = htons(seg.src_port);
	st_dest->st_port = htons(seg.dest_port);
	/* Compared without the scope: routing, not the arrival, picks it. */
	memcpy(&peer, st_src, sizeof(peer));
	peer.st_scope_id = 0;
	memcpy(&local, st_dest, sizeof(local));
	conn = tcp_demux(&local, &peer);
	if (!conn) {
		tcp_send_reset(&seg, st_dest, st_src, netdev);
		rc = -EUNIQ(ENOTCONN, 7);
		goto drop;
	}
	iob_pull(iob, seg.hlen);
	ref_get(&conn->refcnt);
	tcp_rx_segment(conn, &seg, iob, netdev);
	ref_put(&conn->refcnt);
	return 0;

drop:
	free_iob(iob);
	return rc;
}

/* ---- opening ----------------------------------------------------------------- */

static bool port_in_use(uint16_t port)
{
	struct tcp_conn *conn;

	list_for_each_entry(conn, &tcp_conns, list) {
		if (conn->local.st_port == port)
			return true;
	}
	return false;
}

/* A free port chosen at random (RFC 6056), in network byte order. */
static int ephemeral_port(uint16_t *port)
{
	uint32_t offset = random_id() % TCP_EPHEMERAL_COUNT;
	unsigned tries;

	for (tries = 0; tries < TCP_EPHEMERAL_COUNT; tries++) {
		*port = htons(TCP_EPHEMERAL_MIN +
			      (offset + tries) % TCP_EPHEMERAL_COUNT);
		if (!port_in_use(*port))
			return 0;
	}
	return -EUNIQ(EADDRINUSE, 8);
}

/* The tcp-rcvbuf setting (an unsigned integer of 1 to 8 bytes, as
 * settings store them), within what window scaling can offer. */
static size_t rcvbuf_size(void)
{
	uint8_t raw[8];
	uint64_t value = 0;
	int len = fetch_setting(NULL, "tcp-rcvbuf", raw, sizeof(raw), NULL);
	int i;

	if (len <= 0 || len > (int)sizeof(raw))
		return TCP_RCVBUF_DEFAULT;
	for (i = 0; i < len; i++)
		value = value << 8 | raw[i];
	if (value < TCP_RCVBUF_MIN)
		return TCP_RCVBUF_MIN;
	return value > TCP_RCVBUF_MAX ? TCP_RCVBUF_MAX : (size_t)value;
}

static void tcp_free(struct refcnt *refcnt)
{
	free(container_of(refcnt, struct tcp_conn, refcnt));
}

int tcp_open(struct interface *xfer, const struct sockaddr *peer,
	     const struct sockaddr *local)
{
	struct tcp_conn *conn;
	uint32_t secret[2];
	size_t mtu;
	int rc;

	if (!peer)
		return -EUNIQ(ENOTCONN, 9);
	conn = zalloc(sizeof(*conn));
	if (!conn)
		return -EUNIQ(ENOMEM, 10);
	ref_init(&conn->refcnt, tcp_free);
	intf_init(&conn->xfer, &tcp_xfer_operations, &conn->refcnt);
	INIT_LIST_HEAD(&conn->list);
	INIT_LIST_HEAD(&conn->tx);
	INIT_LIST_HEAD(&conn->held);
	INIT_LIST_HEAD(&conn->ooo);
	retry_init(&conn->rto_timer, tcp_rto_expired, 0, 0);
	retry_init(&conn->delack_timer, tcp_delack_expired, 0, 0);
	retry_init(&conn->persist_timer, tcp_persist_expired, 0,
		   TCP_PERSIST_MAX_US);
	retry_init(&conn->wait_timer, tcp_wait_expired, 0, 0);
	rtt_init(&conn->rtt, TCP_RTO_INITIAL_US, TCP_RTO_MIN_US,
		 TCP_RTO_MAX_US);
	memcpy(&conn->peer, peer, sizeof(conn->peer));
	conn->peer.st_scope_id = 0;
	if (local)
		memcpy(&conn->local, local, sizeof(conn->local));
	if (!conn->peer.st_port) {
		rc = -EUNIQ(EINVAL, 11);
		goto err;
	}
	mtu = tcpip_mtu(&conn->peer);
	if (mtu <= TCP_HLEN) {
		rc = -EUNIQ(ENETUNREACH, 12);
		goto err;
	}
	/* Sequence numbers an off-path attacker cannot guess (RFC 6528's
	 * aim) come from the random source. A machine without one (an
	 * emulator with no RNG device and no CPU generator) still boots:
	 * random_id() falls back to the clock there. What plain HTTP loses
	 * by it, an on-path attacker has anyway; TLS, which protects the
	 * data itself, takes random_bytes() and fails without it. */
	secret[0] = random_id();
	secret[1] = random_id();
	if (conn->local.st_port) {
		if (port_in_use(conn->local.st_port)) {
			rc = -EUNIQ(EADDRINUSE, 13);
			goto err;
		}
	} else {
		rc = ephemeral_port(&conn->local.st_port);
		if (rc)
			goto err;
	}
	conn->rcvbuf = rcvbuf_size();
	while (conn->rcv_wscale < TCP_MAX_WSCALE &&
	       (conn->rcvbuf >> conn->rcv_wscale) > 0xffff)
		conn->rcv_wscale++;
	conn->rcv_mss = mtu - TCP_HLEN > 0xffff ? 0xffff : mtu - TCP_HLEN;
	conn->mss = TCP_DEFAULT_MSS;
	conn->ooo_max = (unsigned)(conn->rcvbuf / 512) + 16;
	conn->iss = secret[0];
	conn->ts_offset = secret[1];
	conn->snd_una = conn->iss;
	conn->snd_nxt = conn->snd_max = conn->iss + 1;
	conn->state = TCP_SYN_SENT;
	conn->timed_us = monotonic_us();
	list_add(&conn->list, &tcp_conns);
	intf_plug_plug(&conn->xfer, xfer);
	DBG("TCP %p: connecting from port %u\n", conn,
	    ntohs(conn->local.st_port));
	tcp_send_syn(conn);
	return 0;

err:
	ref_put(&conn->refcnt);
	return rc;
}

TCPIP_PROTOCOL(tcp_protocol) = {
	.name = "TCP",
	.tcpip_proto = IP_TCP,
	.rx = tcp_rx,
};

SOCKET_OPENER(tcp_socket_opener) = {
	.semantics = SOCK_STREAM,
	.open = tcp_open,
};

SETTING_DEFINITION(tcp_rcvbuf_setting) = {
	.name = "tcp-rcvbuf",
	.type = SETTING_UINT,
};
