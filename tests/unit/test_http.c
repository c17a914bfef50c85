/* SPDX-License-Identifier: GPL-2.0-or-later */
// FIRMWARE_SOURCES: src/net/http.c src/net/http_parse.c src/net/http_chunked.c src/net/http_auth.c src/crypto/md5.c src/core/params.c src/net/named_socket.c src/net/resolv.c src/net/socket.c src/net/inet.c src/core/open.c src/core/process.c src/core/interface.c src/core/xfer.c src/core/iobuf.c src/core/retry.c src/core/uri.c src/core/string.c src/core/strtoul.c src/core/vsprintf.c src/core/errors.c
// WOLFSSL_SOURCES: wolfcrypt/src/md5.c
/*
 * The HTTP client, opened through the "http" URI opener with a test
 * receiver, against scripted servers over a simulated TCP (fake_stream.h):
 * Content-Length, chunked and read-to-close bodies, the receiver's window
 * passed on as the connection's, every redirect code,
 * a redirect loop and too many redirects, 303 turning POST into GET,
 * Basic and Digest authentication, errors with the status line as the
 * reason, malformed and overlong heads, and resumption: a close after the
 * head, a reset mid-body (Range and If-Range with the ETag), a document
 * that changed (the receiver is told to restart), a silent server, a
 * server that never answers (no retries), refused connections after it
 * answered (back-off), and retries running out.
 */

/* First: they map names the headers' inline functions use. */
#include "fake_inet_family.h"
#include "fake_stream.h"
#include "intf_sink.h"

#include <errno.h>
#include <stdio.h>
#include <wireboot/open.h>
#include <wireboot/params.h>
#include <wireboot/uri.h>
#include <net/http.h>

#include "unit.h"

struct uri *wb_parse_uri(const char *text);
int wb_xfer_open_uri(struct interface *receiver, struct uri *uri);
struct parameters *wb_create_parameters(const char *name);
int wb_add_parameter(struct parameters *params, const char *key,
		     const char *value);
#define uri_put(uri) ref_put(&(uri)->refcnt)

/* ---- fakes: settings ------------------------------------------------------ */

static const char *timeout_setting, *retries_setting;

int fetchf_setting(const char *name, char *buf, size_t len)
{
	const char *value = NULL;

	if (strcmp(name, "http-timeout") == 0)
		value = timeout_setting;
	else if (strcmp(name, "http-retries") == 0)
		value = retries_setting;
	if (!value)
		return -ENOENT;
	return snprintf(buf, len, "%s", value);
}

/* No datagrams in this test. */
static void fake_server(const struct fake_sent *sent)
{
	(void)sent;
}

/* ---- the document and the server's behaviour ------------------------------- */

#define DOC_LEN 100000
static uint8_t document[DOC_LEN];
static uint8_t other_document[DOC_LEN / 2];

enum behaviour {
	SERVE_LENGTH,		/* Content-Length, ETag, ranges honoured */
	SERVE_CHUNKED,
	SERVE_TO_CLOSE,
	SERVE_REDIRECT,		/* redirect_code to /target, then SERVE_LENGTH */
	SERVE_LOOP,		/* /a -> /b -> /a */
	SERVE_ENDLESS,		/* /n -> /n+1 */
	SERVE_AUTH,		/* 401 until the right Authorization */
	SERVE_STATUS,		/* status_text as the whole head */
	SERVE_RAW,		/* raw_response as it is */
	SERVE_POST_ECHO,
	SERVE_SILENT,		/* accepts, never answers */
};

static enum behaviour behaviour;
static unsigned redirect_code;
static const char *redirect_target;	/* of SERVE_REDIRECT */
static const char *status_text, *raw_response;
static const char *auth_challenge, *auth_expect;
/* Per connection number: cut the answer after this many body bytes (0:
 * serve whole), reset rather than close, stall rather than end. */
static size_t cut_at[8];
static bool cut_reset, cut_stall;
static bool etag_changes;	/* after the first connection */
static unsigned refuse_after_first;	/* connections refused after it */
static bool no_validator;

static const char *request_line(const struct fake_stream *stream)
{
	static char line[256];
	size_t len = strcspn(stream->request, "\r");

	snprintf(line, sizeof(line), "%.*s", (int)len, stream->request);
	return line;
}

static bool requested(const struct fake_stream *stream, const char *text)
{
	return strstr(stream->request, text) != NULL;
}

