/* SPDX-License-Identifier: GPL-2.0-or-later */
// FIRMWARE_SOURCES: src/crypto/cms.c src/crypto/tls_time.c src/core/x509_parse.c src/core/wallclock.c src/core/string.c src/core/vsprintf.c
// WOLFSSL_SOURCES: wolfcrypt/src/pkcs7.c wolfcrypt/src/random.c wolfcrypt/src/sha256.c wolfcrypt/src/md5.c wolfcrypt/src/sha.c src/ssl.c src/internal.c src/keys.c src/tls.c src/tls13.c src/wolfio.c wolfcrypt/src/aes.c wolfcrypt/src/chacha.c wolfcrypt/src/poly1305.c wolfcrypt/src/chacha20_poly1305.c wolfcrypt/src/curve25519.c wolfcrypt/src/fe_operations.c wolfcrypt/src/ecc.c wolfcrypt/src/rsa.c wolfcrypt/src/sp_int.c wolfcrypt/src/sp_c64.c wolfcrypt/src/wolfmath.c wolfcrypt/src/asn.c wolfcrypt/src/coding.c wolfcrypt/src/hmac.c wolfcrypt/src/hash.c wolfcrypt/src/sha512.c wolfcrypt/src/kdf.c wolfcrypt/src/memory.c wolfcrypt/src/wc_port.c wolfcrypt/src/wc_encrypt.c wolfcrypt/src/logging.c wolfcrypt/src/error.c wolfcrypt/src/signature.c
/*
 * Detached CMS signatures (src/crypto/cms.c) against certificates and
 * signatures openssl makes when the test starts (tests/lib/signing.py):
 * good RSA and ECDSA signatures (the latter through an intermediate the
 * signature carries) and one carrying its content; then each reason to
 * refuse -- the image changed, an untrusted root, no roots at all, a
 * certificate for TLS servers, expired and not yet valid, the wrong
 * signer name -- and bad input: empty, every truncation, flipped bytes,
 * a length beyond the buffer, a wrong content type, a certificate where
 * the signature should be. ASan and LeakSanitizer watch every case.
 */

#define _GNU_SOURCE	/* memmem */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <libgen.h>
#include <wireboot/certstore.h>
#include <wireboot/cms.h>
#include <wireboot/settings.h>
#include "unit.h"

int wb_cms_verify(const uint8_t *sig, size_t sig_len, const uint8_t *data,
		  size_t len, const char *signer_cn, int64_t now,
		  struct cms_verdict *verdict);

/* 2030-01-01: inside the fixtures' ten years. */
#define NOW 1893456000LL

/* wallclock.c's platform and settings, never read by cms.c. */
struct settings global_settings;
int platform_wallclock(int64_t *seconds) { *seconds = NOW; return 0; }
uint64_t monotonic_us(void) { return 0; }
void *zalloc(size_t size) { return calloc(1, size); }
int wireboot_drbg_seed(unsigned char *output, unsigned int size)
{
	memset(output, 0, size);
	return -1;
}

struct blob {
	uint8_t *data;
	size_t len;
};

static struct blob roots[2];
static unsigned root_count;

int certstore_foreach(int (*fn)(const struct cert_entry *cert, void *ctx),
		      void *ctx)
{
	unsigned i;
	int rc;

	for (i = 0; i < root_count; i++) {
		struct cert_entry entry = {
			.der = roots[i].data, .len = roots[i].len,
			.origin = CERT_BUILTIN,
		};
		rc = fn(&entry, ctx);
		if (rc)
			return rc;
	}
	return 0;
}

static char dir[] = "/tmp/test_cms.XXXXXX";

static struct blob load(const char *name)
{
	char path[256];
	struct blob b = { 0 };
	FILE *f;
	long n;

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	f = fopen(path, "rb");
	if (!f || fseek(f, 0, SEEK_END) != 0 || (n = ftell(f)) < 0) {
		fprintf(stderr, "cannot read %s\n", path);
		exit(1);
	}
	rewind(f);
	b.len = (size_t)n;
	b.data = malloc(b.len ? b.len : 1);
	if (!b.data || fread(b.data, 1, b.len, f) != b.len)
		exit(1);
	fclose(f);
	return b;
}

