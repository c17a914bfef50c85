/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * HTTP/1.1 client: the URI opener "http" (see net/http.h for the pure
 * parts it uses).
 *
 * A request is an object with two interfaces: the receiver of the
 * document (xfer, usually the downloader) and a TCP connection to the
 * server (opened by name: its window opens once connected, and then the
 * request goes out). A response that ends cleanly on a connection the
 * server keeps open leaves the connection in a pool (net/http_conn.h) for
 * the next request to that server; one taken from the pool that the
 * server closed meanwhile is replaced by a new one at once.
 *
 * The response head is gathered whole, then the body is passed on as it
 * arrives, as plain data (Content-Length or read to the close) or decoded
 * from the chunked coding. Data goes to the receiver at absolute offsets;
 * the receiver's window is what TCP offers the server, so the server never
 * sends faster than the receiver takes.
 *
 * Once the server has answered, everything that ends a connection too
 * early -- a close or reset before the body is complete, a refused
 * connection, silence for "http-timeout" seconds -- leads to a new
 * connection after a back-off (1, 2, 4 ... s),
 * at most "http-retries" times in a row (progress resets the count). A
 * new attempt asks for the rest with "Range: bytes=N-" guarded by
 * "If-Range" with the validator of what we have (a strong ETag, else
 * Last-Modified): if the document changed, the server sends all of it
 * (200) and the receiver is told to start again (XFER_FL_RESTART) rather
 * than splice two versions. Without a validator the rest cannot be
 * trusted, and the document is fetched again from the start.
 *
 * Redirects (301, 302, 303, 307, 308) to http:// are followed here, with
 * their count and the URIs seen, so that a loop or more than
 * HTTP_REDIRECT_MAX redirects is an error; 303 turns POST into GET. A
 * redirect to another scheme goes to the receiver (xfer_redirect). A 401
 * with a challenge we can answer (Basic, Digest) is retried once with the
 * credentials of the URI's user information. Any other status from 300
 * up ends the request with an error number for the status and the status
 * line as the reason text.
 *
 * POST sends the parameter list the URI fragment names ("##params",
 * "##params=NAME", see wireboot/params.h), form-encoded.
 */

#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <net/http.h>
#include <net/http_conn.h>
#include <net/http_transport.h>
#include <net/socket.h>
#include <wireboot/debug.h>
#include <wireboot/errfile.h>
#include <wireboot/features.h>
#include <wireboot/open.h>
#include <wireboot/params.h>
#include <wireboot/random.h>
#include <wireboot/retry.h>
#include <wireboot/settings.h>
#include <wireboot/xfer.h>

#define ERRFILE ERRFILE_http

FEATURE("http");
/* Reached only through the URI openers: config_net.c requires it. */
PROVIDE_OBJECT(http);

TABLE_DEFINE(const struct http_transport, http_transports);

static int http_tcp_open(struct interface *socket, const char *host,
			 uint16_t port)
{
	return xfer_open_named_socket(socket, SOCK_STREAM, host, port, NULL);
}

HTTP_TRANSPORT(http_tcp_transport) = {
	.scheme = "http",
	.port = HTTP_PORT,
	.open = http_tcp_open,
};

const struct http_transport *http_transport(const char *scheme)
{
	const struct http_transport *transport;

	if (!scheme)
		return NULL;
	for_each_table_entry(transport, http_transports)
		if (strcmp(transport->scheme, scheme) == 0)
			return transport;
	return NULL;
}

#define HTTP_REDIRECT_MAX 8
#define HTTP_DEFAULT_TIMEOUT_S 10
#define HTTP_DEFAULT_RETRIES 5
#define HTTP_BACKOFF_MIN_US 1000000ULL
#define HTTP_BACKOFF_MAX_US 8000000ULL
#define HTTP_AUTH_MAX 1024
#define HTTP_REASON_MAX 200

enum http_method { HTTP_GET, HTTP_POST };

static const char *const http_method_names[] = {
	[HTTP_GET] = "GET", [HTTP_POST] = "POST",
};

enum http_phase {
	HTTP_CONNECTING,	/* waiting for the connection to open */
	HTTP_READ_HEAD,
	HTTP_READ_BODY,
	HTTP_PAUSED,		/* the back-off before the next connection */
	HTTP_FINISHED,
};

