/* SPDX-License-Identifier: GPL-2.0-or-later */
// FIRMWARE_SOURCES: src/core/certstore.c src/core/x509_parse.c src/core/pem.c src/core/efi_siglist.c src/core/string.c src/core/vsprintf.c
/*
 * The certificate store and its parsers: the X.509 outline (names,
 * validity in both time forms, every truncation and a trailing byte
 * refused, malformed lengths), PEM (text around, several certificates,
 * line breaks, bad base64, a missing END line), EFI_SIGNATURE_LIST
 * (X.509 entries among other types, every malformed size refused with no
 * certificate delivered) and the store itself (built-in roots first, then
 * the TlsCaCertificate variable's, then run-time ones; repeats, removal,
 * clearing by origin).
 */

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <wireboot/certstore.h>
#include <wireboot/efi_siglist.h>
#include <wireboot/x509.h>
#include "cert_fixture.h"
#include "unit.h"

int wb_x509_outline(const uint8_t *der, size_t len, struct x509_outline *out);
int wb_x509_name_format(const uint8_t *name, size_t len, char *buf, size_t size);
int wb_x509_name_cn(const uint8_t *name, size_t len, char *buf, size_t size);
void wb_x509_time_format(const struct x509_time *time, char *buf);
int wb_pem_next_certificate(const void *text, size_t len, size_t *offset,
			    uint8_t **der, size_t *der_len);
int wb_efi_siglist_x509(const void *data, size_t len,
			int (*fn)(const uint8_t *der, size_t der_len, void *ctx),
			void *ctx);
int wb_certstore_foreach(int (*fn)(const struct cert_entry *cert, void *ctx),
			 void *ctx);
int wb_certstore_add(const uint8_t *der, size_t len, enum cert_origin origin);
int wb_certstore_remove(const uint8_t *der, size_t len);
void wb_certstore_clear(int all);
int wb_certstore_add_file(const void *data, size_t len, enum cert_origin origin,
			  unsigned *added);

/* The built-in roots and the variable the store reads (util/mktrust and
 * the platform provide them in an image). */
struct builtin {
	const uint8_t *der;
	size_t len;
};
struct builtin certstore_builtins[1];
size_t certstore_builtin_count = 1;
static const uint8_t x509_guid[16] = {
	0xa1, 0x59, 0xc0, 0xa5, 0xe4, 0x94, 0xa7, 0x4a,
	0x87, 0xb5, 0xab, 0x15, 0x5c, 0x2b, 0xf0, 0x72,
};
static uint8_t variable[8192];
static size_t variable_len;

int platform_tls_ca_certificates(void **data, size_t *len)
{
	if (!variable_len)
		return -ENOENT;
	*data = exact_copy(variable, variable_len);
	*len = variable_len;
	return 0;
}

static int outline_of(const struct der_buf *cert, struct x509_outline *out)
{
	uint8_t *copy = exact_copy(cert->data, cert->len);
	int rc = wb_x509_outline(copy, cert->len, out);

	free(copy);
	return rc;
}

static void test_outline(void)
{
	struct der_buf cert;
	struct x509_outline out;
	char text[128], time[X509_TIME_TEXT];
	uint8_t *copy;
	size_t len;

	make_cert(&cert, "Test Root", "www.example.test", "240101000000Z",
		  "491231235959Z");
	copy = exact_copy(cert.data, cert.len);
	CHECK_INT(wb_x509_outline(copy, cert.len, &out), 0);
	CHECK(wb_x509_name_format(out.subject, out.subject_len, text,
				  sizeof(text)) > 0);
	CHECK_STR(text, "O=Test Org, CN=www.example.test");
	CHECK(wb_x509_name_cn(out.issuer, out.issuer_len, text, sizeof(text)) > 0);
	CHECK_STR(text, "Test Root");
	wb_x509_time_format(&out.not_before, time);
	CHECK_STR(time, "2024-01-01 00:00:00");
	wb_x509_time_format(&out.not_after, time);
	CHECK_STR(time, "2049-12-31 23:59:59");
	/* A small buffer gets a terminated beginning and the whole length. */
	CHECK_INT(wb_x509_name_format(out.subject, out.subject_len, text, 6), 31);
	CHECK_STR(text, "O=Tes");
	free(copy);

	/* Every truncation, and one byte more, is not a certificate. */
	for (len = 0; len < cert.len; len++) {
		copy = exact_copy(cert.data, len);
		CHECK_INT(wb_x509_outline(copy, len, &out), -EINVAL);
		free(copy);
	}
	cert.data[cert.len++] = 0;
	CHECK_INT(outline_of(&cert, &out), -EINVAL);

	/* 1950-2049 for UTCTime; impossible dates refused. */
	make_cert(&cert, "a", "b", "500101000000Z", "491231235959Z");
	CHECK_INT(outline_of(&cert, &out), 0);
	CHECK_INT(out.not_before.year, 1950);
	make_cert(&cert, "a", "b", "241301000000Z", "491231235959Z");
	CHECK_INT(outline_of(&cert, &out), -EINVAL);
	make_cert(&cert, "a", "b", "24010100000Z", "491231235959Z");
	CHECK_INT(outline_of(&cert, &out), -EINVAL);
	make_cert(&cert, "a", "b", "2401010000001", "491231235959Z");
	CHECK_INT(outline_of(&cert, &out), -EINVAL);

	/* Indefinite and over-long lengths. */
	make_cert(&cert, "a", "b", "240101000000Z", "491231235959Z");
	cert.data[1] = 0x80;
	CHECK_INT(outline_of(&cert, &out), -EINVAL);
	cert.data[1] = 0x85;
	CHECK_INT(outline_of(&cert, &out), -EINVAL);
	/* Not a SEQUENCE at all. */
	make_cert(&cert, "a", "b", "240101000000Z", "491231235959Z");
	cert.data[0] = 0x31;
	CHECK_INT(outline_of(&cert, &out), -EINVAL);
}

