/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * TLS client connections over wolfSSL (see wireboot/tls.h).
 *
 * A connection is a filter object with two interfaces: "plain" to the
 * user (HTTP) and "cipher" to TCP. wolfSSL does the protocol; it reads and
 * writes through our callbacks, never blocking: what TCP delivered waits
 * in a queue (net/tls_record.h) that the receive callback reads from, and
 * "would block" when it runs dry; the send callback hands records to TCP.
 * Every event (TCP connected, data, a window opening, the close) runs the
 * state machine once: handshake until wolfSSL says it is done, then read
 * plaintext for as long as the user's window allows.
 *
 * Flow control goes through: the window we offer TCP is what the user
 * accepts plus room for one whole record (a record can only be decrypted
 * whole), so a slow consumer slows the server down and nothing is dropped.
 *
 * Before wolfSSL sees anything, the first bytes from the server are
 * checked for a TLS record header, so that a plain HTTP server or garbage
 * on the port is named as such. Certificate problems are caught in the
 * verify callback, which keeps the certificate at fault for the message
 * (crypto/tls_error.c).
 *
 * One wolfSSL context serves every connection: the roots of the
 * certificate store, loaded again when the store has changed, and the
 * client certificate built in with CERT=/PRIVKEY= (util/mkclientcert).
 */

#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <net/socket.h>
#include <net/tls_record.h>
#include <wireboot/certstore.h>
#include <wireboot/debug.h>
#include <wireboot/errfile.h>
#include <wireboot/features.h>
#include <wireboot/iobuf.h>
#include <wireboot/random.h>
#include <wireboot/retry.h>
#include <wireboot/tls.h>
#include <wireboot/x509.h>
#include <wireboot/xfer.h>
#include "tls_error.h"

#include <wolfssl/wolfcrypt/settings.h>
#include <wolfssl/ssl.h>
#include <wolfssl/error-ssl.h>
#include <wolfssl/wolfcrypt/error-crypt.h>

#define ERRFILE ERRFILE_tls

FEATURE("tls");

/* The most plaintext asked of wolfSSL at once: one record's worth. */
#define TLS_READ_MAX 16384
/* What the handshake may have in flight from the server (certificate
 * chains of a few records). */
#define TLS_HANDSHAKE_WINDOW 65536

/*
 * ChaCha20-Poly1305 first: without AES instructions (the firmware uses
 * none) it is the faster of the two in C, and it has no table lookups
 * indexed by secrets, as software AES has. Servers mostly follow the
 * client's order.
 */
#define TLS_CIPHERS \
	"TLS13-CHACHA20-POLY1305-SHA256:TLS13-AES128-GCM-SHA256:" \
	"TLS13-AES256-GCM-SHA384:" \
	"ECDHE-ECDSA-CHACHA20-POLY1305:ECDHE-RSA-CHACHA20-POLY1305:" \
	"ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-GCM-SHA256:" \
	"ECDHE-ECDSA-AES256-GCM-SHA384:ECDHE-RSA-AES256-GCM-SHA384"

/* Written by util/mkclientcert (CERT= and PRIVKEY=; empty without). */
extern const uint8_t tls_client_cert[], tls_client_key[];
extern const size_t tls_client_cert_len, tls_client_key_len;

enum tls_state {
	TLS_CONNECTING,		/* waiting for TCP */
	TLS_HANDSHAKE,
	TLS_OPEN,
	TLS_CLOSED,
};

struct tls {
	struct refcnt refcnt;
	struct interface plain;		/* to the user */
	struct interface cipher;	/* to TCP */
	enum tls_state state;
	WOLFSSL *ssl;
	char *host;
	struct tls_rxq rxq;
	bool sniffed;		/* the first record header looked at */
	bool peer_closed;	/* TCP closed cleanly: no more will come */
	bool stepping;		/* inside tls_step (wolfSSL calls us back) */
	struct io_buffer *pending;	/* plaintext wolfSSL could not send yet */
	struct tls_failure failure;	/* what the verifier found */
	uint8_t *failed_cert;
	/* A connection that could not start says why from the main loop,
	 * once the user is plugged in (never inside the opener). */
	struct retry_timer start_failed;
	int start_rc;
	const char *start_reason;
};

