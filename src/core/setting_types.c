/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Setting types: the text forms of raw setting values (see settings.h for
 * the forms). Parsers read script and user input, so they accept exactly
 * the documented form and reject everything else.
 */

#include <ctype.h>
#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <net/in6.h>
#include <wireboot/settings.h>

#define UUID_LEN 16
#define UINT_MAX_LEN 8

static const char *const type_names[] = {
	[SETTING_STRING] = "string",
	[SETTING_IPV4] = "ipv4",
	[SETTING_HEX] = "hex",
	[SETTING_UUID] = "uuid",
	[SETTING_UINT] = "uint",
	[SETTING_HEXHYP] = "hexhyp",
	[SETTING_HEXRAW] = "hexraw",
	[SETTING_URISTRING] = "uristring",
	[SETTING_BASE64] = "base64",
	[SETTING_INT8] = "int8",
	[SETTING_INT16] = "int16",
	[SETTING_INT32] = "int32",
	[SETTING_UINT8] = "uint8",
	[SETTING_UINT16] = "uint16",
	[SETTING_UINT32] = "uint32",
	[SETTING_BUSDEVFN] = "busdevfn",
	[SETTING_IPV6] = "ipv6",
};

/* The fixed widths of the sized integer types, in bytes. */
static size_t integer_width(enum setting_type type)
{
	switch (type) {
	case SETTING_INT8:
	case SETTING_UINT8:
		return 1;
	case SETTING_INT16:
	case SETTING_UINT16:
		return 2;
	case SETTING_INT32:
	case SETTING_UINT32:
		return 4;
	default:
		return 0;
	}
}

static bool integer_signed(enum setting_type type)
{
	return type == SETTING_INT8 || type == SETTING_INT16 ||
	       type == SETTING_INT32;
}

int setting_type_from_name(const char *name, enum setting_type *type)
{
	size_t i;

	for (i = 0; i < ARRAY_SIZE(type_names); i++) {
		if (strcmp(name, type_names[i]) == 0) {
			*type = (enum setting_type)i;
			return 0;
		}
	}
	return -EINVAL;
}

static int hex_value(char c)
{
	if (isdigit((unsigned char)c))
		return c - '0';
	return tolower((unsigned char)c) - 'a' + 10;
}

/* Appends c to the text in buf, keeping it terminated; counts every
 * character, stored or not, as snprintf does. */
static void put_char(char *buf, size_t len, size_t *used, char c)
{
	if (*used + 1 < len) {
		buf[*used] = c;
		buf[*used + 1] = '\0';
	}
	(*used)++;
}

static void put_digits(char *buf, size_t len, size_t *used, uint8_t byte,
		       const char *digits)
{
	put_char(buf, len, used, digits[byte >> 4]);
	put_char(buf, len, used, digits[byte & 0xf]);
}

static void put_hex_byte(char *buf, size_t len, size_t *used, uint8_t byte)
{
	put_digits(buf, len, used, byte, "0123456789abcdef");
}

/* separator 0: the digits run together. */
static int format_hex(const uint8_t *raw, size_t raw_len, char separator,
		      char *buf, size_t len)
{
	size_t i, used = 0;

	if (len)
		buf[0] = '\0';
	for (i = 0; i < raw_len; i++) {
		if (i && separator)
			put_char(buf, len, &used, separator);
		put_hex_byte(buf, len, &used, raw[i]);
	}
	return (int)used;
}

static bool uri_unreserved(unsigned char c)
{
	return isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~';
}

static int format_uristring(const uint8_t *raw, size_t raw_len, char *buf,
			    size_t len)
{
	size_t i, used = 0;

	if (len)
		buf[0] = '\0';
	/* Like a string, the text ends at a NUL. */
	for (i = 0; i < raw_len && raw[i]; i++) {
		if (uri_unreserved(raw[i])) {
			put_char(buf, len, &used, (char)raw[i]);
		} else {
			/* Upper case, as RFC 3986 recommends. */
			put_char(buf, len, &used, '%');
			put_digits(buf, len, &used, raw[i], "0123456789ABCDEF");
		}
	}
	return (int)used;
}

