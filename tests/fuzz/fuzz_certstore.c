/* SPDX-License-Identifier: GPL-2.0-or-later */
// FIRMWARE_SOURCES: src/core/x509_parse.c src/core/pem.c src/core/efi_siglist.c src/core/string.c src/core/vsprintf.c
/*
 * The certificate store's parsers on any input: the first byte picks the
 * reader (X.509 outline and its names, PEM, EFI_SIGNATURE_LIST), the rest
 * is what it reads, in a buffer of exactly that size. Whatever a parser
 * accepts must hold together: names and times of an outline lie inside
 * the certificate, a PEM certificate decodes to at most 3/4 of its text,
 * signature list entries lie inside the list.
 */

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <wireboot/x509.h>

int wb_x509_outline(const uint8_t *der, size_t len, struct x509_outline *out);
int wb_x509_name_format(const uint8_t *name, size_t len, char *buf, size_t size);
int wb_x509_name_cn(const uint8_t *name, size_t len, char *buf, size_t size);
void wb_x509_time_format(const struct x509_time *time, char *buf);
int wb_pem_next_certificate(const void *text, size_t len, size_t *offset,
			    uint8_t **der, size_t *der_len);
int wb_efi_siglist_x509(const void *data, size_t len,
			int (*fn)(const uint8_t *der, size_t der_len, void *ctx),
			void *ctx);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

struct span {
	const uint8_t *start, *end;
};

static void inside(const struct span *span, const uint8_t *p, size_t len)
{
	if (p < span->start || len > (size_t)(span->end - p))
		abort();
}

static void outline(const uint8_t *der, size_t len)
{
	struct span span = { der, der + len };
	struct x509_outline out;
	char text[64], time[X509_TIME_TEXT];
	int n;

	if (wb_x509_outline(der, len, &out))
		return;
	inside(&span, out.issuer, out.issuer_len);
	inside(&span, out.subject, out.subject_len);
	n = wb_x509_name_format(out.subject, out.subject_len, text, sizeof(text));
	if (n < 0 || strlen(text) >= sizeof(text) ||
	    strlen(text) != ((size_t)n < sizeof(text) ? (size_t)n : sizeof(text) - 1))
		abort();
	wb_x509_name_cn(out.issuer, out.issuer_len, text, sizeof(text));
	wb_x509_time_format(&out.not_after, time);
	if (strlen(time) != X509_TIME_TEXT - 1)
		abort();
}

static int entry(const uint8_t *der, size_t len, void *ctx)
{
	inside(ctx, der, len);
	outline(der, len);
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	uint8_t *copy;
	size_t len, offset = 0, der_len, before;
	uint8_t *der;
	struct span span;

	if (size < 1)
		return 0;
	len = size - 1;
	copy = malloc(len ? len : 1);
	if (!copy)
		return 0;
	memcpy(copy, data + 1, len);
	span.start = copy;
	span.end = copy + len;
	switch (data[0] % 3) {
	case 0:
		outline(copy, len);
		break;
	case 1:
		for (before = 0;
		     wb_pem_next_certificate(copy, len, &offset, &der, &der_len) == 0;
		     before = offset) {
			if (offset <= before || offset > len ||
			    der_len > (offset - before) / 4 * 3)
				abort();
			outline(der, der_len);
			free(der);
		}
		break;
	default:
		wb_efi_siglist_x509(copy, len, entry, &span);
		break;
	}
	free(copy);
	return 0;
}