enum http_body { BODY_NONE, BODY_LENGTH, BODY_CHUNKED, BODY_TO_CLOSE };

struct http_request {
	struct refcnt refcnt;
	struct interface xfer;		/* to the receiver */
	struct interface socket;	/* TCP to the server */
	/* Silence on the connection, or the back-off before the next. */
	struct retry_timer timer;
	struct uri *uri;		/* after any redirects */
	enum http_method method;
	char *form;			/* the POST body, or NULL */
	enum http_phase phase;
	struct http_head *head;
	struct http_response rsp;
	enum http_body body;
	uint64_t remaining;		/* of a Content-Length body */
	struct http_chunked chunked;
	uint64_t offset;		/* of the document, delivered so far */
	bool restart;			/* the next delivery starts again */
	char validator[HTTP_VALIDATOR_MAX];	/* of what we have */
	bool auth_tried;
	struct http_challenge challenge;	/* to answer, once */
	unsigned redirects;
	char *seen[HTTP_REDIRECT_MAX + 1];	/* URIs requested, for loops */
	bool responded;			/* the server answered once */
	bool reused;			/* the connection came from the pool */
	bool heard;			/* something arrived on this connection */
	unsigned attempts;		/* failed connections in a row */
	unsigned retries_max;
	uint64_t timeout_us;
};

static void http_free(struct refcnt *refcnt)
{
	struct http_request *http = container_of(refcnt, struct http_request,
						 refcnt);
	unsigned i;

	for (i = 0; i <= HTTP_REDIRECT_MAX; i++)
		free(http->seen[i]);
	uri_put(http->uri);
	free(http->form);
	free(http->head);
	free(http);
}

/* Ends the request once: stops everything and tells the receiver. */
static void http_finish(struct http_request *http, int rc)
{
	if (http->phase == HTTP_FINISHED)
		return;
	http->phase = HTTP_FINISHED;
	DBG("HTTP %s: finished at %llu bytes: %s\n", http->uri->path,
	    (unsigned long long)http->offset, strerror(rc));
	stop_timer(&http->timer);
	intf_shutdown(&http->socket, rc);
	intf_shutdown(&http->xfer, rc);
}

static void http_fail(struct http_request *http, int rc, const char *reason)
{
	if (http->phase == HTTP_FINISHED)
		return;
	intf_reason(&http->xfer, reason);
	http_finish(http, rc);
}

/* ---- the request ----------------------------------------------------------- */

/* "/path?query", percent-encoded again. */
static char *http_target(const struct uri *uri)
{
	struct uri target = { .path = uri->path ? uri->path : "/",
			      .query = uri->query };
	int len = format_uri(&target, NULL, 0);
	char *text = len >= 0 ? malloc((size_t)len + 1) : NULL;

	if (text)
		format_uri(&target, text, (size_t)len + 1);
	return text;
}

/* The Authorization line answering the challenge, or "". */
static int http_authorization(struct http_request *http, const char *target,
			      char *buf, size_t size)
{
	uint8_t random[8];
	char cnonce[2 * sizeof(random) + 1];
	struct http_auth_request req = {
		.user = http->uri->user,
		.password = http->uri->password,
		.method = http_method_names[http->method],
		.uri = target,
		.cnonce = cnonce,
	};
	unsigned i;
	int rc;

	buf[0] = '\0';
	if (http->challenge.scheme == HTTP_AUTH_NONE)
		return 0;
	rc = random_bytes(random, sizeof(random));
	if (rc)
		return rc;
	for (i = 0; i < sizeof(random); i++)
		snprintf(&cnonce[2 * i], 3, "%02x", random[i]);
	rc = http_format_authorization(buf, size, &http->challenge, &req);
	return rc < 0 ? rc : 0;
}