/* The document from offset, with the head HTTP would send. */
static void serve_document(struct fake_stream *stream)
{
	const char *range = strstr(stream->request, "Range: bytes=");
	const char *if_range = strstr(stream->request, "If-Range: ");
	bool changed = etag_changes && stream->number > 0;
	const uint8_t *doc = changed ? other_document : document;
	size_t len = changed ? sizeof(other_document) : sizeof(document);
	const char *etag = changed ? "\"v2\"" : "\"v1\"";
	size_t start = 0, cut = stream->number < 8 ? cut_at[stream->number] : 0;
	char head[512];

	if (range && if_range && strncmp(if_range + 10, etag, 4) == 0)
		start = strtoul(range + 13, NULL, 10);
	if (start)
		snprintf(head, sizeof(head),
			 "HTTP/1.1 206 Partial Content\r\nContent-Length: %zu\r\n"
			 "Content-Range: bytes %zu-%zu/%zu\r\nETag: %s\r\n\r\n",
			 len - start, start, len - 1, len, etag);
	else
		snprintf(head, sizeof(head),
			 "HTTP/1.1 200 OK\r\nContent-Length: %zu\r\n%s%s%s\r\n",
			 len, no_validator ? "" : "ETag: ", no_validator ? "" : etag,
			 no_validator ? "" : "\r\n");
	stream_send_str(stream, head);
	if (cut) {
		stream_send(stream, doc + start, cut);
		if (cut_stall)
			stream->stall_after = stream->out_len;
		else
			stream_end(stream, cut_reset ? -ECONNRESET : 0);
		return;
	}
	stream_send(stream, doc + start, len - start);
}

static void serve_chunked(struct fake_stream *stream)
{
	size_t pos = 0, chunk = 1;
	char size[32];

	stream_send_str(stream, "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n");
	while (pos < DOC_LEN) {
		if (chunk > DOC_LEN - pos)
			chunk = DOC_LEN - pos;
		snprintf(size, sizeof(size), "%zx;x=y\r\n", chunk);
		stream_send_str(stream, size);
		stream_send(stream, document + pos, chunk);
		stream_send_str(stream, "\r\n");
		pos += chunk;
		chunk = chunk * 3 + 1;
	}
	stream_send_str(stream, "0\r\nX-Trailer: 1\r\n\r\n");
}

static void serve_redirect(struct fake_stream *stream, const char *to)
{
	char head[256];

	snprintf(head, sizeof(head), "HTTP/1.1 %u Moved\r\nLocation: %s\r\n"
		 "Content-Length: 5\r\n\r\nmoved", redirect_code, to);
	stream_send_str(stream, head);
}

static void stream_server(struct fake_stream *stream)
{
	char next[64];
	unsigned n;

	if (stream->number == 0 && refuse_after_first) {
		stream_refuse = refuse_after_first;
		refuse_after_first = 0;
	}
	switch (behaviour) {
	case SERVE_LENGTH:
		serve_document(stream);
		return;
	case SERVE_CHUNKED:
		serve_chunked(stream);
		return;
	case SERVE_TO_CLOSE:
		stream_send_str(stream, "HTTP/1.0 200 OK\r\n\r\n");
		stream_send(stream, document, DOC_LEN);
		stream_end(stream, 0);
		return;
	case SERVE_REDIRECT:
		if (requested(stream, "GET /target ")) {
			serve_document(stream);
			return;
		}
		serve_redirect(stream, redirect_target);
		return;
	case SERVE_LOOP:
		serve_redirect(stream, requested(stream, " /a ") ? "/b" :
				       "http://10.0.0.1/a");
		return;
	case SERVE_ENDLESS:
		n = (unsigned)strtoul(strchr(stream->request, '/') + 1, NULL, 10);
		snprintf(next, sizeof(next), "/%u", n + 1);
		serve_redirect(stream, next);
		return;
	case SERVE_AUTH:
		if (auth_expect && requested(stream, auth_expect)) {
			serve_document(stream);
			return;
		}
		stream_send_str(stream, "HTTP/1.1 401 Unauthorized\r\n");
		stream_send_str(stream, auth_challenge);
		stream_send_str(stream, "Content-Length: 0\r\n\r\n");
		return;
	case SERVE_STATUS:
		stream_send_str(stream, status_text);
		stream_send_str(stream, "\r\nContent-Length: 4\r\n\r\npage");
		return;
	case SERVE_RAW:
		stream_send_str(stream, raw_response);
		stream_end(stream, 0);
		return;
	case SERVE_SILENT:
		return;
	case SERVE_POST_ECHO: {
		const char *body = strstr(stream->request, "\r\n\r\n") + 4;
		char head[128];

		snprintf(head, sizeof(head),
			 "HTTP/1.1 200 OK\r\nContent-Length: %zu\r\n\r\n",
			 strlen(body));
		stream_send_str(stream, head);
		stream_send_str(stream, body);
		return;
	}
	}
}