static WOLFSSL_CTX *tls_ctx;
static unsigned tls_ctx_generation;

/* ---- the context ------------------------------------------------------------ */

/*
 * Roots wolfSSL refused for a key below WOLFSSL_MIN_RSA_BITS or
 * WOLFSSL_MIN_ECC_BITS, copied when the context is made: such a root
 * vouches for no one, and a chain that ends at one is refused naming its
 * weak key rather than as an unknown issuer (the store lists the root,
 * so "untrusted" would mislead). A few are kept; more are only unnamed.
 */
#define TLS_WEAK_ROOTS 4
static struct {
	uint8_t *der;
	size_t len;
} weak_roots[TLS_WEAK_ROOTS];
static unsigned weak_root_count;

static void forget_weak_roots(void)
{
	while (weak_root_count) {
		weak_root_count--;
		free(weak_roots[weak_root_count].der);
		weak_roots[weak_root_count].der = NULL;
	}
}

static int load_root(const struct cert_entry *cert, void *ctx)
{
	int rc;

	/* A root's own dates are not checked (RFC 5280 6.1: a trust anchor
	 * is trusted as configured); a clock that is wrong then shows as
	 * the server certificate's dates, which the message names. */
	rc = wolfSSL_CTX_load_verify_buffer_ex(ctx, cert->der, (long)cert->len,
					       WOLFSSL_FILETYPE_ASN1, 0,
					       WOLFSSL_LOAD_FLAG_DATE_ERR_OKAY);
	if ((rc == RSA_KEY_SIZE_E || rc == ECC_KEY_SIZE_E) &&
	    weak_root_count < TLS_WEAK_ROOTS) {
		uint8_t *copy = malloc(cert->len);

		if (copy) {
			memcpy(copy, cert->der, cert->len);
			weak_roots[weak_root_count].der = copy;
			weak_roots[weak_root_count++].len = cert->len;
		}
	}
	return 0;
}

/* The index of the refused weak root whose subject is the issuer of der,
 * or TLS_WEAK_ROOTS if there is none. */
static unsigned find_weak_root(const uint8_t *der, size_t len)
{
	struct x509_outline cert, root;

	if (!der || x509_outline(der, len, &cert))
		return TLS_WEAK_ROOTS;
	for (unsigned i = 0; i < weak_root_count; i++)
		if (!x509_outline(weak_roots[i].der, weak_roots[i].len, &root) &&
		    root.subject_len == cert.issuer_len &&
		    !memcmp(root.subject, cert.issuer, cert.issuer_len))
			return i;
	return TLS_WEAK_ROOTS;
}

static int tls_verify(int ok, WOLFSSL_X509_STORE_CTX *store);

static WOLFSSL_CTX *tls_context(int *rc)
{
	unsigned generation = certstore_generation();
	WOLFSSL_CTX *ctx;

	if (tls_ctx && tls_ctx_generation == generation)
		return tls_ctx;
	if (wolfSSL_Init() != WOLFSSL_SUCCESS) {
		*rc = -EUNIQ(EIO, 1);
		return NULL;
	}
	ctx = wolfSSL_CTX_new(wolfSSLv23_client_method());
	if (!ctx) {
		*rc = -EUNIQ(ENOMEM, 2);
		return NULL;
	}
	wolfSSL_CTX_SetMinVersion(ctx, WOLFSSL_TLSV1_2);
	wolfSSL_CTX_set_cipher_list(ctx, TLS_CIPHERS);
	wolfSSL_CTX_set_verify(ctx, WOLFSSL_VERIFY_PEER, tls_verify);
	forget_weak_roots();
	certstore_foreach(load_root, ctx);
	if (tls_client_cert_len &&
	    (wolfSSL_CTX_use_certificate_buffer(ctx, tls_client_cert,
						(long)tls_client_cert_len,
						WOLFSSL_FILETYPE_ASN1) != WOLFSSL_SUCCESS ||
	     wolfSSL_CTX_use_PrivateKey_buffer(ctx, tls_client_key,
					       (long)tls_client_key_len,
					       WOLFSSL_FILETYPE_ASN1) != WOLFSSL_SUCCESS))
		printf("TLS: the built-in client certificate or key is not "
		       "usable; connecting without\n");
	if (tls_ctx)
		wolfSSL_CTX_free(tls_ctx);
	tls_ctx = ctx;
	tls_ctx_generation = generation;
	return ctx;
}