/* A PEM text of the certificates, lines of 64 characters, with the
 * surroundings a bundle has. */
static size_t to_pem(char *out, const struct der_buf *certs, int count)
{
	static const char digits[] =
		"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
	size_t used = (size_t)sprintf(out, "# a bundle\n");

	for (int c = 0; c < count; c++) {
		const uint8_t *d = certs[c].data;
		size_t len = certs[c].len, i, column = 0;

		used += (size_t)sprintf(out + used, "Subject: x\n-----BEGIN CERTIFICATE-----\n");
		for (i = 0; i < len; i += 3) {
			uint32_t group = (uint32_t)d[i] << 16 |
					 (i + 1 < len ? (uint32_t)d[i + 1] << 8 : 0) |
					 (i + 2 < len ? d[i + 2] : 0);

			out[used++] = digits[group >> 18];
			out[used++] = digits[(group >> 12) & 63];
			out[used++] = i + 1 < len ? digits[(group >> 6) & 63] : '=';
			out[used++] = i + 2 < len ? digits[group & 63] : '=';
			if ((column += 4) == 64) {
				out[used++] = '\n';
				column = 0;
			}
		}
		used += (size_t)sprintf(out + used, "\r\n-----END CERTIFICATE-----\n");
	}
	return used;
}

static int pem_rc(const char *text, size_t len, size_t *offset, uint8_t **der,
		  size_t *der_len)
{
	uint8_t *copy = exact_copy(text, len);
	int rc = wb_pem_next_certificate(copy, len, offset, der, der_len);

	free(copy);
	return rc;
}

static void test_pem(void)
{
	struct der_buf certs[2];
	static char text[16384];
	size_t len, offset = 0, der_len;
	uint8_t *der;
	char *at;

	make_cert(&certs[0], "Root", "one", "240101000000Z", "491231235959Z");
	make_cert(&certs[1], "Root", "second certificate", "240101000000Z",
		  "491231235959Z");
	len = to_pem(text, certs, 2);
	for (int i = 0; i < 2; i++) {
		CHECK_INT(pem_rc(text, len, &offset, &der, &der_len), 0);
		CHECK_INT(der_len, certs[i].len);
		CHECK(memcmp(der, certs[i].data, der_len) == 0);
		free(der);
	}
	CHECK_INT(pem_rc(text, len, &offset, &der, &der_len), -ENOENT);
	offset = len + 5;
	CHECK_INT(pem_rc(text, len, &offset, &der, &der_len), -ENOENT);

	/* A character outside base64, data after padding, a missing END,
	 * an empty body, a partial group. */
	len = to_pem(text, certs, 1);
	at = strstr(text, "-----\n") + 10;
	*at = '*';
	offset = 0;
	CHECK_INT(pem_rc(text, len, &offset, &der, &der_len), -EINVAL);
	len = to_pem(text, certs, 1);
	at = strstr(text, "\r\n-----END");
	memmove(at + 2, at, strlen(at) + 1);
	memcpy(at, "=A", 2);
	offset = 0;
	CHECK_INT(pem_rc(text, len + 2, &offset, &der, &der_len), -EINVAL);
	len = to_pem(text, certs, 1);
	offset = 0;
	CHECK_INT(pem_rc(text, len - 10, &offset, &der, &der_len), -EINVAL);
	len = (size_t)sprintf(text, "-----BEGIN CERTIFICATE-----\n-----END CERTIFICATE-----\n");
	offset = 0;
	CHECK_INT(pem_rc(text, len, &offset, &der, &der_len), -EINVAL);
	len = (size_t)sprintf(text, "-----BEGIN CERTIFICATE-----\nQUJD\nQQ\n-----END CERTIFICATE-----\n");
	offset = 0;
	CHECK_INT(pem_rc(text, len, &offset, &der, &der_len), -EINVAL);
	len = (size_t)sprintf(text, "-----BEGIN CERTIFICATE-----\nQUJDRA==\n-----END CERTIFICATE-----");
	offset = 0;
	CHECK_INT(pem_rc(text, len, &offset, &der, &der_len), 0);
	CHECK_INT(der_len, 4);
	CHECK(memcmp(der, "ABCD", 4) == 0);
	CHECK_INT(offset, len);
	free(der);
}

