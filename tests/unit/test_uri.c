/* SPDX-License-Identifier: GPL-2.0-or-later */
// FIRMWARE_SOURCES: src/core/uri.c src/core/string.c src/core/strtoul.c src/core/vsprintf.c
/* URI parsing, RFC 3986 resolution (the examples of section 5.4),
 * formatting, and malformed input. */

#include <stdlib.h>
#include <wireboot/uri.h>
#include "unit.h"

struct uri *wb_parse_uri(const char *text);
struct uri *wb_resolve_uri(const struct uri *base, const struct uri *relative);
int wb_format_uri(const struct uri *uri, char *buf, size_t len);
unsigned wb_uri_port(const struct uri *uri, unsigned default_port);
struct uri *wb_pxe_uri(const char *next_server, const char *filename);

/* The firmware heap, as the C library's. */
void *zalloc(size_t size) { return calloc(1, size); }

static void check_format(const struct uri *uri, const char *want)
{
	char buf[256];
	int len = wb_format_uri(uri, buf, sizeof(buf));

	CHECK_STR(buf, want);
	CHECK_INT(len, strlen(want));
}

static void check_resolve(const struct uri *base, const char *relative,
			  const char *want)
{
	struct uri *ref = wb_parse_uri(relative);
	struct uri *target = wb_resolve_uri(base, ref);
	char buf[256];

	wb_format_uri(target, buf, sizeof(buf));
	if (!CHECK_STR(buf, want))
		printf("     resolving \"%s\"\n", relative);
	uri_put(target);
	uri_put(ref);
}

static void test_components(void)
{
	struct uri *uri = wb_parse_uri(
		"http://user:pw@example.com:8080/a/b%20c?x=1&y=2#frag");

	CHECK_STR(uri->scheme, "http");
	CHECK_STR(uri->user, "user");
	CHECK_STR(uri->password, "pw");
	CHECK_STR(uri->host, "example.com");
	CHECK_STR(uri->port, "8080");
	CHECK_STR(uri->path, "/a/b c");
	CHECK_STR(uri->query, "x=1&y=2");
	CHECK_STR(uri->fragment, "frag");
	CHECK(uri->opaque == NULL);
	CHECK_INT(wb_uri_port(uri, 80), 8080);
	check_format(uri, "http://user:pw@example.com:8080/a/b%20c?x=1&y=2#frag");
	uri_put(uri);

	uri = wb_parse_uri("tftp://[fe80::1]:69/boot.efi");
	CHECK_STR(uri->host, "fe80::1");
	CHECK_STR(uri->port, "69");
	CHECK_STR(uri->path, "/boot.efi");
	check_format(uri, "tftp://[fe80::1]:69/boot.efi");
	uri_put(uri);

	uri = wb_parse_uri("mailto:someone@example.com");
	CHECK_STR(uri->scheme, "mailto");
	CHECK_STR(uri->opaque, "someone@example.com");
	CHECK(uri->host == NULL && uri->path == NULL);
	uri_put(uri);

	uri = wb_parse_uri("file:///boot/x");
	CHECK_STR(uri->host, "");
	CHECK_STR(uri->path, "/boot/x");
	check_format(uri, "file:///boot/x");
	uri_put(uri);

	uri = wb_parse_uri("relative/path?q");
	CHECK(uri->scheme == NULL && uri->host == NULL);
	CHECK_STR(uri->path, "relative/path");
	CHECK_STR(uri->query, "q");
	uri_put(uri);

	uri = wb_parse_uri("http://h");
	CHECK_STR(uri->host, "h");
	CHECK(uri->path == NULL && uri->port == NULL);
	CHECK_INT(wb_uri_port(uri, 80), 80);
	uri_put(uri);
}

static void test_malformed(void)
{
	static const char *const inputs[] = {
		"", ":", "::::", "http:", "http://", "http://[", "http://[::1",
		"http://a:99999/", "http://a:-1/", "http://a:x/", "%", "%4",
		"%zz", "http://@", "http://u@:/", "#", "?", "//", "1http://x",
		"http://a/%00b", "[]:/",
	};
	size_t i;

	for (i = 0; i < sizeof(inputs) / sizeof(inputs[0]); i++) {
		struct uri *uri = wb_parse_uri(inputs[i]);
		char buf[64];

		CHECK(uri != NULL);
		wb_format_uri(uri, buf, sizeof(buf));
		wb_format_uri(uri, buf, 3);
		wb_uri_port(uri, 1);
		uri_put(uri);
	}

	struct uri *uri = wb_parse_uri("http://a:99999/");
	CHECK_INT(wb_uri_port(uri, 80), 80);
	uri_put(uri);
	uri = wb_parse_uri("%4");
	CHECK_STR(uri->path, "%4");
	uri_put(uri);
	uri = wb_parse_uri("1http://x");
	CHECK(uri->scheme == NULL);
	uri_put(uri);
	uri = wb_parse_uri("http://[::1");
	CHECK_STR(uri->host, "[");
	CHECK_STR(uri->port, ":1");
	CHECK_INT(wb_uri_port(uri, 7), 7);
	uri_put(uri);
}