static int http_format_request(struct http_request *http, char *buf,
			       size_t size, const char *target,
			       const char *auth)
{
	const char *host = http->uri->host;
	bool v6 = strchr(host, ':') != NULL;
	char range[80] = "", length[128] = "";

	if (http->offset && http->validator[0])
		snprintf(range, sizeof(range), "Range: bytes=%llu-\r\n",
			 (unsigned long long)http->offset);
	if (http->method == HTTP_POST)
		snprintf(length, sizeof(length),
			 "Content-Type: application/x-www-form-urlencoded\r\n"
			 "Content-Length: %zu\r\n", strlen(http->form));
	return snprintf(buf, size,
			"%s %s HTTP/1.1\r\nHost: %s%s%s%s%s\r\n"
			"User-Agent: wireboot\r\n"
			"%s%s%s%s%s%s\r\n%s",
			http_method_names[http->method], target,
			v6 ? "[" : "", host, v6 ? "]" : "",
			http->uri->port ? ":" : "",
			http->uri->port ? http->uri->port : "", range,
			range[0] ? "If-Range: " : "",
			range[0] ? http->validator : "", range[0] ? "\r\n" : "",
			auth, length, http->form ? http->form : "");
}

static int http_send_request(struct http_request *http)
{
	char *target = http_target(http->uri);
	char auth[HTTP_AUTH_MAX];
	struct io_buffer *iob;
	int len, rc;

	if (!target)
		return -EUNIQ(ENOMEM, 1);
	rc = http_authorization(http, target, auth, sizeof(auth));
	len = rc ? rc : http_format_request(http, NULL, 0, target, auth);
	if (len < 0) {
		free(target);
		return len;
	}
	iob = xfer_alloc_iob(&http->socket, (size_t)len + 1);
	if (!iob) {
		free(target);
		return -EUNIQ(ENOMEM, 2);
	}
	http_format_request(http, iob_put(iob, (size_t)len), (size_t)len + 1,
			    target, auth);
	DBG("HTTP %s %s (from %llu)\n", http_method_names[http->method], target,
	    (unsigned long long)http->offset);
	free(target);
	return xfer_deliver(&http->socket, iob, NULL);
}

/* A connection for the current URI: an idle one from the pool (the timer
 * sends the request on the next pass), else a new one (its window says
 * when to send). */
static int http_connect(struct http_request *http, bool pooled)
{
	const struct http_transport *transport =
		http_transport(http->uri->scheme);
	unsigned port = uri_port(http->uri, transport->port);

	http->phase = HTTP_CONNECTING;
	http->head->len = 0;
	http->heard = false;
	http->reused = pooled &&
		       http_conn_get(&http->socket, transport->scheme,
				     http->uri->host, port);
	if (http->reused) {
		start_timer_fixed(&http->timer, 0);
		return 0;
	}
	start_timer_fixed(&http->timer, http->timeout_us);
	return transport->open(&http->socket, http->uri->host, (uint16_t)port);
}

/* Drops the connection and opens the next one now (auth, redirect). */
static void http_reconnect(struct http_request *http)
{
	int rc;

	intf_restart(&http->socket, 0);
	rc = http_connect(http, true);
	if (rc)
		http_finish(http, rc);
}

/* ---- losing the connection ------------------------------------------------- */

/* The connection ended before the response did: pause, then try again. */
static void http_lost(struct http_request *http, int rc)
{
	char reason[HTTP_REASON_MAX];
	uint64_t pause;

	intf_restart(&http->socket, rc);
	/* The server closed an idle connection as we took it: a new one. */
	if (http->reused && !http->heard) {
		DBG("HTTP %s: idle connection gone\n", http->uri->path);
		rc = http_connect(http, false);
		if (rc)
			http_finish(http, rc);
		return;
	}
	/* A server that never answered is the wrong one: say so at once. */
	if (!http->responded) {
		http_finish(http, rc);
		return;
	}
	if (http->attempts >= http->retries_max) {
		snprintf(reason, sizeof(reason),
			 "HTTP: connection lost after %llu bytes, %u retries",
			 (unsigned long long)http->offset, http->attempts);
		http_fail(http, rc, reason);
		return;
	}
	pause = HTTP_BACKOFF_MIN_US << (http->attempts < 4 ? http->attempts : 3);
	if (pause > HTTP_BACKOFF_MAX_US)
		pause = HTTP_BACKOFF_MAX_US;
	http->attempts++;
	DBG("HTTP %s: connection lost at %llu bytes (%s), retry %u in %llu ms\n",
	    http->uri->path, (unsigned long long)http->offset, strerror(rc),
	    http->attempts, (unsigned long long)(pause / 1000));
	/* Without a validator the rest could belong to another version:
	 * start again from 0 (asking for no range). */
	if (http->offset && !http->validator[0]) {
		http->restart = true;
		http->offset = 0;
	}
	http->phase = HTTP_PAUSED;
	start_timer_fixed(&http->timer, pause);
}

