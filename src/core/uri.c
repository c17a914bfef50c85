/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * URIs (RFC 3986): parsing into percent-decoded components, resolution of
 * relative references, formatting with percent-encoding.
 *
 * A struct uri and all its strings are one allocation. Absent components
 * are NULL; an empty path is NULL too, while an empty query or fragment
 * ("x?#") is "" because RFC 3986 resolution tells the two apart.
 */

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wireboot/uri.h>

enum uri_field {
	URI_SCHEME, URI_OPAQUE, URI_USER, URI_PASSWORD, URI_HOST, URI_PORT,
	URI_PATH, URI_QUERY, URI_FRAGMENT, URI_FIELDS
};

static const size_t uri_field_offsets[URI_FIELDS] = {
	[URI_SCHEME] = offsetof(struct uri, scheme),
	[URI_OPAQUE] = offsetof(struct uri, opaque),
	[URI_USER] = offsetof(struct uri, user),
	[URI_PASSWORD] = offsetof(struct uri, password),
	[URI_HOST] = offsetof(struct uri, host),
	[URI_PORT] = offsetof(struct uri, port),
	[URI_PATH] = offsetof(struct uri, path),
	[URI_QUERY] = offsetof(struct uri, query),
	[URI_FRAGMENT] = offsetof(struct uri, fragment),
};

static char **uri_field(struct uri *uri, enum uri_field field)
{
	return (char **)((char *)uri + uri_field_offsets[field]);
}

static const char *uri_field_const(const struct uri *uri, enum uri_field field)
{
	return *(char *const *)((const char *)uri + uri_field_offsets[field]);
}

static void free_uri(struct refcnt *refcnt)
{
	free(container_of(refcnt, struct uri, refcnt));
}

/* Builds a URI holding copies of parts (NULL: absent). */
static struct uri *build_uri(const char *const parts[URI_FIELDS])
{
	size_t total = sizeof(struct uri);
	struct uri *uri;
	char *store;
	int i;

	for (i = 0; i < URI_FIELDS; i++) {
		if (parts[i])
			total += strlen(parts[i]) + 1;
	}
	uri = zalloc(total);
	if (!uri)
		return NULL;
	ref_init(&uri->refcnt, free_uri);
	store = (char *)(uri + 1);
	for (i = 0; i < URI_FIELDS; i++) {
		size_t len;

		if (!parts[i])
			continue;
		len = strlen(parts[i]) + 1;
		memcpy(store, parts[i], len);
		*uri_field(uri, (enum uri_field)i) = store;
		store += len;
	}
	return uri;
}

static int hex_digit(int c)
{
	if (isdigit(c))
		return c - '0';
	if (isxdigit(c))
		return tolower(c) - 'a' + 10;
	return -1;
}

/* Decodes %XX in place; a '%' not followed by two hex digits stays. */
static void percent_decode(char *s)
{
	char *out = s;

	while (*s) {
		int high = s[0] == '%' ? hex_digit((unsigned char)s[1]) : -1;
		int low = high >= 0 ? hex_digit((unsigned char)s[2]) : -1;

		if (low >= 0) {
			*out++ = (char)((high << 4) | low);
			s += 3;
		} else {
			*out++ = *s++;
		}
	}
	*out = '\0';
}

/* Length of a scheme at the start of text (0 if there is none). */
static size_t scheme_length(const char *text)
{
	size_t len = 0;

	if (!isalpha((unsigned char)text[0]))
		return 0;
	while (isalnum((unsigned char)text[len]) || text[len] == '+' ||
	       text[len] == '-' || text[len] == '.')
		len++;
	return text[len] == ':' ? len : 0;
}

/* Cuts s at the first character of stops (in place); returns what
 * follows the cut, or NULL if none of them occurs. */
static char *cut_at(char *s, const char *stops)
{
	char *stop = s + strcspn(s, stops);

	if (!*stop)
		return NULL;
	*stop = '\0';
	return stop + 1;
}

static void split_authority(char *authority, const char *parts[URI_FIELDS])
{
	char *at = strrchr(authority, '@');
	char *host = authority, *port;

	if (at) {
		*at = '\0';
		parts[URI_USER] = authority;
		parts[URI_PASSWORD] = cut_at(authority, ":");
		host = at + 1;
	}
	if (host[0] == '[' && strchr(host, ']')) {
		/* An IP literal ("[fe80::1]:80"): stored without brackets. */
		char *close = strchr(host, ']');
		*close = '\0';
		host++;
		port = close[1] == ':' ? close + 2 : NULL;
	} else {
		port = cut_at(host, ":");
	}
	parts[URI_HOST] = host;
	parts[URI_PORT] = (port && *port) ? port : NULL;
}