/* ---- ending ----------------------------------------------------------------- */

static void tls_free(struct refcnt *refcnt)
{
	struct tls *tls = container_of(refcnt, struct tls, refcnt);

	if (tls->ssl)
		wolfSSL_free(tls->ssl);
	tls_rxq_flush(&tls->rxq);
	free_iob(tls->pending);
	free(tls->failed_cert);
	free(tls->host);
	free(tls);
}

static void tls_finish(struct tls *tls, int rc)
{
	stop_timer(&tls->start_failed);
	if (tls->state == TLS_CLOSED)
		return;
	DBG("TLS %s: closed: %s\n", tls->host, strerror(rc));
	tls->state = TLS_CLOSED;
	tls_rxq_flush(&tls->rxq);
	intf_shutdown(&tls->cipher, rc);
	intf_shutdown(&tls->plain, rc);
}

static void tls_fail_text(struct tls *tls, int rc, const char *reason)
{
	if (tls->state == TLS_CLOSED)
		return;
	DBG("TLS %s: %s\n", tls->host, reason);
	intf_reason(&tls->plain, reason);
	tls_finish(tls, rc);
}

/* Fails with wolfSSL's error code (or the verifier's, if it found one). */
static void tls_fail(struct tls *tls, int code)
{
	WOLFSSL_ALERT_HISTORY alerts;
	char reason[192];
	int rc;

	if (!tls->failure.code)
		tls->failure.code = code;
	tls->failure.alert = -1;
	if (code == FATAL_ERROR &&
	    wolfSSL_get_alert_history(tls->ssl, &alerts) == WOLFSSL_SUCCESS &&
	    alerts.last_rx.code >= 0)
		tls->failure.alert = alerts.last_rx.code;
	if (tls->failure.code == ASN_NO_SIGNER_E) {
		unsigned weak = find_weak_root(tls->failure.cert,
					       tls->failure.cert_len);

		if (weak < weak_root_count) {
			tls->failure.weak_root = weak_roots[weak].der;
			tls->failure.weak_root_len = weak_roots[weak].len;
		}
	}
	rc = tls_failure_reason(&tls->failure, reason, sizeof(reason));
	/* The root's copy may go with the next context. */
	tls->failure.weak_root = NULL;
	tls_fail_text(tls, rc, reason);
}

/* ---- wolfSSL's side: verification and I/O ----------------------------------- */

/* Keeps the first failure and the certificate it concerns; wolfSSL goes
 * on failing the handshake with its own code. */
static int tls_verify(int ok, WOLFSSL_X509_STORE_CTX *store)
{
	struct tls *tls = store->userCtx;	/* wolfSSL_SetCertCbCtx */
	int depth = store->error_depth;

	if (ok || !tls || tls->failure.code)
		return ok;
	tls->failure.code = store->error;
	if (store->certs && depth >= 0 && depth < store->totalCerts) {
		const WOLFSSL_BUFFER_INFO *cert = &store->certs[depth];

		tls->failed_cert = malloc(cert->length);
		if (tls->failed_cert) {
			memcpy(tls->failed_cert, cert->buffer, cert->length);
			tls->failure.cert = tls->failed_cert;
			tls->failure.cert_len = cert->length;
		}
	}
	return 0;
}

static int tls_recv(WOLFSSL *ssl, char *buf, int len, void *ctx)
{
	struct tls *tls = ctx;
	size_t got = tls_rxq_pull(&tls->rxq, buf, (size_t)len);

	(void)ssl;
	if (got)
		return (int)got;
	return tls->peer_closed ? WOLFSSL_CBIO_ERR_CONN_CLOSE
				: WOLFSSL_CBIO_ERR_WANT_READ;
}

