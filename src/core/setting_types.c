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
	[SETTING_IPV6] = "ipv6",
};

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

static void put_hex_byte(char *buf, size_t len, size_t *used, uint8_t byte)
{
	static const char digits[] = "0123456789abcdef";

	put_char(buf, len, used, digits[byte >> 4]);
	put_char(buf, len, used, digits[byte & 0xf]);
}

static int format_hex(const uint8_t *raw, size_t raw_len, char *buf,
		      size_t len)
{
	size_t i, used = 0;

	if (len)
		buf[0] = '\0';
	for (i = 0; i < raw_len; i++) {
		if (i)
			put_char(buf, len, &used, ':');
		put_hex_byte(buf, len, &used, raw[i]);
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

static int format_uint(const uint8_t *raw, size_t raw_len, char *buf,
		       size_t len)
{
	unsigned long long value = 0;
	size_t i;

	if (raw_len == 0 || raw_len > UINT_MAX_LEN)
		return -EINVAL;
	for (i = 0; i < raw_len; i++)
		value = (value << 8) | raw[i];
	return snprintf(buf, len, "%llu", value);
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
		return format_hex(bytes, raw_len, buf, len);
	case SETTING_UUID:
		if (raw_len != UUID_LEN)
			return -EINVAL;
		return format_uuid(bytes, buf, len);
	case SETTING_UINT:
		return format_uint(bytes, raw_len, buf, len);
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

/* "aa:bb:c" (one or two digits per byte) or "aabbcc" (two per byte). */
static int parse_hex(const char *text, uint8_t *buf, size_t len)
{
	bool colons = strchr(text, ':') != NULL;
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
		if (colons && *p++ != ':')
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

/* Stored big-endian in the fewest of 1, 2, 4 or 8 bytes. */
static int parse_uint(const char *text, uint8_t *buf, size_t len)
{
	unsigned long long value = 0;
	unsigned base = 10;
	const char *p = text;
	size_t size, i;

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
		if (value > (~0ULL - digit) / base)
			return -EINVAL;
		value = value * base + digit;
	}
	size = value <= 0xff ? 1 : value <= 0xffff ? 2 :
	       value <= 0xffffffffULL ? 4 : 8;
	if (size > len)
		return -ERANGE;
	for (i = 0; i < size; i++)
		buf[i] = (uint8_t)(value >> (8 * (size - 1 - i)));
	return (int)size;
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
		return parse_hex(text, buf, len);
	case SETTING_UINT:
		return parse_uint(text, buf, len);
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