static void http_socket_window_changed(struct interface *socket);

static void http_expired(struct retry_timer *timer, bool fail __unused)
{
	struct http_request *http = container_of(timer, struct http_request,
						 timer);
	int rc;

	if (http->phase == HTTP_PAUSED) {
		rc = http_connect(http, true);
		if (rc)
			http_lost(http, rc);
		return;
	}
	if (http->phase == HTTP_CONNECTING && http->reused) {
		http_socket_window_changed(&http->socket);
		return;
	}
	DBG("HTTP %s: server silent\n", http->uri->path);
	http_lost(http, -EUNIQ(ETIMEDOUT, 3));
}

/* ---- the body -------------------------------------------------------------- */

static int http_deliver(struct http_request *http, struct io_buffer *iob)
{
	struct xfer_metadata meta = { .flags = XFER_FL_ABS_OFFSET,
				      .offset = http->offset };
	size_t len = iob_len(iob);

	if (http->restart) {
		meta.flags |= XFER_FL_RESTART;
		http->restart = false;
	}
	http->offset += len;
	if (len)
		http->attempts = 0;
	return xfer_deliver(&http->xfer, iob, &meta);
}

/* The response is complete; reusable: nothing followed it, so the
 * connection may serve the next request if the server keeps it open. */
static void http_done(struct http_request *http, bool reusable)
{
	const struct http_transport *transport =
		http_transport(http->uri->scheme);

	if (reusable && http->rsp.keep_alive && http->body != BODY_TO_CLOSE)
		http_conn_put(&http->socket, transport->scheme, http->uri->host,
			      uri_port(http->uri, transport->port));
	http_finish(http, 0);
}

/* Decodes the chunked coding: a run of data that ends the buffer (the
 * usual case, with chunks larger than segments) is passed on in place,
 * other runs are copied out. */
static void http_rx_chunked(struct http_request *http, struct io_buffer *iob)
{
	while (iob_len(iob)) {
		size_t consumed, start, len;
		struct io_buffer *run;
		int rc = http_chunked_decode(&http->chunked, iob->data,
					     iob_len(iob), &consumed, &start,
					     &len);

		if (rc < 0) {
			free_iob(iob);
			http_fail(http, -EUNIQ(EPROTO, 4),
				  "HTTP: bad chunked encoding");
			return;
		}
		if (len && start + len == iob_len(iob)) {
			iob_pull(iob, start);
			rc = http_deliver(http, iob);
			if (rc)
				http_finish(http, rc);
			return;
		}
		if (len) {
			run = xfer_alloc_iob(&http->xfer, len);
			if (!run) {
				free_iob(iob);
				http_finish(http, -EUNIQ(ENOMEM, 5));
				return;
			}
			memcpy(iob_put(run, len), (uint8_t *)iob->data + start,
			       len);
			if (http_deliver(http, run) != 0 ||
			    http->phase != HTTP_READ_BODY)
				break;
		}
		iob_pull(iob, consumed);
		if (rc == 1) {
			http_done(http, iob_len(iob) == 0);
			free_iob(iob);
			return;
		}
	}
	free_iob(iob);
}

static void http_rx_body(struct http_request *http, struct io_buffer *iob)
{
	bool surplus = false;
	int rc;

	switch (http->body) {
	case BODY_CHUNKED:
		http_rx_chunked(http, iob);
		return;
	case BODY_LENGTH:
		/* What follows the body is not ours (no pipelining), and
		 * spoils the connection. */
		surplus = iob_len(iob) > http->remaining;
		if (surplus)
			iob_unput(iob, iob_len(iob) - (size_t)http->remaining);
		http->remaining -= iob_len(iob);
		break;
	default:
		break;
	}
	rc = http_deliver(http, iob);
	if (rc)
		http_finish(http, rc);
	else if (http->body == BODY_LENGTH && !http->remaining)
		http_done(http, !surplus);
}

/* ---- the response head ----------------------------------------------------- */