static int tls_send(WOLFSSL *ssl, char *buf, int len, void *ctx)
{
	struct tls *tls = ctx;
	struct io_buffer *iob;

	(void)ssl;
	if (!xfer_window(&tls->cipher))
		return WOLFSSL_CBIO_ERR_WANT_WRITE;
	iob = xfer_alloc_iob(&tls->cipher, (size_t)len);
	if (!iob)
		return WOLFSSL_CBIO_ERR_GENERAL;
	memcpy(iob_put(iob, (size_t)len), buf, (size_t)len);
	if (xfer_deliver(&tls->cipher, iob, NULL) != 0)
		return WOLFSSL_CBIO_ERR_CONN_CLOSE;
	return len;
}

/* ---- the state machine -------------------------------------------------------- */

/* The first bytes must be a TLS record; false if the connection ended. */
static bool tls_sniff_first(struct tls *tls)
{
	uint8_t head[TLS_RECORD_HEADER];
	size_t len = tls_rxq_peek(&tls->rxq, head, sizeof(head));

	switch (tls_sniff(head, len)) {
	case TLS_SNIFF_TLS:
		tls->sniffed = true;
		return true;
	case TLS_SNIFF_HTTP:
		tls_fail_text(tls, -EUNIQ(EPROTO, 3), "TLS: the server answered "
			      "in plain HTTP (is this an http:// port?)");
		return false;
	case TLS_SNIFF_OTHER:
		tls_fail_text(tls, -EUNIQ(EPROTO, 4), "TLS: the server does "
			      "not speak TLS (no TLS record)");
		return false;
	default:
		if (tls->peer_closed) {
			tls_fail_text(tls, -EUNIQ(ECONNRESET, 5), "TLS: the "
				      "server closed the connection during "
				      "the handshake");
			return false;
		}
		return true;
	}
}

static bool tls_handshake(struct tls *tls)
{
	int ret, err;

	if (!tls->sniffed && tls->rxq.len + tls->peer_closed &&
	    !tls_sniff_first(tls))
		return false;
	ret = wolfSSL_connect(tls->ssl);
	if (ret == WOLFSSL_SUCCESS) {
		DBG("TLS %s: %s %s\n", tls->host, wolfSSL_get_version(tls->ssl),
		    wolfSSL_get_cipher_name(tls->ssl));
		tls->state = TLS_OPEN;
		xfer_window_changed(&tls->plain);
		return tls->state == TLS_OPEN;
	}
	err = wolfSSL_get_error(tls->ssl, ret);
	if (err == WOLFSSL_ERROR_WANT_READ || err == WOLFSSL_ERROR_WANT_WRITE)
		return false;
	tls_fail(tls, err);
	return false;
}

/* Sends what the user delivered while wolfSSL could not; false while it
 * still cannot (or the connection failed). */
static bool tls_flush_pending(struct tls *tls)
{
	int ret, err;

	if (!tls->pending)
		return true;
	ret = wolfSSL_write(tls->ssl, tls->pending->data,
			    (int)iob_len(tls->pending));
	if (ret > 0) {
		free_iob(tls->pending);
		tls->pending = NULL;
		return true;
	}
	err = wolfSSL_get_error(tls->ssl, ret);
	if (err != WOLFSSL_ERROR_WANT_WRITE)
		tls_fail(tls, err);
	return false;
}

static void tls_read(struct tls *tls)
{
	size_t window;

	while (tls->state == TLS_OPEN && (window = xfer_window(&tls->plain))) {
		size_t want = window < TLS_READ_MAX ? window : TLS_READ_MAX;
		struct io_buffer *iob = xfer_alloc_iob(&tls->plain, want);
		int ret, err;

		if (!iob) {
			tls_fail_text(tls, -EUNIQ(ENOMEM, 6), "TLS: out of memory");
			return;
		}
		ret = wolfSSL_read(tls->ssl, iob_put(iob, want), (int)want);
		if (ret > 0) {
			iob_unput(iob, want - (size_t)ret);
			xfer_deliver(&tls->plain, iob, NULL);
			continue;
		}
		free_iob(iob);
		err = wolfSSL_get_error(tls->ssl, ret);
		if (err == WOLFSSL_ERROR_WANT_READ)
			return;
		if (err == WOLFSSL_ERROR_ZERO_RETURN ||
		    err == SOCKET_PEER_CLOSED_E) {
			/* close_notify, or TCP's clean close with nothing
			 * left: the user judges whether it was complete. */
			tls_finish(tls, 0);
			return;
		}
		tls_fail(tls, err);
	}
}