/* ---- running a request ------------------------------------------------------ */

static struct sink rx;

static void reset(enum behaviour how)
{
	stream_reset();
	behaviour = how;
	memset(cut_at, 0, sizeof(cut_at));
	cut_reset = cut_stall = etag_changes = no_validator = false;
	refuse_after_first = 0;
	timeout_setting = retries_setting = NULL;
	auth_expect = NULL;
	redirect_target = "/target";
	sink_init(&rx, DOC_LEN + 65536);
}

static int fetch(const char *url)
{
	struct uri *uri = wb_parse_uri(url);
	int rc;

	rc = wb_xfer_open_uri(&rx.intf, uri);
	uri_put(uri);
	if (rc)
		return rc;
	return sink_wait(&rx);
}

static bool got_document(const uint8_t *doc, size_t len)
{
	return rx.received == len && memcmp(rx.data, doc, len) == 0 &&
	       !rx.out_of_range;
}

static void test_length(void)
{
	reset(SERVE_LENGTH);
	CHECK_INT(fetch("http://10.0.0.1:8080/dir/file%20name?x=1"), 0);
	CHECK(got_document(document, DOC_LEN));
	CHECK(rx.has_size && rx.size == DOC_LEN);
	CHECK_INT(stream_count, 1);
	CHECK_STR(request_line(streams[0]), "GET /dir/file%20name?x=1 HTTP/1.1");
	CHECK(requested(streams[0], "\r\nHost: 10.0.0.1:8080\r\n"));
	CHECK(!requested(streams[0], "Range"));
	CHECK(ntohs(streams[0]->peer.sin_port) == 8080);
	CHECK(streams[0]->client_closed && !streams[0]->open);
	/* The default port, and no path at all. */
	reset(SERVE_LENGTH);
	CHECK_INT(fetch("http://10.0.0.1"), 0);
	CHECK_STR(request_line(streams[0]), "GET / HTTP/1.1");
	CHECK(requested(streams[0], "\r\nHost: 10.0.0.1\r\n"));
	CHECK(ntohs(streams[0]->peer.sin_port) == 80);
}

static unsigned over_window;

static void count_over_window(struct sink *sink, const void *data, size_t len,
			      uint64_t offset)
{
	(void)data;
	(void)offset;
	if (len > sink->window)
		over_window++;
}

/* The receiver's window is what the connection may deliver at once, but
 * for the rest of what came with the head (at most HTTP_HEAD_MAX). */
static void test_flow_control(void)
{
	reset(SERVE_LENGTH);
	rx.window = 1000;
	rx.check = count_over_window;
	over_window = 0;
	stream_piece = 65536;
	CHECK_INT(fetch("http://10.0.0.1/file"), 0);
	CHECK(got_document(document, DOC_LEN));
	CHECK(over_window <= 1);
	CHECK(rx.max_delivery <= HTTP_HEAD_MAX);
	CHECK(rx.deliveries >= (DOC_LEN - HTTP_HEAD_MAX) / 1000);
	/* The head is read whatever the receiver's window. */
	reset(SERVE_CHUNKED);
	rx.window = 10;
	CHECK_INT(fetch("http://10.0.0.1/chunked"), 0);
	CHECK(got_document(document, DOC_LEN));
}

static void test_chunked(void)
{
	size_t pieces[] = { 1, 7, 1460 };
	unsigned i;

	for (i = 0; i < 3; i++) {
		reset(SERVE_CHUNKED);
		stream_piece = pieces[i];
		CHECK_INT(fetch("http://10.0.0.1/chunked"), 0);
		CHECK(got_document(document, DOC_LEN));
		CHECK(!rx.has_size);
	}
}