/* The error number for a status from 400 up (or an unexpected one). */
static int http_status_rc(unsigned status)
{
	switch (status) {
	case 400:
		return -EUNIQ(EINVAL, 6);
	case 401:
	case 407:
		return -EUNIQ(EACCES, 7);
	case 403:
		return -EUNIQ(EPERM, 8);
	case 404:
	case 410:
		return -EUNIQ(ENOENT, 9);
	case 405:
	case 501:
		return -EUNIQ(ENOTSUP, 10);
	case 408:
	case 504:
		return -EUNIQ(ETIMEDOUT, 11);
	default:
		return status >= 500 ? -EUNIQ(EIO, 12) : -EUNIQ(EPROTO, 13);
	}
}

static bool http_is_redirect(unsigned status)
{
	return status == 301 || status == 302 || status == 303 ||
	       status == 307 || status == 308;
}

/* Remembers uri as requested: false if it was requested before. */
static bool http_note_uri(struct http_request *http, const struct uri *uri)
{
	int len = format_uri(uri, NULL, 0);
	char *text = len >= 0 ? malloc((size_t)len + 1) : NULL;
	unsigned i;

	if (!text)
		return true;	/* the count still bounds the chain */
	format_uri(uri, text, (size_t)len + 1);
	for (i = 0; i <= HTTP_REDIRECT_MAX && http->seen[i]; i++) {
		if (strcmp(http->seen[i], text) == 0) {
			free(text);
			return false;
		}
	}
	if (i <= HTTP_REDIRECT_MAX)
		http->seen[i] = text;
	else
		free(text);
	return true;
}

static void http_redirect(struct http_request *http)
{
	struct uri *relative, *target;
	char reason[HTTP_REASON_MAX];
	int rc;

	if (++http->redirects > HTTP_REDIRECT_MAX) {
		snprintf(reason, sizeof(reason),
			 "HTTP: more than %u redirects", HTTP_REDIRECT_MAX);
		http_fail(http, -EUNIQ(ELOOP, 14), reason);
		return;
	}
	relative = parse_uri(http->rsp.location);
	target = relative ? resolve_uri(http->uri, relative) : NULL;
	uri_put(relative);
	if (!target) {
		http_finish(http, -EUNIQ(ENOMEM, 15));
		return;
	}
	DBG("HTTP %s: %u to %s\n", http->uri->path, http->rsp.status,
	    http->rsp.location);
	if (!http_transport(target->scheme) ||
	    !target->host || !target->host[0]) {
		/* Another scheme: the receiver opens it, and closes us. */
		intf_restart(&http->socket, 0);
		rc = xfer_redirect(&http->xfer, target);
		uri_put(target);
		http_finish(http, rc);
		return;
	}
	if (!http_note_uri(http, target)) {
		snprintf(reason, sizeof(reason), "HTTP: redirect loop at %s",
			 http->rsp.location);
		uri_put(target);
		http_fail(http, -EUNIQ(ELOOP, 16), reason);
		return;
	}
	uri_put(http->uri);
	http->uri = target;
	if (http->rsp.status == 303 && http->method == HTTP_POST) {
		http->method = HTTP_GET;
		free(http->form);
		http->form = NULL;
	}
	/* Credentials were for the old location. */
	http->challenge.scheme = HTTP_AUTH_NONE;
	http->auth_tried = false;
	if (http->offset) {
		http->restart = true;
		http->offset = 0;
		http->validator[0] = '\0';
	}
	http_reconnect(http);
}

static void http_error_status(struct http_request *http)
{
	char reason[HTTP_REASON_MAX];

	snprintf(reason, sizeof(reason), "HTTP error: %s (%s)",
		 http->rsp.status_line, http->uri->path ? http->uri->path : "/");
	http_fail(http, http_status_rc(http->rsp.status), reason);
}