static void tls_step(struct tls *tls)
{
	if (tls->stepping)
		return;
	tls->stepping = true;
	ref_get(&tls->refcnt);
	if (tls->state == TLS_CONNECTING && xfer_window(&tls->cipher))
		tls->state = TLS_HANDSHAKE;
	if (tls->state == TLS_HANDSHAKE && !tls_handshake(tls) &&
	    tls->state == TLS_HANDSHAKE && tls->peer_closed)
		tls_fail(tls, SOCKET_PEER_CLOSED_E);
	if (tls->state == TLS_OPEN && tls_flush_pending(tls))
		tls_read(tls);
	/* What we take from TCP may have changed. */
	if (tls->state != TLS_CLOSED)
		xfer_window_changed(&tls->cipher);
	tls->stepping = false;
	ref_put(&tls->refcnt);
}

/* ---- TCP's side ----------------------------------------------------------------- */

static int tls_cipher_deliver(struct interface *cipher, struct io_buffer *iob,
			      struct xfer_metadata *meta)
{
	struct tls *tls = container_of(cipher, struct tls, cipher);

	(void)meta;
	if (tls->state == TLS_CLOSED) {
		free_iob(iob);
		return -EUNIQ(ENOTCONN, 7);
	}
	tls_rxq_push(&tls->rxq, iob);
	tls_step(tls);
	return 0;
}

static size_t tls_cipher_window(struct interface *cipher)
{
	struct tls *tls = container_of(cipher, struct tls, cipher);
	size_t want;

	switch (tls->state) {
	case TLS_CONNECTING:
	case TLS_HANDSHAKE:
		want = TLS_HANDSHAKE_WINDOW;
		break;
	case TLS_OPEN:
		want = xfer_window(&tls->plain);
		if (!want)
			return 0;
		/* Room for whole records, and their headers and tags. */
		if (want < TLS_RECORD_MAX + TLS_RECORD_HEADER)
			want = TLS_RECORD_MAX + TLS_RECORD_HEADER;
		want += want / 16;
		break;
	default:
		return 0;
	}
	return want > tls->rxq.len ? want - tls->rxq.len : 0;
}

static void tls_cipher_window_changed(struct interface *cipher)
{
	struct tls *tls = container_of(cipher, struct tls, cipher);

	tls_step(tls);
	if (tls->state == TLS_OPEN)
		xfer_window_changed(&tls->plain);
}

static void tls_cipher_close(struct interface *cipher, int rc)
{
	struct tls *tls = container_of(cipher, struct tls, cipher);

	intf_restart(&tls->cipher, rc);
	if (rc) {
		tls_finish(tls, rc);
		return;
	}
	tls->peer_closed = true;
	tls_step(tls);
}

static const struct interface_operations tls_cipher_operations = {
	.deliver = tls_cipher_deliver,
	.window = tls_cipher_window,
	.window_changed = tls_cipher_window_changed,
	.close = tls_cipher_close,
};

/* ---- the user's side ---------------------------------------------------------------- */

static int tls_plain_deliver(struct interface *plain, struct io_buffer *iob,
			     struct xfer_metadata *meta)
{
	struct tls *tls = container_of(plain, struct tls, plain);

	(void)meta;
	if (tls->state != TLS_OPEN || tls->pending) {
		free_iob(iob);
		return -EUNIQ(ENOTCONN, 8);
	}
	if (!iob_len(iob)) {
		free_iob(iob);
		return 0;
	}
	tls->pending = iob;
	ref_get(&tls->refcnt);
	tls_flush_pending(tls);
	ref_put(&tls->refcnt);
	return tls->state == TLS_CLOSED ? -EUNIQ(ENOTCONN, 9) : 0;
}