static const char base64_digits[] =
	"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

static int format_base64(const uint8_t *raw, size_t raw_len, char *buf,
			 size_t len)
{
	size_t i, used = 0;

	if (len)
		buf[0] = '\0';
	for (i = 0; i < raw_len; i += 3) {
		size_t left = raw_len - i;
		uint32_t group = (uint32_t)raw[i] << 16 |
				 (left > 1 ? (uint32_t)raw[i + 1] << 8 : 0) |
				 (left > 2 ? raw[i + 2] : 0);

		put_char(buf, len, &used, base64_digits[group >> 18]);
		put_char(buf, len, &used, base64_digits[(group >> 12) & 63]);
		put_char(buf, len, &used,
			 left > 1 ? base64_digits[(group >> 6) & 63] : '=');
		put_char(buf, len, &used,
			 left > 2 ? base64_digits[group & 63] : '=');
	}
	return (int)used;
}

static int format_uuid(const uint8_t *raw, char *buf, size_t len)
{
	size_t i, used = 0;

	if (len)
		buf[0] = '\0';
	for (i = 0; i < UUID_LEN; i++) {
		/* Groups of 4, 2, 2, 2 and 6 bytes. */
		if (i == 4 || i == 6 || i == 8 || i == 10)
			put_char(buf, len, &used, '-');
		put_hex_byte(buf, len, &used, raw[i]);
	}
	return (int)used;
}

/* A big-endian number of 1 to 8 bytes. */
static int raw_number(const uint8_t *raw, size_t raw_len,
		      unsigned long long *value)
{
	size_t i;

	if (raw_len == 0 || raw_len > UINT_MAX_LEN)
		return -EINVAL;
	*value = 0;
	for (i = 0; i < raw_len; i++)
		*value = (*value << 8) | raw[i];
	return 0;
}

static int format_uint(const uint8_t *raw, size_t raw_len, char *buf,
		       size_t len)
{
	unsigned long long value;
	int rc = raw_number(raw, raw_len, &value);

	return rc ? rc : snprintf(buf, len, "%llu", value);
}

/* Whatever the stored width, a signed type sign-extends from it. */
static int format_integer(enum setting_type type, const uint8_t *raw,
			  size_t raw_len, char *buf, size_t len)
{
	unsigned long long value;
	int rc = raw_number(raw, raw_len, &value);

	if (rc)
		return rc;
	if (!integer_signed(type))
		return snprintf(buf, len, "0x%llx", value);
	if (raw_len < UINT_MAX_LEN && (raw[0] & 0x80))
		value |= ~0ULL << (8 * raw_len);
	return snprintf(buf, len, "%lld", (long long)value);
}

static int format_busdevfn(const uint8_t *raw, size_t raw_len, char *buf,
			   size_t len)
{
	unsigned long long value;
	int rc = raw_number(raw, raw_len, &value);

	if (rc)
		return rc;
	if (value > 0xffffffffULL)
		return -EINVAL;
	if (value >> 16)
		return snprintf(buf, len, "%04llx:%02llx:%02llx.%llx",
				value >> 16, (value >> 8) & 0xff,
				(value >> 3) & 0x1f, value & 7);
	return snprintf(buf, len, "%02llx:%02llx.%llx", (value >> 8) & 0xff,
			(value >> 3) & 0x1f, value & 7);
}

/* One address, or a list ("dns" from DHCP) joined by commas. */
static int format_ipv4(const uint8_t *raw, size_t raw_len, char *buf,
		       size_t len)
{
	size_t i, used = 0;

	if (raw_len == 0 || raw_len % 4)
		return -EINVAL;
	if (len)
		buf[0] = '\0';
	for (i = 0; i < raw_len; i += 4) {
		used += (size_t)snprintf(buf + (used < len ? used : len),
					 used < len ? len - used : 0,
					 "%s%u.%u.%u.%u", i ? "," : "",
					 raw[i], raw[i + 1], raw[i + 2],
					 raw[i + 3]);
	}
	return (int)used;
}

