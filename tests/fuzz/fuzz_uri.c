/* SPDX-License-Identifier: GPL-2.0-or-later */
// FIRMWARE_SOURCES: src/core/uri.c src/core/string.c src/core/strtoul.c
/* URI parsing, formatting and resolution on arbitrary text: the input is
 * split at its first NUL into a base and a relative reference. */

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <wireboot/uri.h>

struct uri *wb_parse_uri(const char *text);
struct uri *wb_resolve_uri(const struct uri *base, const struct uri *relative);
int wb_format_uri(const struct uri *uri, char *buf, size_t len);
unsigned wb_uri_port(const struct uri *uri, unsigned default_port);
struct uri *wb_pxe_uri(const char *next_server, const char *filename);

void *zalloc(size_t size) { return calloc(1, size); }

/* Formats uri twice (sized, then exactly) and checks both agree. */
static void format_checked(const struct uri *uri)
{
	int len = wb_format_uri(uri, NULL, 0);
	char *buf = malloc((size_t)len + 1);

	if (!buf)
		return;
	if (wb_format_uri(uri, buf, (size_t)len + 1) != len ||
	    strlen(buf) != (size_t)len)
		abort();
	free(buf);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *text = malloc(size + 2);
	const char *relative_text;
	struct uri *base, *relative, *resolved, *pxe;

	if (!text)
		return 0;
	memcpy(text, data, size);
	text[size] = text[size + 1] = '\0';
	relative_text = text + strlen(text) + 1;
	if (relative_text > text + size)
		relative_text = text + size;

	base = wb_parse_uri(text);
	relative = wb_parse_uri(relative_text);
	if (base && relative) {
		format_checked(base);
		wb_uri_port(base, 80);
		resolved = wb_resolve_uri(base, relative);
		if (resolved) {
			format_checked(resolved);
			uri_put(resolved);
		}
	}
	pxe = wb_pxe_uri(text, relative_text);
	if (pxe) {
		format_checked(pxe);
		uri_put(pxe);
	}
	uri_put(relative);
	uri_put(base);
	free(text);
	return 0;
}