static void test_to_close(void)
{
	reset(SERVE_TO_CLOSE);
	CHECK_INT(fetch("http://10.0.0.1/close"), 0);
	CHECK(got_document(document, DOC_LEN));
}

static void test_redirects(void)
{
	static const unsigned codes[] = { 301, 302, 303, 307, 308 };
	unsigned i;

	for (i = 0; i < 5; i++) {
		reset(SERVE_REDIRECT);
		redirect_code = codes[i];
		CHECK_INT(fetch("http://10.0.0.1/start"), 0);
		CHECK(got_document(document, DOC_LEN));
		CHECK_INT(stream_count, 2);
		CHECK_STR(request_line(streams[1]), "GET /target HTTP/1.1");
		/* The redirect's own body never reaches the receiver. */
		CHECK_INT(rx.restarts, 0);
	}
	/* Another scheme is the receiver's to open (this one cannot). */
	reset(SERVE_REDIRECT);
	redirect_code = 302;
	redirect_target = "tftp://10.0.0.2/file";
	CHECK_INT(fetch("http://10.0.0.1/start"), -ENOTSUP);
	CHECK_INT(stream_count, 1);
	CHECK(streams[0]->client_closed);
	reset(SERVE_LOOP);
	redirect_code = 302;
	CHECK_INT(err_base(fetch("http://10.0.0.1/a")), -ELOOP);
	CHECK(strstr(rx.reason, "loop") != NULL);
	CHECK_INT(stream_count, 2);
	reset(SERVE_ENDLESS);
	redirect_code = 301;
	CHECK_INT(err_base(fetch("http://10.0.0.1/0")), -ELOOP);
	CHECK(strstr(rx.reason, "more than 8 redirects") != NULL);
	CHECK_INT(stream_count, 9);
	CHECK_INT(rx.received, 0);
}

static void test_post(void)
{
	struct parameters *params = wb_create_parameters("form");

	wb_add_parameter(params, "name", "a b&c");
	wb_add_parameter(params, "mac", "52:54:00:12:34:56");
	reset(SERVE_POST_ECHO);
	CHECK_INT(fetch("http://10.0.0.1/echo##params=form"), 0);
	CHECK_STR(request_line(streams[0]), "POST /echo HTTP/1.1");
	CHECK(requested(streams[0], "Content-Type: application/x-www-form-urlencoded\r\n"));
	CHECK_STR((char *)rx.data, "name=a+b%26c&mac=52%3A54%3A00%3A12%3A34%3A56");
	CHECK_INT(rx.received, strlen((char *)rx.data));
	/* A list that does not exist. */
	reset(SERVE_POST_ECHO);
	CHECK_INT(err_base(fetch("http://10.0.0.1/echo##params=none")), -ENOENT);
	/* 303 turns POST into GET; 307 keeps it. */
	reset(SERVE_REDIRECT);
	redirect_code = 303;
	CHECK_INT(fetch("http://10.0.0.1/post##params=form"), 0);
	CHECK_STR(request_line(streams[0]), "POST /post HTTP/1.1");
	CHECK_STR(request_line(streams[1]), "GET /target HTTP/1.1");
	CHECK(!requested(streams[1], "Content-Length"));
	reset(SERVE_REDIRECT);
	redirect_code = 307;
	fetch("http://10.0.0.1/post##params=form");
	CHECK_STR(request_line(streams[1]), "POST /target HTTP/1.1");
}

static void test_auth(void)
{
	reset(SERVE_AUTH);
	auth_challenge = "WWW-Authenticate: Basic realm=\"boot\"\r\n";
	auth_expect = "Authorization: Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==\r\n";
	CHECK_INT(fetch("http://Aladdin:open%20sesame@10.0.0.1/secret"), 0);
	CHECK(got_document(document, DOC_LEN));
	CHECK_INT(stream_count, 2);
	CHECK(!requested(streams[0], "Authorization"));

	/* Digest: the password never travels, the response is there. */
	reset(SERVE_AUTH);
	auth_challenge = "WWW-Authenticate: Digest realm=\"boot\", nonce=\"abc\", "
			 "qop=\"auth\", opaque=\"xyz\"\r\n";
	auth_expect = "Authorization: Digest username=\"user\", realm=\"boot\", "
		      "nonce=\"abc\", uri=\"/secret\", algorithm=MD5, response=\"";
	CHECK_INT(fetch("http://user:pw@10.0.0.1/secret"), 0);
	CHECK(got_document(document, DOC_LEN));
	CHECK(requested(streams[1], "opaque=\"xyz\", qop=auth, nc=00000001, cnonce=\""));
	CHECK(!requested(streams[1], "pw"));

	/* Wrong credentials: one retry only; none: no retry. */
	reset(SERVE_AUTH);
	auth_challenge = "WWW-Authenticate: Basic realm=\"boot\"\r\n";
	CHECK_INT(err_base(fetch("http://x:y@10.0.0.1/secret")), -EACCES);
	CHECK_INT(stream_count, 2);
	CHECK(strstr(rx.reason, "HTTP/1.1 401 Unauthorized") != NULL);
	reset(SERVE_AUTH);
	CHECK_INT(err_base(fetch("http://10.0.0.1/secret")), -EACCES);
	CHECK_INT(stream_count, 1);
}