static int format_string(const char *raw, size_t raw_len, char *buf,
			 size_t len)
{
	/* A DHCP server may pad a string with NULs: the text ends there. */
	size_t text_len = strnlen(raw, raw_len);

	if (len) {
		size_t copy = text_len < len - 1 ? text_len : len - 1;
		memcpy(buf, raw, copy);
		buf[copy] = '\0';
	}
	return (int)text_len;
}

int format_setting(enum setting_type type, const void *raw, size_t raw_len,
		   char *buf, size_t len)
{
	const uint8_t *bytes = raw;

	switch (type) {
	case SETTING_STRING:
		return format_string(raw, raw_len, buf, len);
	case SETTING_IPV4:
		return format_ipv4(bytes, raw_len, buf, len);
	case SETTING_HEX:
		return format_hex(bytes, raw_len, ':', buf, len);
	case SETTING_HEXHYP:
		return format_hex(bytes, raw_len, '-', buf, len);
	case SETTING_HEXRAW:
		return format_hex(bytes, raw_len, 0, buf, len);
	case SETTING_URISTRING:
		return format_uristring(bytes, raw_len, buf, len);
	case SETTING_BASE64:
		return format_base64(bytes, raw_len, buf, len);
	case SETTING_UUID:
		if (raw_len != UUID_LEN)
			return -EINVAL;
		return format_uuid(bytes, buf, len);
	case SETTING_UINT:
		return format_uint(bytes, raw_len, buf, len);
	case SETTING_INT8:
	case SETTING_INT16:
	case SETTING_INT32:
	case SETTING_UINT8:
	case SETTING_UINT16:
	case SETTING_UINT32:
		return format_integer(type, bytes, raw_len, buf, len);
	case SETTING_BUSDEVFN:
		return format_busdevfn(bytes, raw_len, buf, len);
	case SETTING_IPV6: {
		char text[INET6_ADDRSTRLEN];

		if (raw_len != sizeof(struct in6_addr))
			return -EINVAL;
		return snprintf(buf, len, "%s", inet6_ntoa(raw, text));
	}
	}
	return -EINVAL;
}

static int parse_ipv4(const char *text, uint8_t *out)
{
	const char *p = text;
	unsigned part;

	for (part = 0; part < 4; part++) {
		unsigned value = 0, digits = 0;

		while (isdigit((unsigned char)*p) && digits < 4) {
			value = value * 10 + (unsigned)(*p++ - '0');
			digits++;
		}
		if (digits == 0 || digits > 3 || value > 255)
			return -EINVAL;
		out[part] = (uint8_t)value;
		if (part < 3 && *p++ != '.')
			return -EINVAL;
	}
	return *p ? -EINVAL : 4;
}

/* "a.b.c.d" or a list "a.b.c.d,e.f.g.h". */
static int parse_ipv4_list(const char *text, uint8_t *buf, size_t len)
{
	char one[16];
	size_t count = 0;

	for (;;) {
		size_t part = strcspn(text, ",");
		uint8_t addr[4];

		if (part >= sizeof(one))
			return -EINVAL;
		memcpy(one, text, part);
		one[part] = '\0';
		if (parse_ipv4(one, addr) < 0)
			return -EINVAL;
		if (count + 4 > len)
			return -ERANGE;
		memcpy(buf + count, addr, 4);
		count += 4;
		text += part;
		if (!*text++)
			return (int)count;
	}
}

/* "aa:bb:c" (one or two digits per byte, separator ':' or '-') or
 * "aabbcc" (two per byte; the only form for separator 0). */
static int parse_hex(const char *text, char separator, uint8_t *buf,
		     size_t len)
{
	bool colons = separator && strchr(text, separator) != NULL;
	const char *p = text;
	size_t count = 0;

	if (!*text)
		return 0;
	while (1) {
		size_t digits = 0;
		unsigned value = 0;

		while (isxdigit((unsigned char)*p) && digits < 3) {
			value = (value << 4) | (unsigned)hex_value(*p++);
			digits++;
			if (!colons && digits == 2)
				break;
		}
		if (digits == 0 || digits > 2 || (!colons && digits != 2))
			return -EINVAL;
		if (count < len)
			buf[count] = (uint8_t)value;
		count++;
		if (!*p)
			break;
		if (colons && *p++ != separator)
			return -EINVAL;
		if (colons && !*p)
			return -EINVAL;
	}
	return count > len ? -ERANGE : (int)count;
}