/* An exact-size copy, so that ASan sees any read past the end. */
static int verify_exact(const uint8_t *sig, size_t sig_len,
			const struct blob *data, const char *signer,
			int64_t now, struct cms_verdict *verdict)
{
	uint8_t *copy = malloc(sig_len ? sig_len : 1);
	int rc;

	memcpy(copy, sig, sig_len);
	rc = wb_cms_verify(copy, sig_len, data->data, data->len, signer, now,
			   verdict);
	free(copy);
	return rc;
}

static int verify(const struct blob *sig, const struct blob *data,
		  const char *signer, int64_t now, struct cms_verdict *verdict)
{
	return verify_exact(sig->data, sig->len, data, signer, now, verdict);
}

static int starts(const char *text, const char *prefix)
{
	int ok = strncmp(text, prefix, strlen(prefix)) == 0;

	if (!ok)
		fprintf(stderr, "  reason: \"%s\"\n", text);
	return ok;
}

int main(void)
{
	struct blob data, sig, ecsig, att, rogue, server, nocerts, ca, rogueca,
		inter, tampered;
	struct cms_verdict v;
	char command[512], self[256];
	ssize_t n;
	size_t i;

	if (!mkdtemp(dir))
		return 1;
	/* This program is bin-host/unit/test_cms in the tree. */
	n = readlink("/proc/self/exe", self, sizeof(self) - 1);
	if (n <= 0)
		return 1;
	self[n] = '\0';
	snprintf(command, sizeof(command),
		 "python3 %s/../../tests/lib/signing.py %s", dirname(self), dir);
	if (system(command) != 0) {
		fprintf(stderr, "%s failed\n", command);
		return 1;
	}
	data = load("data");
	sig = load("data.signer.sig");
	ecsig = load("data.ecsigner.sig");
	att = load("data.signer.att");
	rogue = load("data.roguesigner.sig");
	server = load("data.server.sig");
	nocerts = load("data.nocerts.sig");
	inter = load("inter.der");
	ca = load("ca.der");
	rogueca = load("rogueca.der");
	roots[0] = ca;
	root_count = 1;

	/* Good signatures. */
	CHECK_INT(verify(&sig, &data, NULL, NOW, &v), 0);
	CHECK_STR(v.signer, "wireboot Test Signer");
	CHECK_INT(verify(&sig, &data, "wireboot Test Signer", NOW, &v), 0);
	CHECK_INT(verify(&ecsig, &data, NULL, NOW, &v), 0);
	CHECK_STR(v.signer, "wireboot EC Signer");
	CHECK_INT(verify(&att, &data, NULL, NOW, &v), 0);

	/* The image changed: one byte, or one byte less. */
	tampered.len = data.len;
	tampered.data = malloc(data.len);
	memcpy(tampered.data, data.data, data.len);
	tampered.data[data.len / 2] ^= 1;
	CHECK(verify(&sig, &tampered, NULL, NOW, &v) < 0);
	CHECK(starts(v.reason, "signature does not match the image"));
	CHECK(verify(&ecsig, &tampered, NULL, NOW, &v) < 0);
	CHECK(starts(v.reason, "signature does not match the image"));
	CHECK(verify(&att, &tampered, NULL, NOW, &v) < 0);
	CHECK(starts(v.reason, "signature does not match the image"));
	tampered.len = data.len - 1;
	memcpy(tampered.data, data.data, tampered.len);
	CHECK(verify(&sig, &tampered, NULL, NOW, &v) < 0);
	CHECK(starts(v.reason, "signature does not match the image"));

	/* Trust. */
	CHECK(verify(&rogue, &data, NULL, NOW, &v) < 0);
	CHECK(starts(v.reason, "signer not trusted (issuer"));
	CHECK(strstr(v.reason, "Rogue CA") != NULL);
	root_count = 0;
	CHECK(verify(&sig, &data, NULL, NOW, &v) < 0);
	CHECK(starts(v.reason, "signer not trusted"));
	roots[0] = rogueca;
	roots[1] = ca;
	root_count = 2;
	CHECK_INT(verify(&rogue, &data, NULL, NOW, &v), 0);
	CHECK_INT(verify(&sig, &data, NULL, NOW, &v), 0);
	/* The intermediate trusted as a root: the chain ends there. */
	roots[0] = inter;
	root_count = 1;
	CHECK_INT(verify(&ecsig, &data, NULL, NOW, &v), 0);
	CHECK(verify(&sig, &data, NULL, NOW, &v) < 0);
	CHECK(starts(v.reason, "signer not trusted (issuer CN=wireboot Test CA)"));
	roots[0] = ca;

	/* Usage, dates, names. */
	CHECK(verify(&server, &data, NULL, NOW, &v) < 0);
	CHECK(starts(v.reason, "certificate not for code signing"));
	CHECK(verify(&sig, &data, NULL, 4102444800LL, &v) < 0);
	CHECK(starts(v.reason, "certificate expired"));
	CHECK(verify(&sig, &data, NULL, 1000000000LL, &v) < 0);
	CHECK(starts(v.reason, "certificate not yet valid"));
	CHECK(verify(&sig, &data, "someone else", NOW, &v) < 0);
	CHECK(starts(v.reason, "signer is \"wireboot Test Signer\""));

	/* Bad input. */
	CHECK(verify_exact(sig.data, 0, &data, NULL, NOW, &v) < 0);
	CHECK(starts(v.reason, "malformed signature"));
	for (i = 1; i < sig.len; i++) {
		if (verify_exact(sig.data, i, &data, NULL, NOW, &v) == 0)
			CHECK(!"a truncated signature was accepted");
	}
	for (i = 0; i < sig.len; i += 7) {
		uint8_t *flipped = malloc(sig.len);

		memcpy(flipped, sig.data, sig.len);
		flipped[i] ^= 0x5a;
		/* A flip in an unsigned part (an unused certificate field
		 * outside what is signed) may pass; nothing may crash. */
		verify_exact(flipped, sig.len, &data, NULL, NOW, &v);
		free(flipped);
	}
	{
		/* The outer SEQUENCE claims 4 GiB. */
		uint8_t big[] = { 0x30, 0x84, 0xff, 0xff, 0xff, 0xff, 0x06, 0x09,
				  0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x07,
				  0x02 };
		CHECK(verify_exact(big, sizeof(big), &data, NULL, NOW,
					     &v) < 0);
		CHECK(starts(v.reason, "malformed signature"));
	}
	{
		/* id-data where id-signedData belongs. */
		uint8_t *wrong = malloc(sig.len);
		uint8_t oid[] = { 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x07,
				  0x02 };
		uint8_t *at;

		memcpy(wrong, sig.data, sig.len);
		at = memmem(wrong, 32, oid, sizeof(oid));
		CHECK(at != NULL);
		if (at)
			at[sizeof(oid) - 1] = 0x01;
		CHECK(verify_exact(wrong, sig.len, &data, NULL, NOW,
					     &v) < 0);
		CHECK(starts(v.reason, "malformed signature"));
		free(wrong);
	}
	CHECK(verify(&ca, &data, NULL, NOW, &v) < 0);
	CHECK(starts(v.reason, "malformed signature"));
	/* No certificate to check the signature with. */
	CHECK(verify(&nocerts, &data, NULL, NOW, &v) < 0);
	CHECK(starts(v.reason, "malformed signature"));

	snprintf(command, sizeof(command), "rm -rf %s", dir);
	CHECK(system(command) == 0);
	free(tampered.data);
	free(data.data);
	free(sig.data);
	free(ecsig.data);
	free(att.data);
	free(rogue.data);
	free(server.data);
	free(nocerts.data);
	free(inter.data);
	free(ca.data);
	free(rogueca.data);
	return unit_finish();
}