struct uri *parse_uri(const char *text)
{
	const char *parts[URI_FIELDS] = { NULL };
	char *copy = strdup(text), *rest, *fragment, *query;
	struct uri *uri;
	size_t len;
	int i;

	if (!copy)
		return NULL;
	rest = copy;
	fragment = cut_at(rest, "#");
	len = scheme_length(rest);
	if (len) {
		rest[len] = '\0';
		parts[URI_SCHEME] = rest;
		rest += len + 1;
		if (rest[0] != '/') {
			parts[URI_OPAQUE] = rest;
			rest = NULL;
		}
	}
	if (rest) {
		query = cut_at(rest, "?");
		if (rest[0] == '/' && rest[1] == '/') {
			char *authority = rest + 2;
			size_t authority_len = strcspn(authority, "/");
			char *path = authority + authority_len;

			/* The path keeps its '/': move the authority down one
			 * byte to make room for the terminator. */
			memmove(rest, authority, authority_len);
			rest[authority_len] = '\0';
			split_authority(rest, parts);
			rest = path;
		}
		parts[URI_PATH] = *rest ? rest : NULL;
		parts[URI_QUERY] = query;
	}
	parts[URI_FRAGMENT] = fragment;
	for (i = URI_OPAQUE; i < URI_FIELDS; i++) {
		if (parts[i])
			percent_decode((char *)parts[i]);
	}
	uri = build_uri(parts);
	free(copy);
	return uri;
}

unsigned uri_port(const struct uri *uri, unsigned default_port)
{
	unsigned long port;
	char *end;

	if (!uri->port || !isdigit((unsigned char)uri->port[0]))
		return default_port;
	port = strtoul(uri->port, &end, 10);
	if (*end || port > 65535)
		return default_port;
	return (unsigned)port;
}

/* ---- resolution ------------------------------------------------------ */

/* RFC 3986 section 5.2.4, in place. */
static void remove_dot_segments(char *path)
{
	char *in = path, *out = path;

	while (*in) {
		if (strncmp(in, "../", 3) == 0) {
			in += 3;
		} else if (strncmp(in, "./", 2) == 0) {
			in += 2;
		} else if (strncmp(in, "/./", 3) == 0) {
			in += 2;
		} else if (strcmp(in, "/.") == 0) {
			in[1] = '/';
			in += 1;
		} else if (strncmp(in, "/../", 4) == 0 || strcmp(in, "/..") == 0) {
			/* Either way the input continues with a '/'. */
			in += 2;
			if (in[1] == '/')
				in++;
			else
				*in = '/';
			/* Drop the last segment written, with its '/'. */
			while (out > path && *--out != '/')
				;
		} else if (strcmp(in, ".") == 0 || strcmp(in, "..") == 0) {
			in += strlen(in);
		} else {
			size_t segment = 1 + strcspn(in + 1, "/");

			memmove(out, in, segment);
			out += segment;
			in += segment;
		}
	}
	*out = '\0';
}

/* RFC 3986 section 5.2.3: relative appended to the base path's directory
 * ("/" when the base has an authority and no path); malloc'd. */
static char *merge_paths(const struct uri *base, const char *relative)
{
	const char *base_path = base->path ? base->path :
				base->host ? "/" : "";
	const char *slash = strrchr(base_path, '/');
	size_t keep = slash ? (size_t)(slash - base_path) + 1 : 0;
	size_t relative_len = strlen(relative);
	char *merged = malloc(keep + relative_len + 1);

	if (merged) {
		memcpy(merged, base_path, keep);
		memcpy(merged + keep, relative, relative_len + 1);
	}
	return merged;
}

struct uri *resolve_uri(const struct uri *base, const struct uri *relative)
{
	const char *parts[URI_FIELDS];
	const struct uri *authority_from = base;
	char *path = NULL;
	struct uri *uri;
	int i;