/* The user may send once the handshake is done, as much as TCP takes. */
static size_t tls_plain_window(struct interface *plain)
{
	struct tls *tls = container_of(plain, struct tls, plain);

	if (tls->state != TLS_OPEN || tls->pending)
		return 0;
	return xfer_window(&tls->cipher);
}

static void tls_plain_window_changed(struct interface *plain)
{
	tls_step(container_of(plain, struct tls, plain));
}

static void tls_plain_close(struct interface *plain, int rc)
{
	struct tls *tls = container_of(plain, struct tls, plain);

	if (tls->state == TLS_OPEN && xfer_window(&tls->cipher))
		wolfSSL_shutdown(tls->ssl);	/* close_notify, best effort */
	tls_finish(tls, rc);
}

static const struct interface_operations tls_plain_operations = {
	.deliver = tls_plain_deliver,
	.window = tls_plain_window,
	.window_changed = tls_plain_window_changed,
	.close = tls_plain_close,
};

/* ---- opening ------------------------------------------------------------------------ */

/* An IPv4 or IPv6 address literal rather than a name. */
static bool is_address(const char *host)
{
	return strchr(host, ':') || strspn(host, "0123456789.") == strlen(host);
}

static int tls_setup(struct tls *tls, const char *host)
{
	WOLFSSL_CTX *ctx;
	uint8_t probe;
	int rc = 0;

	tls->host = strdup(host);
	if (!tls->host)
		return -EUNIQ(ENOMEM, 10);
	/* wolfSSL seeds each session's DRBG from the entropy source that
	 * random_bytes() uses: without one there is no TLS. */
	rc = random_bytes(&probe, sizeof(probe));
	if (rc) {
		tls->start_reason = "TLS: no entropy source for the random "
				    "numbers TLS needs";
		return rc;
	}
	ctx = tls_context(&rc);
	if (!ctx)
		return rc;
	tls->ssl = wolfSSL_new(ctx);
	if (!tls->ssl)
		return -EUNIQ(ENOMEM, 11);
	wolfSSL_SetCertCbCtx(tls->ssl, tls);
	wolfSSL_SetIOReadCtx(tls->ssl, tls);
	wolfSSL_SetIOWriteCtx(tls->ssl, tls);
	wolfSSL_SSLSetIORecv(tls->ssl, tls_recv);
	wolfSSL_SSLSetIOSend(tls->ssl, tls_send);
	/* SNI carries names only, never address literals (RFC 6066 3). */
	if ((!is_address(host) &&
	     wolfSSL_UseSNI(tls->ssl, WOLFSSL_SNI_HOST_NAME, host,
			    (unsigned short)strlen(host)) != WOLFSSL_SUCCESS) ||
	    wolfSSL_check_domain_name(tls->ssl, host) != WOLFSSL_SUCCESS)
		return -EUNIQ(ENOMEM, 12);
	return 0;
}

static void tls_start_failed(struct retry_timer *timer, bool fail)
{
	struct tls *tls = container_of(timer, struct tls, start_failed);

	(void)fail;
	tls_fail_text(tls, tls->start_rc, tls->start_reason);
}

int tls_open_named(struct interface *xfer, const char *host, uint16_t port)
{
	struct tls *tls = zalloc(sizeof(*tls));
	int rc;

	if (!tls)
		return -EUNIQ(ENOMEM, 13);
	ref_init(&tls->refcnt, tls_free);
	intf_init(&tls->plain, &tls_plain_operations, &tls->refcnt);
	intf_init(&tls->cipher, &tls_cipher_operations, &tls->refcnt);
	retry_init(&tls->start_failed, tls_start_failed, 0, 0);
	tls_rxq_init(&tls->rxq);
	rc = tls_setup(tls, host);
	if (rc && tls->start_reason) {
		/* The user's interface holds the object until then; its
		 * close stops the timer. */
		tls->start_rc = rc;
		start_timer_fixed(&tls->start_failed, 0);
		rc = 0;
	} else if (rc == 0) {
		rc = xfer_open_named_socket(&tls->cipher, SOCK_STREAM, host,
					    port, NULL);
	}
	if (rc == 0)
		intf_plug_plug(&tls->plain, xfer);
	ref_put(&tls->refcnt);
	return rc;
}