static int parse_uuid(const char *text, uint8_t *out)
{
	static const char layout[] = "xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx";
	size_t i, count = 0;

	if (strlen(text) != sizeof(layout) - 1)
		return -EINVAL;
	for (i = 0; layout[i]; i++) {
		if (layout[i] == '-') {
			if (text[i] != '-')
				return -EINVAL;
			continue;
		}
		if (!isxdigit((unsigned char)text[i]) ||
		    !isxdigit((unsigned char)text[i + 1]))
			return -EINVAL;
		out[count++] = (uint8_t)((hex_value(text[i]) << 4) |
					 hex_value(text[i + 1]));
		i++;
	}
	return UUID_LEN;
}

/* Decimal or "0x" hexadecimal digits, nothing else. */
static int parse_number(const char *text, unsigned long long *value)
{
	unsigned base = 10;
	const char *p = text;

	*value = 0;
	if (p[0] == '0' && (p[1] == 'x' || p[1] == 'X')) {
		base = 16;
		p += 2;
	}
	if (!*p)
		return -EINVAL;
	for (; *p; p++) {
		unsigned digit;

		if (base == 16 ? !isxdigit((unsigned char)*p) :
				 !isdigit((unsigned char)*p))
			return -EINVAL;
		digit = (unsigned)hex_value(*p);
		if (*value > (~0ULL - digit) / base)
			return -EINVAL;
		*value = *value * base + digit;
	}
	return 0;
}

static int store_number(unsigned long long value, size_t size, uint8_t *buf,
			size_t len)
{
	size_t i;

	if (size > len)
		return -ERANGE;
	for (i = 0; i < size; i++)
		buf[i] = (uint8_t)(value >> (8 * (size - 1 - i)));
	return (int)size;
}

/* Stored big-endian in the fewest of 1, 2, 4 or 8 bytes. */
static int parse_uint(const char *text, uint8_t *buf, size_t len)
{
	unsigned long long value;
	int rc = parse_number(text, &value);

	if (rc)
		return rc;
	return store_number(value, value <= 0xff ? 1 : value <= 0xffff ? 2 :
			    value <= 0xffffffffULL ? 4 : 8, buf, len);
}

/* Exactly the type's width; a signed type takes a leading '-'. */
static int parse_integer_type(enum setting_type type, const char *text,
			      uint8_t *buf, size_t len)
{
	size_t width = integer_width(type);
	unsigned long long value, limit = ~0ULL >> (64 - 8 * width);
	bool negative = integer_signed(type) && text[0] == '-';
	int rc = parse_number(negative ? text + 1 : text, &value);

	if (rc)
		return rc;
	if (integer_signed(type)) {
		/* -2^(n-1) .. 2^(n-1)-1, stored in two's complement. */
		if (value > (limit >> 1) + (negative ? 1 : 0))
			return -EINVAL;
		if (negative)
			value = (~value + 1) & limit;
	} else if (value > limit) {
		return -EINVAL;
	}
	return store_number(value, width, buf, len);
}

/* "[ssss:]bb:dd.f" in hexadecimal. */
static int parse_busdevfn(const char *text, uint8_t *buf, size_t len)
{
	unsigned long long part[4] = { 0 };
	unsigned count = 0, limits[4];
	const char *p = text;

	while (count < 4) {
		unsigned digits = 0;

		while (isxdigit((unsigned char)*p) && digits < 5) {
			part[count] = (part[count] << 4) |
				      (unsigned)hex_value(*p++);
			digits++;
		}
		if (!digits || digits > 4)
			return -EINVAL;
		count++;
		if (*p == ':')
			p++;
		else
			break;
	}
	if (*p++ != '.' || count < 2 || count > 3 || !isxdigit((unsigned char)*p) ||
	    p[1])
		return -EINVAL;
	part[count] = (unsigned)hex_value(*p);
	/* Segment, bus, device, function, aligned to the right. */
	limits[0] = 0xffff;
	limits[1] = 0xff;
	limits[2] = 0x1f;
	limits[3] = 7;
	if (count == 2) {
		memmove(&part[1], &part[0], 3 * sizeof(part[0]));
		part[0] = 0;
	}
	for (count = 0; count < 4; count++) {
		if (part[count] > limits[count])
			return -EINVAL;
	}
	return store_number(part[0] << 16 | part[1] << 8 | part[2] << 3 |
			    part[3], part[0] ? 4 : 2, buf, len);
}