	if (relative->scheme) {
		for (i = 0; i < URI_FIELDS; i++)
			parts[i] = uri_field_const(relative, (enum uri_field)i);
		authority_from = relative;
		path = relative->path ? strdup(relative->path) : NULL;
		if (relative->path && !path)
			return NULL;
	} else {
		parts[URI_SCHEME] = base->scheme;
		parts[URI_OPAQUE] = NULL;
		parts[URI_QUERY] = relative->query;
		if (relative->host) {
			authority_from = relative;
			path = relative->path ? strdup(relative->path) : NULL;
		} else if (!relative->path) {
			path = base->path ? strdup(base->path) : NULL;
			if (!relative->query)
				parts[URI_QUERY] = base->query;
		} else if (relative->path[0] == '/') {
			path = strdup(relative->path);
		} else {
			path = merge_paths(base, relative->path);
		}
		if (!path && (relative->path || (!relative->host && base->path)))
			return NULL;
	}
	parts[URI_FRAGMENT] = relative->fragment;
	parts[URI_USER] = authority_from->user;
	parts[URI_PASSWORD] = authority_from->password;
	parts[URI_HOST] = authority_from->host;
	parts[URI_PORT] = authority_from->port;
	if (path)
		remove_dot_segments(path);
	parts[URI_PATH] = (path && *path) ? path : NULL;
	uri = build_uri(parts);
	free(path);
	return uri;
}

/* ---- formatting ------------------------------------------------------ */

struct text_out {
	char *buf;
	size_t len;
	size_t used;
};

static void out_char(struct text_out *out, char c)
{
	if (out->used + 1 < out->len) {
		out->buf[out->used] = c;
		out->buf[out->used + 1] = '\0';
	}
	out->used++;
}

static void out_text(struct text_out *out, const char *text)
{
	while (*text)
		out_char(out, *text++);
}

/* Writes text, percent-encoding every character that is neither
 * unreserved (RFC 3986 section 2.3) nor in allowed. */
static void out_encoded(struct text_out *out, const char *text,
			const char *allowed)
{
	static const char digits[] = "0123456789ABCDEF";

	for (; *text; text++) {
		unsigned char c = (unsigned char)*text;

		if (isalnum(c) || strchr("-._~", c) || strchr(allowed, c)) {
			out_char(out, (char)c);
		} else {
			out_char(out, '%');
			out_char(out, digits[c >> 4]);
			out_char(out, digits[c & 0xf]);
		}
	}
}

#define SUB_DELIMS "!$&'()*+,;="

int format_uri(const struct uri *uri, char *buf, size_t len)
{
	struct text_out out = { .buf = buf, .len = len };

	if (len)
		buf[0] = '\0';
	if (uri->scheme) {
		out_text(&out, uri->scheme);
		out_char(&out, ':');
	}
	if (uri->opaque) {
		out_encoded(&out, uri->opaque, SUB_DELIMS ":@/?");
	} else if (uri->host) {
		out_text(&out, "//");
		if (uri->user) {
			out_encoded(&out, uri->user, SUB_DELIMS);
			if (uri->password) {
				out_char(&out, ':');
				out_encoded(&out, uri->password, SUB_DELIMS);
			}
			out_char(&out, '@');
		}
		if (strchr(uri->host, ':')) {
			out_char(&out, '[');
			out_encoded(&out, uri->host, ":");
			out_char(&out, ']');
		} else {
			out_encoded(&out, uri->host, SUB_DELIMS);
		}
		if (uri->port) {
			out_char(&out, ':');
			out_encoded(&out, uri->port, "");
		}
	}
	if (!uri->opaque && uri->path)
		out_encoded(&out, uri->path, SUB_DELIMS ":@/");
	if (uri->query) {
		out_char(&out, '?');
		out_encoded(&out, uri->query, SUB_DELIMS ":@/?");
	}
	if (uri->fragment) {
		out_char(&out, '#');
		out_encoded(&out, uri->fragment, SUB_DELIMS ":@/?");
	}
	return (int)out.used;
}

struct uri *pxe_uri(const char *next_server, const char *filename)
{
	const char *parts[URI_FIELDS] = { NULL };
	struct uri *uri;
	char *path;

	if (scheme_length(filename))
		return parse_uri(filename);
	/* The TFTP opener drops the path's first '/': a DHCP file name
	 * "/boot/x" stays absolute ("tftp://server//boot/x"). */
	path = malloc(strlen(filename) + 2);
	if (!path)
		return NULL;
	path[0] = '/';
	memcpy(path + 1, filename, strlen(filename) + 1);
	parts[URI_SCHEME] = "tftp";
	parts[URI_HOST] = next_server;
	parts[URI_PATH] = path;
	uri = build_uri(parts);
	free(path);
	return uri;
}
