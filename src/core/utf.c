/* SPDX-License-Identifier: GPL-2.0-or-later */
/* UTF-8 <-> UTF-16 conversion, written for untrusted input on both sides. */

#include <wireboot/utf.h>

#define REPLACEMENT_CHARACTER 0xfffd

static size_t utf8_encoded_length(uint32_t code_point)
{
	if (code_point < 0x80)
		return 1;
	if (code_point < 0x800)
		return 2;
	if (code_point < 0x10000)
		return 3;
	return 4;
}

static void utf8_encode(char *out, uint32_t code_point, size_t len)
{
	static const uint8_t lead_bits[] = { 0, 0x00, 0xc0, 0xe0, 0xf0 };
	size_t i;

	for (i = len - 1; i > 0; i--) {
		out[i] = (char)(0x80 | (code_point & 0x3f));
		code_point >>= 6;
	}
	out[0] = (char)(lead_bits[len] | code_point);
}

size_t utf16_to_utf8(char *dest, size_t dest_size, const uint16_t *src,
		     size_t src_len)
{
	size_t needed = 0, stored = 0, i;
	int room = dest_size > 0;

	for (i = 0; i < src_len && src[i]; i++) {
		uint32_t code_point = src[i];
		size_t len;

		if (code_point >= 0xd800 && code_point <= 0xdbff &&
		    i + 1 < src_len && src[i + 1] >= 0xdc00 &&
		    src[i + 1] <= 0xdfff) {
			code_point = 0x10000 + ((code_point - 0xd800) << 10) +
				     (src[i + 1] - 0xdc00u);
			i++;
		} else if (code_point >= 0xd800 && code_point <= 0xdfff) {
			code_point = REPLACEMENT_CHARACTER;
		}
		len = utf8_encoded_length(code_point);
		if (room && stored + len < dest_size) {
			utf8_encode(dest + stored, code_point, len);
			stored += len;
		} else {
			room = 0;
		}
		needed += len;
	}
	if (dest_size)
		dest[stored] = '\0';
	return needed;
}

/* Decodes one UTF-8 character, rejecting overlong forms, surrogates and
 * values above U+10FFFF; *len is set to the bytes consumed (at least 1). */
static uint32_t utf8_decode(const unsigned char *s, size_t *len)
{
	static const uint32_t minimum[] = { 0, 0, 0x80, 0x800, 0x10000 };
	uint32_t code_point;
	size_t expected, i;

	*len = 1;
	if (s[0] < 0x80)
		return s[0];
	if ((s[0] & 0xe0) == 0xc0) {
		expected = 2;
		code_point = s[0] & 0x1f;
	} else if ((s[0] & 0xf0) == 0xe0) {
		expected = 3;
		code_point = s[0] & 0x0f;
	} else if ((s[0] & 0xf8) == 0xf0) {
		expected = 4;
		code_point = s[0] & 0x07;
	} else {
		return REPLACEMENT_CHARACTER;
	}
	for (i = 1; i < expected; i++) {
		if ((s[i] & 0xc0) != 0x80)	/* also stops at the NUL */
			return REPLACEMENT_CHARACTER;
		code_point = (code_point << 6) | (s[i] & 0x3f);
		*len = i + 1;
	}
	if (code_point < minimum[expected] || code_point > 0x10ffff ||
	    (code_point >= 0xd800 && code_point <= 0xdfff))
		return REPLACEMENT_CHARACTER;
	return code_point;
}

size_t utf8_to_utf16(uint16_t *dest, size_t dest_len, const char *src)
{
	const unsigned char *s = (const unsigned char *)src;
	size_t needed = 0, stored = 0;
	int room = dest_len > 0;

	while (*s) {
		size_t len, units;
		uint32_t code_point = utf8_decode(s, &len);

		s += len;
		units = code_point >= 0x10000 ? 2 : 1;
		if (room && stored + units < dest_len) {
			if (units == 2) {
				code_point -= 0x10000;
				dest[stored++] = (uint16_t)(0xd800 + (code_point >> 10));
				dest[stored++] = (uint16_t)(0xdc00 + (code_point & 0x3ff));
			} else {
				dest[stored++] = (uint16_t)code_point;
			}
		} else {
			room = 0;
		}
		needed += units;
	}
	if (dest_len)
		dest[stored] = 0;
	return needed;
}