/* A 2xx head: decides where the body goes and how it is framed. */
static void http_start_body(struct http_request *http)
{
	const struct http_response *rsp = &http->rsp;
	const char *validator = rsp->etag[0] ? rsp->etag : rsp->last_modified;
	uint64_t total = 0;
	bool known = false;

	if (rsp->status == 206) {
		/* Only the range asked for can continue what we have. */
		if (!rsp->has_range || rsp->range_first != http->offset ||
		    !http->offset) {
			http_fail(http, -EUNIQ(EPROTO, 17),
				  "HTTP: unexpected partial content");
			return;
		}
		known = rsp->has_range_total;
		total = rsp->range_total;
	} else {
		if (http->offset) {
			/* The whole again: the document changed, or the
			 * server ignores ranges. */
			DBG("HTTP %s: restarting from 0\n", http->uri->path);
			http->restart = true;
			http->offset = 0;
		}
		known = rsp->has_length;
		total = rsp->content_length;
	}
	strlcpy(http->validator, validator, sizeof(http->validator));
	if (known)
		xfer_size_hint(&http->xfer, total);
	if (http->restart) {
		/* Even an empty new version must void the old one. */
		http_deliver(http, alloc_iob(0));
		if (http->phase == HTTP_FINISHED)
			return;
	}
	http->phase = HTTP_READ_BODY;
	if (rsp->status == 204) {
		http_done(http, false);
	} else if (rsp->chunked) {
		http->body = BODY_CHUNKED;
		http_chunked_init(&http->chunked);
	} else if (rsp->has_length) {
		http->body = BODY_LENGTH;
		http->remaining = rsp->content_length;
		if (!http->remaining)
			http_done(http, false);
	} else {
		http->body = BODY_TO_CLOSE;
	}
}

static void http_rx_head(struct http_request *http)
{
	struct http_response *rsp = &http->rsp;
	int rc = http_parse_response(http->head->buf, http->head->len, rsp);

	http->head->len = 0;
	http->responded = true;
	if (rc) {
		http_fail(http, rc == -EPROTO ? -EUNIQ(EPROTO, 18) :
						-EUNIQ(EINVAL, 19),
			  "HTTP: malformed response head");
		return;
	}
	DBG("HTTP %s: %s\n", http->uri->path, rsp->status_line);
	if (rsp->status < 200) {
		return;		/* 100 Continue and the like: the real one follows */
	} else if (rsp->status < 300) {
		http_start_body(http);
	} else if (http_is_redirect(rsp->status) && rsp->location[0]) {
		http_redirect(http);
	} else if (rsp->status == 401 && !http->auth_tried &&
		   http->uri->user && rsp->challenge.scheme != HTTP_AUTH_NONE) {
		http->auth_tried = true;
		http->challenge = rsp->challenge;
		http_reconnect(http);
	} else {
		http_error_status(http);
	}
}

/* ---- the connection's interface ------------------------------------------- */

static int http_socket_deliver(struct interface *socket, struct io_buffer *iob,
			       struct xfer_metadata *meta __unused)
{
	struct http_request *http = container_of(socket, struct http_request,
						 socket);
	size_t consumed;
	int rc;

	ref_get(&http->refcnt);		/* a receiver may close us meanwhile */
	http->heard = true;
	if (http->phase == HTTP_READ_HEAD || http->phase == HTTP_READ_BODY)
		start_timer_fixed(&http->timer, http->timeout_us);
	while (http->phase == HTTP_READ_HEAD && iob_len(iob)) {
		rc = http_head_feed(http->head, iob->data, iob_len(iob),
				    &consumed);
		iob_pull(iob, consumed);
		if (rc < 0)
			http_fail(http, -EUNIQ(E2BIG, 20),
				  "HTTP: response head too long");
		else if (rc == 1)
			http_rx_head(http);
	}
	if (http->phase == HTTP_READ_BODY && iob_len(iob))
		http_rx_body(http, iob);
	else
		free_iob(iob);
	ref_put(&http->refcnt);
	return 0;
}

/* The connection opened (or its window moved): send the request once. */
static void http_socket_window_changed(struct interface *socket)
{
	struct http_request *http = container_of(socket, struct http_request,
						 socket);
	int rc;

	if (http->phase != HTTP_CONNECTING || !xfer_window(&http->socket))
		return;
	http->phase = HTTP_READ_HEAD;
	start_timer_fixed(&http->timer, http->timeout_us);
	rc = http_send_request(http);
	if (rc)
		http_finish(http, rc);
}

/* What we take from the server now: the receiver's window, and room for
 * a head while we read one (so the body that came with the head may
 * exceed the receiver's window once, by less than HTTP_HEAD_MAX). */
