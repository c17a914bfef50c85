/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Idle HTTP connections kept for the next request to the same server (see
 * net/http_conn.h): a boot fetches a script, a kernel and an initrd from
 * one server in a row, and each after the first then starts without a
 * TCP handshake.
 *
 * An idle connection is a small object holding the TCP interface that a
 * finished request handed over. It accepts no data (its window is 0: a
 * server has nothing to say between requests) and goes away when the
 * server closes, when it has been idle for HTTP_CONN_IDLE_US, or when the
 * pool is full and a newer one arrives. A request that takes one plugs
 * the TCP interface back into itself; the connection may still turn out
 * to have been closed by the server meanwhile, which the request handles
 * (net/http.c tries again on a new connection).
 */

#include <stdlib.h>
#include <string.h>
#include <net/http_conn.h>
#include <wireboot/list.h>
#include <wireboot/retry.h>
#include <wireboot/xfer.h>

/* Below the usual server keep-alive (nginx: 75 s, Apache: 5 s is the
 * shortest common one). */
#define HTTP_CONN_IDLE_US 4000000ULL
#define HTTP_CONN_MAX 4

struct http_conn {
	struct refcnt refcnt;
	struct list_head list;		/* in idle_conns, holding a reference */
	struct interface socket;	/* to TCP */
	struct retry_timer idle;
	const char *scheme;	/* a transport's, static */
	char *host;
	unsigned port;
};

static LIST_HEAD(idle_conns);
static unsigned idle_count;

static void http_conn_free(struct refcnt *refcnt)
{
	struct http_conn *conn = container_of(refcnt, struct http_conn, refcnt);

	free(conn->host);
	free(conn);
}

/* Out of the pool: the connection goes, or (socket unplugged) lives on
 * in a request. */
static void http_conn_drop(struct http_conn *conn, int rc)
{
	stop_timer(&conn->idle);
	intf_shutdown(&conn->socket, rc);
	list_del(&conn->list);
	idle_count--;
	ref_put(&conn->refcnt);
}

/* Points to's peer at to instead of from: the peer changes owners. */
static void move_peer(struct interface *to, struct interface *from)
{
	struct interface *peer = intf_get(from->dest);

	intf_plug_plug(to, peer);
	intf_unplug(from);
	intf_put(peer);
}

static int http_conn_deliver(struct interface *socket, struct io_buffer *iob,
			     struct xfer_metadata *meta __unused)
{
	/* Nothing may arrive between responses. */
	free_iob(iob);
	http_conn_drop(container_of(socket, struct http_conn, socket), 0);
	return 0;
}

static size_t http_conn_window(struct interface *socket __unused)
{
	return 0;
}

static void http_conn_close(struct interface *socket, int rc)
{
	http_conn_drop(container_of(socket, struct http_conn, socket), rc);
}

static const struct interface_operations http_conn_operations = {
	.deliver = http_conn_deliver,
	.window = http_conn_window,
	.close = http_conn_close,
};

static void http_conn_expired(struct retry_timer *timer, bool fail __unused)
{
	http_conn_drop(container_of(timer, struct http_conn, idle), 0);
}

void http_conn_put(struct interface *socket, const char *scheme,
		   const char *host, unsigned port)
{
	struct http_conn *conn = zalloc(sizeof(*conn));

	if (conn)
		conn->host = strdup(host);
	if (!conn || !conn->host) {
		free(conn);
		intf_shutdown(socket, 0);
		return;
	}
	if (idle_count == HTTP_CONN_MAX)
		http_conn_drop(list_first_entry(&idle_conns, struct http_conn,
						list), 0);
	ref_init(&conn->refcnt, http_conn_free);
	intf_init(&conn->socket, &http_conn_operations, &conn->refcnt);
	retry_init(&conn->idle, http_conn_expired, 0, 0);
	conn->port = port;
	conn->scheme = scheme;
	list_add_tail(&conn->list, &idle_conns);	/* the creation reference */
	idle_count++;
	move_peer(&conn->socket, socket);
	start_timer_fixed(&conn->idle, HTTP_CONN_IDLE_US);
}

bool http_conn_get(struct interface *socket, const char *scheme,
		   const char *host, unsigned port)
{
	struct http_conn *conn;

	list_for_each_entry(conn, &idle_conns, list) {
		if (conn->port != port || strcmp(conn->scheme, scheme) != 0 ||
		    strcmp(conn->host, host) != 0)
			continue;
		ref_get(&conn->refcnt);
		move_peer(socket, &conn->socket);
		http_conn_drop(conn, 0);
		ref_put(&conn->refcnt);
		return true;
	}
	return false;
}
