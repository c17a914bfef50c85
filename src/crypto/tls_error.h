/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef CRYPTO_TLS_ERROR_H
#define CRYPTO_TLS_ERROR_H

/* What a TLS failure means to a person: an error number and a sentence
 * (src/crypto/tls_error.c). */

#include <stddef.h>
#include <stdint.h>

struct tls_failure {
	int code;		/* wolfSSL's error, or the verifier's */
	int alert;		/* the alert the server sent, or -1 */
	const uint8_t *cert;	/* the certificate at fault, or NULL */
	size_t cert_len;
	/* For an unknown issuer: a root of that name that wolfSSL refused
	 * for its weak key, or NULL. */
	const uint8_t *weak_root;
	size_t weak_root_len;
};

/* A negative error number for f, and the reason into buf. */
int tls_failure_reason(const struct tls_failure *f, char *buf, size_t len);

/* The name of a TLS alert (RFC 8446 6), or NULL for an unknown one. */
const char *tls_alert_name(int alert);

#endif