static void test_errors(void)
{
	static const struct {
		const char *status;
		int rc;
	} cases[] = {
		{ "HTTP/1.1 404 Not Found", -ENOENT },
		{ "HTTP/1.1 403 Forbidden", -EPERM },
		{ "HTTP/1.1 500 Internal Server Error", -EIO },
		{ "HTTP/1.1 503 Service Unavailable", -EIO },
		{ "HTTP/1.1 400 Bad Request", -EINVAL },
		{ "HTTP/1.1 302 Found", -EPROTO },	/* no Location */
	};
	unsigned i;

	for (i = 0; i < ARRAY_SIZE(cases); i++) {
		reset(SERVE_STATUS);
		status_text = cases[i].status;
		CHECK_INT(err_base(fetch("http://10.0.0.1/x")), cases[i].rc);
		if (!CHECK(strstr(rx.reason, cases[i].status) != NULL))
			printf("  reason: %s\n", rx.reason);
		CHECK_INT(rx.received, 0);
		CHECK_INT(stream_count, 1);
	}
	/* Malformed heads are errors, not retried. */
	reset(SERVE_RAW);
	raw_response = "HTTP/1.1 200 OK\r\nContent-Length: -3\r\n\r\nabc";
	CHECK_INT(err_base(fetch("http://10.0.0.1/x")), -EINVAL);
	CHECK(strstr(rx.reason, "malformed") != NULL);
	reset(SERVE_RAW);
	raw_response = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
		       "5\r\nabcdeXX";
	CHECK_INT(err_base(fetch("http://10.0.0.1/x")), -EPROTO);
	CHECK(strstr(rx.reason, "chunked") != NULL);
	/* A head that never ends. */
	reset(SERVE_RAW);
	{
		static char endless[HTTP_HEAD_MAX + 100];

		memset(endless, 'a', sizeof(endless) - 1);
		memcpy(endless, "HTTP/1.1 200 OK\r\nX: ", 20);
		raw_response = endless;
		CHECK_INT(err_base(fetch("http://10.0.0.1/x")), -E2BIG);
	}
	/* An unknown host name is an error from the resolver. */
	reset(SERVE_LENGTH);
	CHECK(fetch("http:///nohost") < 0);
}