/* Appends a signature list of type guid with count entries of data. */
static void add_list(uint8_t *out, size_t *len, const uint8_t guid[16],
		     const struct der_buf *entries, int count, uint32_t header)
{
	uint32_t entry = (uint32_t)(16 + entries[0].len);
	uint32_t size = 28 + header + (uint32_t)count * entry;
	uint8_t *p = out + *len;

	memcpy(p, guid, 16);
	memcpy(p + 16, &size, 4);
	memcpy(p + 20, &header, 4);
	memcpy(p + 24, &entry, 4);
	memset(p + 28, 0xee, header);
	for (int i = 0; i < count; i++) {
		uint8_t *e = p + 28 + header + (size_t)i * entry;

		memset(e, 0x11 * (i + 1), 16);	/* owner */
		memcpy(e + 16, entries[i].data, entries[i].len);
	}
	*len += size;
}

struct collected {
	int count;
	size_t lens[8];
};

static int collect(const uint8_t *der, size_t len, void *ctx)
{
	struct collected *seen = ctx;

	CHECK(der[0] == 0x30);
	seen->lens[seen->count++] = len;
	return 0;
}

static int siglist_rc(const uint8_t *data, size_t len, struct collected *seen)
{
	uint8_t *copy = exact_copy(data, len);
	int rc;

	memset(seen, 0, sizeof(*seen));
	rc = wb_efi_siglist_x509(copy, len, collect, seen);
	free(copy);
	return rc;
}

static void test_siglist(void)
{
	static const uint8_t sha256_guid[16] = { 0x26, 0x16, 0xc4, 0xc1 };
	struct der_buf certs[2], hashes[2];
	static uint8_t data[16384];
	struct collected seen;
	size_t len = 0, cut;
	uint32_t bad;

	make_cert(&certs[0], "Root", "aaaa", "240101000000Z", "491231235959Z");
	make_cert(&certs[1], "Root", "bbbb", "240101000000Z", "491231235959Z");
	hashes[0].len = hashes[1].len = 32;
	memset(hashes[0].data, 1, 32);
	memset(hashes[1].data, 2, 32);
	add_list(data, &len, sha256_guid, hashes, 2, 0);
	add_list(data, &len, x509_guid, certs, 2, 0);
	add_list(data, &len, x509_guid, certs, 1, 4);
	CHECK_INT(siglist_rc(data, len, &seen), 0);
	CHECK_INT(seen.count, 3);
	CHECK_INT(seen.lens[0], certs[0].len);
	CHECK_INT(siglist_rc(data, 0, &seen), 0);
	CHECK_INT(seen.count, 0);

	/* Every truncation inside a list is refused, with nothing
	 * delivered (cuts at list boundaries are whole lists). */
	for (cut = 1; cut < len; cut++) {
		int rc = siglist_rc(data, cut, &seen);

		if (cut == 28 + 2 * 48 || cut == 28 + 2 * 48 + 28 + 2 * (16 + certs[0].len))
			CHECK_INT(rc, 0);
		else if (!CHECK_INT(rc, -EINVAL) || !CHECK_INT(seen.count, 0))
			printf("     cut at %zu\n", cut);
	}
	/* A list size past the end, below the header, an entry of only an
	 * owner, a header bigger than the list, a size not a whole number
	 * of entries. */
	bad = (uint32_t)len + 1;
	memcpy(data + 16, &bad, 4);
	CHECK_INT(siglist_rc(data, len, &seen), -EINVAL);
	bad = 27;
	memcpy(data + 16, &bad, 4);
	CHECK_INT(siglist_rc(data, len, &seen), -EINVAL);
	bad = 28 + 2 * 48;
	memcpy(data + 16, &bad, 4);
	CHECK_INT(siglist_rc(data, len, &seen), 0);
	bad = 16;
	memcpy(data + 24, &bad, 4);
	CHECK_INT(siglist_rc(data, len, &seen), -EINVAL);
	bad = 0;
	memcpy(data + 24, &bad, 4);
	CHECK_INT(siglist_rc(data, len, &seen), -EINVAL);
	bad = 48;
	memcpy(data + 24, &bad, 4);
	bad = 0xffffff00;
	memcpy(data + 20, &bad, 4);
	CHECK_INT(siglist_rc(data, len, &seen), -EINVAL);
	bad = 97;
	memcpy(data + 20, &bad, 4);
	CHECK_INT(siglist_rc(data, len, &seen), -EINVAL);
	bad = 0;
	memcpy(data + 20, &bad, 4);
	bad = 47;
	memcpy(data + 24, &bad, 4);
	CHECK_INT(siglist_rc(data, len, &seen), -EINVAL);
}