/* RFC 3986 section 5.4. */
static void test_resolve(void)
{
	static const char *const examples[][2] = {
		{ "g:h", "g:h" }, { "g", "http://a/b/c/g" },
		{ "./g", "http://a/b/c/g" }, { "g/", "http://a/b/c/g/" },
		{ "/g", "http://a/g" }, { "//g", "http://g" },
		{ "?y", "http://a/b/c/d;p?y" }, { "g?y", "http://a/b/c/g?y" },
		{ "#s", "http://a/b/c/d;p?q#s" }, { "g#s", "http://a/b/c/g#s" },
		{ "g?y#s", "http://a/b/c/g?y#s" }, { ";x", "http://a/b/c/;x" },
		{ "g;x", "http://a/b/c/g;x" }, { "g;x?y#s", "http://a/b/c/g;x?y#s" },
		{ "", "http://a/b/c/d;p?q" }, { ".", "http://a/b/c/" },
		{ "./", "http://a/b/c/" }, { "..", "http://a/b/" },
		{ "../", "http://a/b/" }, { "../g", "http://a/b/g" },
		{ "../..", "http://a/" }, { "../../", "http://a/" },
		{ "../../g", "http://a/g" },
		/* Abnormal examples (5.4.2). */
		{ "../../../g", "http://a/g" }, { "../../../../g", "http://a/g" },
		{ "/./g", "http://a/g" }, { "/../g", "http://a/g" },
		{ "g.", "http://a/b/c/g." }, { ".g", "http://a/b/c/.g" },
		{ "g..", "http://a/b/c/g.." }, { "..g", "http://a/b/c/..g" },
		{ "./../g", "http://a/b/g" }, { "./g/.", "http://a/b/c/g/" },
		{ "g/./h", "http://a/b/c/g/h" }, { "g/../h", "http://a/b/c/h" },
		{ "g;x=1/./y", "http://a/b/c/g;x=1/y" },
		{ "g;x=1/../y", "http://a/b/c/y" },
		{ "g?y/./x", "http://a/b/c/g?y/./x" },
		{ "g?y/../x", "http://a/b/c/g?y/../x" },
		{ "g#s/./x", "http://a/b/c/g#s/./x" },
		{ "g#s/../x", "http://a/b/c/g#s/../x" },
		{ "http:g", "http:g" },
	};
	struct uri *base = wb_parse_uri("http://a/b/c/d;p?q");
	size_t i;

	for (i = 0; i < sizeof(examples) / sizeof(examples[0]); i++)
		check_resolve(base, examples[i][0], examples[i][1]);
	uri_put(base);

	base = wb_parse_uri("http://host");
	check_resolve(base, "file", "http://host/file");
	uri_put(base);
}

static void test_pxe_uri(void)
{
	struct uri *uri = wb_pxe_uri("10.0.2.2", "boot/x.efi");

	check_format(uri, "tftp://10.0.2.2/boot/x.efi");
	uri_put(uri);
	uri = wb_pxe_uri("10.0.2.2", "/abs path");
	CHECK_STR(uri->path, "//abs path");
	check_format(uri, "tftp://10.0.2.2//abs%20path");
	uri_put(uri);
	uri = wb_pxe_uri("10.0.2.2", "http://server/boot.ipxe");
	check_format(uri, "http://server/boot.ipxe");
	uri_put(uri);
}

static void test_truncation(void)
{
	struct uri *uri = wb_parse_uri("http://example.com/long/path");
	char buf[10];
	int len = wb_format_uri(uri, buf, sizeof(buf));

	CHECK_INT(len, 28);
	CHECK_STR(buf, "http://ex");
	CHECK_INT(wb_format_uri(uri, NULL, 0), 28);
	uri_put(uri);
}

int main(void)
{
	test_components();
	test_malformed();
	test_resolve();
	test_pxe_uri();
	test_truncation();
	return unit_finish();
}
