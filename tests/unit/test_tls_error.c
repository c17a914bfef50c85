/* SPDX-License-Identifier: GPL-2.0-or-later */
// FIRMWARE_SOURCES: src/crypto/tls_error.c src/core/x509_parse.c src/core/string.c src/core/vsprintf.c
/*
 * wolfSSL's failures as people read them: each certificate problem names
 * the certificate (its CN, else its subject) and what is wrong (the
 * issuer, the dates), an alert is named, a certificate that cannot be
 * read or is missing still gives a sentence, and every reason comes with
 * the error number the download layer reports. wolfSSL's codes are
 * written out here as its error-crypt.h and error-ssl.h define them.
 */

#include <errno.h>
#include <stdio.h>
#include <crypto/tls_error.h>
#include "cert_fixture.h"
#include "unit.h"

int wb_tls_failure_reason(const struct tls_failure *f, char *buf, size_t len);
const char *wb_tls_alert_name(int alert);

enum {
	ASN_BEFORE_DATE_E = -150, ASN_AFTER_DATE_E = -151,
	ASN_SIG_CONFIRM_E = -155, ASN_NO_SIGNER_E = -188,
	FATAL_ERROR = -313, DOMAIN_NAME_MISMATCH = -322,
	SOCKET_PEER_CLOSED_E = -397, RSA_KEY_SIZE_E = -409,
	MATCH_SUITE_ERROR = -501, RNG_FAILURE_E = -199,
};

static int reason(int code, int alert, const struct der_buf *cert, char *buf,
		  size_t len)
{
	struct tls_failure f = { .code = code, .alert = alert,
				 .cert = cert ? cert->data : NULL,
				 .cert_len = cert ? cert->len : 0 };

	return wb_tls_failure_reason(&f, buf, len);
}

int main(void)
{
	struct der_buf cert, broken;
	char text[192];

	make_cert(&cert, "Some Root", "boot.example", "240101000000Z",
		  "260101000000Z");
	CHECK_ERR(reason(ASN_NO_SIGNER_E, -1, &cert, text, sizeof(text)), -EACCES);
	CHECK_STR(text, "TLS: untrusted issuer (boot.example, issued by O=Test Org, CN=Some Root)");
	CHECK_ERR(reason(DOMAIN_NAME_MISMATCH, -1, &cert, text, sizeof(text)), -EACCES);
	CHECK_STR(text, "TLS: name mismatch (certificate is for boot.example)");
	CHECK_ERR(reason(ASN_AFTER_DATE_E, -1, &cert, text, sizeof(text)), -EACCES);
	CHECK_STR(text, "TLS: certificate boot.example expired on 2026-01-01 00:00:00 UTC");
	CHECK_ERR(reason(ASN_BEFORE_DATE_E, -1, &cert, text, sizeof(text)), -EACCES);
	CHECK_STR(text, "TLS: certificate boot.example not valid before 2024-01-01 "
		  "00:00:00 UTC (is the clock right?)");
	CHECK_ERR(reason(RSA_KEY_SIZE_E, -1, &cert, text, sizeof(text)), -EACCES);
	CHECK(strstr(text, "weak key in certificate boot.example") != NULL);
	/* An issuer that is a root refused for its weak key: named as such. */
	{
		struct der_buf root;
		struct tls_failure f = { .code = ASN_NO_SIGNER_E, .alert = -1,
					 .cert = cert.data, .cert_len = cert.len };

		make_cert(&root, "Some Root", "Some Root", "240101000000Z",
			  "260101000000Z");
		f.weak_root = root.data;
		f.weak_root_len = root.len;
		CHECK_ERR(wb_tls_failure_reason(&f, text, sizeof(text)), -EACCES);
		CHECK_STR(text, "TLS: weak key in certificate Some Root, the root that "
			  "issued boot.example (RSA below 2048 or ECC below 256 bits)");
	}
	CHECK_ERR(reason(ASN_SIG_CONFIRM_E, -1, &cert, text, sizeof(text)), -EACCES);
	CHECK_STR(text, "TLS: bad signature on certificate boot.example");

	/* No certificate, or one that does not parse: still a sentence. */
	CHECK_ERR(reason(ASN_NO_SIGNER_E, -1, NULL, text, sizeof(text)), -EACCES);
	CHECK_STR(text, "TLS: untrusted issuer ((unreadable), issued by (unreadable))");
	broken = cert;
	broken.len--;
	CHECK_ERR(reason(DOMAIN_NAME_MISMATCH, -1, &broken, text, sizeof(text)), -EACCES);
	CHECK_STR(text, "TLS: name mismatch (certificate is for (unreadable))");

	/* The handshake: alerts by name, known failures, anything else. */
	CHECK_ERR(reason(FATAL_ERROR, 40, NULL, text, sizeof(text)), -ECONNREFUSED);
	CHECK_STR(text, "TLS: handshake failure: the server sent alert handshake_failure");
	CHECK_ERR(reason(FATAL_ERROR, 200, NULL, text, sizeof(text)), -ECONNREFUSED);
	CHECK_STR(text, "TLS: the server sent alert 200");
	CHECK_ERR(reason(SOCKET_PEER_CLOSED_E, -1, NULL, text, sizeof(text)), -ECONNRESET);
	CHECK_ERR(reason(MATCH_SUITE_ERROR, -1, NULL, text, sizeof(text)), -EPROTO);
	CHECK_ERR(reason(RNG_FAILURE_E, -1, NULL, text, sizeof(text)), -ENOTSUP);
	CHECK(strstr(text, "no entropy source") != NULL);
	CHECK_ERR(reason(-12345, -1, NULL, text, sizeof(text)), -EPROTO);
	CHECK_STR(text, "TLS: handshake failure (wolfSSL error -12345)");
	/* A short buffer is cut and terminated. */
	reason(DOMAIN_NAME_MISMATCH, -1, &cert, text, 10);
	CHECK_STR(text, "TLS: name");

	CHECK_STR(wb_tls_alert_name(0), "close_notify");
	CHECK_STR(wb_tls_alert_name(116), "certificate_required");
	CHECK(wb_tls_alert_name(1) == NULL);
	CHECK(wb_tls_alert_name(-1) == NULL);
	return unit_finish();
}
