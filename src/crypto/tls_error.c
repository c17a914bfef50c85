/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * wolfSSL's error codes as error numbers and sentences (wolfSSL is built
 * without its own strings). Certificate problems name the certificate's
 * subject and dates, read with our own X.509 outline parser, so that the
 * message says what is wrong with which certificate: an untrusted issuer,
 * the name it is for, the date it expired.
 */

#include <errno.h>
#include <stdio.h>
#include <wireboot/errfile.h>
#include <wireboot/x509.h>
#include "tls_error.h"

#include <wolfssl/wolfcrypt/settings.h>
#include <wolfssl/ssl.h>
#include <wolfssl/error-ssl.h>
#include <wolfssl/wolfcrypt/error-crypt.h>

#define ERRFILE ERRFILE_tls_error

const char *tls_alert_name(int alert)
{
	static const struct {
		uint8_t code;
		const char *name;
	} alerts[] = {
		{ 0, "close_notify" }, { 10, "unexpected_message" },
		{ 20, "bad_record_mac" }, { 22, "record_overflow" },
		{ 40, "handshake_failure" }, { 42, "bad_certificate" },
		{ 43, "unsupported_certificate" }, { 44, "certificate_revoked" },
		{ 45, "certificate_expired" }, { 46, "certificate_unknown" },
		{ 47, "illegal_parameter" }, { 48, "unknown_ca" },
		{ 49, "access_denied" }, { 50, "decode_error" },
		{ 51, "decrypt_error" }, { 70, "protocol_version" },
		{ 71, "insufficient_security" }, { 80, "internal_error" },
		{ 86, "inappropriate_fallback" }, { 90, "user_canceled" },
		{ 109, "missing_extension" }, { 110, "unsupported_extension" },
		{ 112, "unrecognized_name" },
		{ 113, "bad_certificate_status_response" },
		{ 115, "unknown_psk_identity" }, { 116, "certificate_required" },
		{ 120, "no_application_protocol" },
	};
	size_t i;

	for (i = 0; i < sizeof(alerts) / sizeof(alerts[0]); i++)
		if (alerts[i].code == alert)
			return alerts[i].name;
	return NULL;
}

/* "CN" (or the whole subject) of the certificate at fault. */
static void cert_name(const struct tls_failure *f, struct x509_outline *out,
		      char *buf, size_t len)
{
	snprintf(buf, len, "(unreadable)");
	if (!f->cert || x509_outline(f->cert, f->cert_len, out))
		return;
	if (x509_name_cn(out->subject, out->subject_len, buf, len) < 0)
		x509_name_format(out->subject, out->subject_len, buf, len);
}

int tls_failure_reason(const struct tls_failure *f, char *buf, size_t len)
{
	struct x509_outline out = { 0 };
	char name[96], issuer[96], date[X509_TIME_TEXT];
	const char *alert;

	cert_name(f, &out, name, sizeof(name));
	switch (f->code) {
	case ASN_NO_SIGNER_E:
	case ASN_SELF_SIGNED_E:
		if (f->weak_root) {
			struct x509_outline root = { 0 };
			struct tls_failure at_root = {
				.cert = f->weak_root, .cert_len = f->weak_root_len,
			};

			cert_name(&at_root, &root, issuer, sizeof(issuer));
			snprintf(buf, len, "TLS: weak key in certificate %s, the "
				 "root that issued %s (RSA below %d or ECC below "
				 "%d bits)", issuer, name, WOLFSSL_MIN_RSA_BITS,
				 WOLFSSL_MIN_ECC_BITS);
			return -EUNIQ(EACCES, 5);
		}
		if (!out.issuer ||
		    x509_name_format(out.issuer, out.issuer_len, issuer,
				     sizeof(issuer)) < 0)
			snprintf(issuer, sizeof(issuer), "(unreadable)");
		snprintf(buf, len, "TLS: untrusted issuer (%s, issued by %s)",
			 name, issuer);
		return -EUNIQ(EACCES, 1);
	case DOMAIN_NAME_MISMATCH:
	case IPADDR_MISMATCH:
		snprintf(buf, len, "TLS: name mismatch (certificate is for %s)",
			 name);
		return -EUNIQ(EACCES, 2);
	case ASN_AFTER_DATE_E:
		x509_time_format(&out.not_after, date);
		snprintf(buf, len, "TLS: certificate %s expired on %s UTC",
			 name, date);
		return -EUNIQ(EACCES, 3);
	case ASN_BEFORE_DATE_E:
		x509_time_format(&out.not_before, date);
		snprintf(buf, len, "TLS: certificate %s not valid before %s UTC "
			 "(is the clock right?)", name, date);
		return -EUNIQ(EACCES, 4);
	case RSA_KEY_SIZE_E:
	case ECC_KEY_SIZE_E:
		snprintf(buf, len, "TLS: weak key in certificate %s (RSA below "
			 "%d or ECC below %d bits)", name, WOLFSSL_MIN_RSA_BITS,
			 WOLFSSL_MIN_ECC_BITS);
		return -EUNIQ(EACCES, 5);
	case KEYUSE_SIGNATURE_E:
	case KEYUSE_ENCIPHER_E:
	case EXTKEYUSE_AUTH_E:
		snprintf(buf, len, "TLS: certificate %s is not for TLS servers "
			 "(key usage)", name);
		return -EUNIQ(EACCES, 6);
	case ASN_SIG_CONFIRM_E:
		snprintf(buf, len, "TLS: bad signature on certificate %s", name);
		return -EUNIQ(EACCES, 7);
	case SOCKET_PEER_CLOSED_E:
		snprintf(buf, len, "TLS: the server closed the connection "
			 "during the handshake");
		return -EUNIQ(ECONNRESET, 8);
	case MATCH_SUITE_ERROR:
	case VERSION_ERROR:
		snprintf(buf, len, "TLS: handshake failure (no protocol version "
			 "or cipher suite in common)");
		return -EUNIQ(EPROTO, 9);
	case RNG_FAILURE_E:
		snprintf(buf, len, "TLS: no entropy source for the random "
			 "numbers TLS needs");
		return -EUNIQ(ENOTSUP, 10);
	case MEMORY_E:
		snprintf(buf, len, "TLS: out of memory");
		return -EUNIQ(ENOMEM, 11);
	}
	alert = f->alert >= 0 ? tls_alert_name(f->alert) : NULL;
	if (alert) {
		snprintf(buf, len, "TLS: handshake failure: the server sent "
			 "alert %s", alert);
		return -EUNIQ(ECONNREFUSED, 12);
	}
	if (f->alert >= 0) {
		snprintf(buf, len, "TLS: the server sent alert %d", f->alert);
		return -EUNIQ(ECONNREFUSED, 13);
	}
	snprintf(buf, len, "TLS: handshake failure (wolfSSL error %d)", f->code);
	return -EUNIQ(EPROTO, 14);
}