static void test_resume(void)
{
	/* Closed right after the head: nothing to resume, all again. */
	reset(SERVE_LENGTH);
	cut_at[0] = 0;
	behaviour = SERVE_RAW;
	raw_response = "HTTP/1.1 200 OK\r\nContent-Length: 10\r\nETag: \"v1\"\r\n\r\n";
	retries_setting = "2";
	CHECK(fetch("http://10.0.0.1/x") < 0);
	CHECK_INT(stream_count, 3);
	CHECK(strstr(rx.reason, "connection lost after 0 bytes, 2 retries") != NULL);

	/* A reset mid-body: the rest with Range and If-Range. */
	reset(SERVE_LENGTH);
	cut_at[0] = 30000;
	cut_reset = true;
	CHECK_INT(fetch("http://10.0.0.1/big"), 0);
	CHECK(got_document(document, DOC_LEN));
	CHECK_INT(stream_count, 2);
	CHECK(requested(streams[1], "\r\nRange: bytes=30000-\r\nIf-Range: \"v1\"\r\n"));
	CHECK_INT(rx.restarts, 0);
	CHECK(!rx.discontiguous);

	/* A clean close mid-body, twice. */
	reset(SERVE_LENGTH);
	cut_at[0] = 1000;
	cut_at[1] = 2000;
	CHECK_INT(fetch("http://10.0.0.1/big"), 0);
	CHECK(got_document(document, DOC_LEN));
	CHECK_INT(stream_count, 3);
	CHECK(requested(streams[2], "Range: bytes=3000-\r\n"));

	/* The document changed: the server sends it all, we start again. */
	reset(SERVE_LENGTH);
	cut_at[0] = 40000;
	cut_reset = true;
	etag_changes = true;
	CHECK_INT(fetch("http://10.0.0.1/big"), 0);
	CHECK(got_document(other_document, sizeof(other_document)));
	CHECK_INT(rx.restarts, 1);
	CHECK(rx.has_size && rx.size == sizeof(other_document));

	/* No validator: a resumed range could splice; fetch all again. */
	reset(SERVE_LENGTH);
	cut_at[0] = 40000;
	no_validator = true;
	CHECK_INT(fetch("http://10.0.0.1/big"), 0);
	CHECK(got_document(document, DOC_LEN));
	CHECK(!requested(streams[1], "Range"));
	CHECK_INT(rx.restarts, 1);

	/* Silence: after http-timeout the connection is dropped. */
	reset(SERVE_LENGTH);
	cut_at[0] = 5000;
	cut_stall = true;
	timeout_setting = "3";
	{
		uint64_t start = fake_now;

		CHECK_INT(fetch("http://10.0.0.1/big"), 0);
		CHECK(got_document(document, DOC_LEN));
		CHECK(fake_now - start >= 4000000 && fake_now - start < 8000000);
		CHECK(streams[0]->client_closed);
		CHECK(requested(streams[1], "Range: bytes=5000-\r\n"));
	}

	/* A server that never answered is not waited for. */
	reset(SERVE_LENGTH);
	stream_refuse = 1;
	CHECK_INT(err_base(fetch("http://10.0.0.1/big")), -ECONNREFUSED);
	CHECK_INT(stream_count, 1);
	reset(SERVE_SILENT);
	timeout_setting = "2";
	CHECK_INT(err_base(fetch("http://10.0.0.1/big")), -ETIMEDOUT);
	CHECK_INT(stream_count, 1);

	/* Refused connections after the server answered, as while it
	 * restarts: back-off. */
	reset(SERVE_LENGTH);
	cut_at[0] = 1000;
	{
		uint64_t start;

		refuse_after_first = 3;
		start = fake_now;
		CHECK_INT(fetch("http://10.0.0.1/big"), 0);
		CHECK(got_document(document, DOC_LEN));
		CHECK_INT(stream_count, 5);
		/* 1 + 2 + 4 + 8 s of back-off */
		CHECK(fake_now - start >= 15000000);
	}
	reset(SERVE_LENGTH);
	cut_at[0] = 1000;
	refuse_after_first = 10;
	retries_setting = "3";
	CHECK_INT(err_base(fetch("http://10.0.0.1/big")), -ECONNREFUSED);
	CHECK_INT(stream_count, 4);
	CHECK(strstr(rx.reason, "3 retries") != NULL);
}

static void test_cancel(void)
{
	/* The receiver closes from inside a delivery: the connection goes. */
	reset(SERVE_LENGTH);
	rx.cancel_after = 5000;
	CHECK_INT(err_base(fetch("http://10.0.0.1/big")), -ECANCELED);
	fake_run(100000);
	CHECK(streams[0]->client_closed);
	CHECK_INT(stream_count, 1);
	/* A receiver that fails: the error ends the request. */
	reset(SERVE_LENGTH);
	rx.refuse_rc = -ENOSPC;
	fetch("http://10.0.0.1/big");
	fake_run(100000);
	CHECK(streams[0]->client_closed);
	CHECK_INT(stream_count, 1);
}

int main(void)
{
	size_t i;

	for (i = 0; i < DOC_LEN; i++)
		document[i] = (uint8_t)(i * 7 + (i >> 8));
	for (i = 0; i < sizeof(other_document); i++)
		other_document[i] = (uint8_t)(i * 13 + 1);
	test_length();
	test_flow_control();
	test_chunked();
	test_to_close();
	test_redirects();
	test_post();
	test_auth();
	test_errors();
	test_resume();
	test_cancel();
	stream_reset();
	sink_release(&rx);
	return unit_finish();
}