static size_t http_socket_window(struct interface *socket)
{
	struct http_request *http = container_of(socket, struct http_request,
						 socket);
	size_t window = xfer_window(&http->xfer);

	if (http->phase == HTTP_READ_HEAD && window < HTTP_HEAD_MAX)
		window = HTTP_HEAD_MAX;
	return window;
}

static void http_socket_close(struct interface *socket, int rc)
{
	struct http_request *http = container_of(socket, struct http_request,
						 socket);

	if (http->phase == HTTP_READ_BODY && http->body == BODY_TO_CLOSE &&
	    rc == 0) {
		http_done(http, false);
		return;
	}
	http_lost(http, rc ? rc : -EUNIQ(ECONNRESET, 21));
}

/* Why the connection failed (TLS says which certificate, and why). */
static void http_socket_reason(struct interface *socket, const char *text)
{
	struct http_request *http = container_of(socket, struct http_request,
						 socket);

	intf_reason(&http->xfer, text);
}

static const struct interface_operations http_socket_operations = {
	.reason = http_socket_reason,
	.deliver = http_socket_deliver,
	.window = http_socket_window,
	.window_changed = http_socket_window_changed,
	.close = http_socket_close,
};

/* ---- the receiver's interface ---------------------------------------------- */

static void http_xfer_window_changed(struct interface *xfer)
{
	struct http_request *http = container_of(xfer, struct http_request,
						 xfer);

	xfer_window_changed(&http->socket);
}

/* The receiver closed its end (cancelled, or failed). */
static void http_xfer_close(struct interface *xfer, int rc)
{
	http_finish(container_of(xfer, struct http_request, xfer), rc);
}

static const struct interface_operations http_xfer_operations = {
	.window_changed = http_xfer_window_changed,
	.close = http_xfer_close,
};

/* ---- opening --------------------------------------------------------------- */

static unsigned http_setting(const char *name, unsigned default_value)
{
	char value[16];

	if (fetchf_setting(name, value, sizeof(value)) > 0)
		return (unsigned)strtoul(value, NULL, 0);
	return default_value;
}

/* POST the list the fragment names, if it names one. */
static int http_read_form(struct http_request *http)
{
	int named;
	struct parameters *params =
		fragment_parameters(http->uri->fragment, &named);
	size_t len;

	if (!named)
		return 0;
	if (!params)
		return -EUNIQ(ENOENT, 22);
	len = format_parameters(params, NULL, 0);
	http->form = malloc(len + 1);
	if (!http->form)
		return -EUNIQ(ENOMEM, 23);
	format_parameters(params, http->form, len + 1);
	http->method = HTTP_POST;
	return 0;
}

int http_open(struct interface *receiver, struct uri *uri)
{
	struct http_request *http;
	unsigned timeout_s;
	int rc;

	if (!uri->host || !uri->host[0] || !http_transport(uri->scheme))
		return -EUNIQ(EINVAL, 24);
	http = zalloc(sizeof(*http));
	if (!http)
		return -EUNIQ(ENOMEM, 25);
	ref_init(&http->refcnt, http_free);
	intf_init(&http->xfer, &http_xfer_operations, &http->refcnt);
	intf_init(&http->socket, &http_socket_operations, &http->refcnt);
	retry_init(&http->timer, http_expired, 0, 0);
	http->uri = uri_get(uri);
	timeout_s = http_setting("http-timeout", HTTP_DEFAULT_TIMEOUT_S);
	http->timeout_us = (timeout_s ? timeout_s : 1) * 1000000ULL;
	http->retries_max = http_setting("http-retries", HTTP_DEFAULT_RETRIES);
	http->head = malloc(sizeof(*http->head));
	rc = http->head ? http_read_form(http) : -EUNIQ(ENOMEM, 26);
	if (rc == 0)
		http_note_uri(http, uri);
	if (rc == 0)
		rc = http_connect(http, true);
	if (rc == 0)
		intf_plug_plug(&http->xfer, receiver);
	else
		stop_timer(&http->timer);
	ref_put(&http->refcnt);
	return rc;
}

URI_OPENER(http_uri_opener) = {
	.scheme = "http",
	.open = http_open,
};