static int parse_uristring(const char *text, uint8_t *buf, size_t len)
{
	size_t count = 0;
	const char *p;

	for (p = text; *p; p++) {
		uint8_t byte = (uint8_t)*p;

		if (*p == '%') {
			if (!isxdigit((unsigned char)p[1]) ||
			    !isxdigit((unsigned char)p[2]))
				return -EINVAL;
			byte = (uint8_t)(hex_value(p[1]) << 4 | hex_value(p[2]));
			p += 2;
		}
		if (count < len)
			buf[count] = byte;
		count++;
	}
	return count > len ? -ERANGE : (int)count;
}

static int base64_value(char c)
{
	const char *found = c ? strchr(base64_digits, c) : NULL;

	return found ? (int)(found - base64_digits) : -1;
}

/* Groups of four digits; the last may end in one or two '='. */
static int parse_base64(const char *text, uint8_t *buf, size_t len)
{
	size_t text_len = strlen(text), count = 0, i;

	if (text_len % 4)
		return -EINVAL;
	for (i = 0; i < text_len; i += 4) {
		bool last = i + 4 == text_len;
		unsigned pad = last ? (text[i + 3] == '=') + (text[i + 2] == '=')
				    : 0;
		uint32_t group = 0;
		unsigned j;

		if (pad == 1 && text[i + 2] == '=')
			return -EINVAL;
		for (j = 0; j < 4; j++) {
			int value = j >= 4 - pad ? 0 : base64_value(text[i + j]);

			if (value < 0)
				return -EINVAL;
			group = group << 6 | (uint32_t)value;
		}
		for (j = 0; j < 3 - pad; j++) {
			if (count < len)
				buf[count] = (uint8_t)(group >> (16 - 8 * j));
			count++;
		}
	}
	return count > len ? -ERANGE : (int)count;
}

int parse_setting(enum setting_type type, const char *text, void *buf,
		  size_t len)
{
	uint8_t fixed[UUID_LEN];
	size_t text_len;
	int rc;

	switch (type) {
	case SETTING_STRING:
		text_len = strlen(text);
		if (text_len > len)
			return -ERANGE;
		memcpy(buf, text, text_len);
		return (int)text_len;
	case SETTING_HEX:
		return parse_hex(text, ':', buf, len);
	case SETTING_HEXHYP:
		return parse_hex(text, '-', buf, len);
	case SETTING_HEXRAW:
		return parse_hex(text, 0, buf, len);
	case SETTING_URISTRING:
		return parse_uristring(text, buf, len);
	case SETTING_BASE64:
		return parse_base64(text, buf, len);
	case SETTING_UINT:
		return parse_uint(text, buf, len);
	case SETTING_INT8:
	case SETTING_INT16:
	case SETTING_INT32:
	case SETTING_UINT8:
	case SETTING_UINT16:
	case SETTING_UINT32:
		return parse_integer_type(type, text, buf, len);
	case SETTING_BUSDEVFN:
		return parse_busdevfn(text, buf, len);
	case SETTING_IPV4:
		return parse_ipv4_list(text, buf, len);
	case SETTING_UUID:
		rc = parse_uuid(text, fixed);
		break;
	case SETTING_IPV6:
		rc = inet6_aton(text, (struct in6_addr *)fixed) ? -EINVAL :
		     (int)sizeof(struct in6_addr);
		break;
	default:
		return -EINVAL;
	}
	if (rc < 0)
		return rc;
	if ((size_t)rc > len)
		return -ERANGE;
	memcpy(buf, fixed, (size_t)rc);
	return rc;
}