struct listing {
	int count;
	enum cert_origin origins[8];
	size_t lens[8];
};

static int list_entry(const struct cert_entry *cert, void *ctx)
{
	struct listing *seen = ctx;

	seen->origins[seen->count] = cert->origin;
	seen->lens[seen->count++] = cert->len;
	return 0;
}

static struct listing listing(void)
{
	struct listing seen = { 0 };

	CHECK_INT(wb_certstore_foreach(list_entry, &seen), 0);
	return seen;
}

static int stop_at_second(const struct cert_entry *cert, void *ctx)
{
	CHECK(cert->len > 0);
	return ++*(int *)ctx == 2 ? 42 : 0;
}

static void test_store(void)
{
	struct der_buf builtin, efi, runtime[2], bad;
	static char pem[16384];
	struct listing seen;
	unsigned added;
	size_t len;
	int calls = 0;

	make_cert(&builtin, "Root", "builtin", "240101000000Z", "491231235959Z");
	make_cert(&efi, "Root", "from the variable", "240101000000Z", "491231235959Z");
	make_cert(&runtime[0], "Root", "runtime one", "240101000000Z", "491231235959Z");
	make_cert(&runtime[1], "Root", "runtime two", "240101000000Z", "491231235959Z");
	certstore_builtins[0].der = builtin.data;
	certstore_builtins[0].len = builtin.len;
	add_list(variable, &variable_len, x509_guid, &efi, 1, 0);
	/* A list entry that is not a certificate is skipped. */
	bad = efi;
	bad.data[0] = 0x31;
	add_list(variable, &variable_len, x509_guid, &bad, 1, 0);

	seen = listing();
	CHECK_INT(seen.count, 2);
	CHECK_INT(seen.origins[0], CERT_BUILTIN);
	CHECK_INT(seen.lens[0], builtin.len);
	CHECK_INT(seen.origins[1], CERT_EFI);
	CHECK_INT(seen.lens[1], efi.len);

	CHECK_INT(wb_certstore_add(runtime[0].data, runtime[0].len, CERT_RUNTIME), 0);
	CHECK_INT(wb_certstore_add(runtime[0].data, runtime[0].len, CERT_RUNTIME), -EEXIST);
	CHECK_INT(wb_certstore_add(builtin.data, builtin.len, CERT_RUNTIME), -EEXIST);
	CHECK_INT(wb_certstore_add(bad.data, bad.len, CERT_RUNTIME), -EINVAL);
	CHECK_INT(wb_certstore_add(runtime[1].data, runtime[1].len - 1, CERT_RUNTIME), -EINVAL);
	CHECK_INT(wb_certstore_foreach(stop_at_second, &calls), 42);
	CHECK_INT(calls, 2);

	/* A PEM file with one known and one new certificate. */
	len = to_pem(pem, runtime, 2);
	CHECK_INT(wb_certstore_add_file(pem, len, CERT_RUNTIME, &added), 0);
	CHECK_INT(added, 1);
	seen = listing();
	CHECK_INT(seen.count, 4);
	CHECK_INT(seen.origins[3], CERT_RUNTIME);
	CHECK_INT(wb_certstore_add_file("hello", 5, CERT_RUNTIME, &added), -EINVAL);
	CHECK_INT(wb_certstore_add_file(runtime[0].data, runtime[0].len,
					CERT_RUNTIME, &added), 0);
	CHECK_INT(added, 0);

	CHECK_INT(wb_certstore_remove(runtime[0].data, runtime[0].len), 0);
	CHECK_INT(wb_certstore_remove(runtime[0].data, runtime[0].len), -ENOENT);
	CHECK_INT(listing().count, 3);
	wb_certstore_clear(0);
	seen = listing();
	CHECK_INT(seen.count, 2);
	CHECK_INT(seen.origins[1], CERT_EFI);
	wb_certstore_clear(1);
	CHECK_INT(listing().count, 0);
	/* The built-in roots and the variable are read once only. */
	CHECK_INT(wb_certstore_add(runtime[1].data, runtime[1].len, CERT_RUNTIME), 0);
	CHECK_INT(listing().count, 1);
	wb_certstore_clear(1);
}

int main(void)
{
	test_outline();
	test_pem();
	test_siglist();
	test_store();
	return unit_finish();
}
