/* SPDX-License-Identifier: GPL-2.0-or-later */
// FIRMWARE_SOURCES: src/core/utf.c
/* UTF-8 <-> UTF-16 conversion: valid text, malformed input, truncation. */

#include <string.h>
#include "unit.h"
#include "firmware.h"

int main(void)
{
	char out[64];
	uint16_t units[32];

	/* ASCII, 2-, 3- and 4-byte characters (U+00E9, U+20AC, U+1F600). */
	static const uint16_t mixed[] = { 'a', 0xe9, 0x20ac, 0xd83d, 0xde00, 0 };
	CHECK_INT(wb_utf16_to_utf8(out, sizeof(out), mixed, 16), 10);
	CHECK_STR(out, "a\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80");
	CHECK_INT(wb_utf8_to_utf16(units, 32, out), 5);
	CHECK(memcmp(units, mixed, sizeof(mixed)) == 0);

	/* The length bound is respected without a NUL in the source. */
	static const uint16_t abc[] = { 'a', 'b', 'c' };
	CHECK_INT(wb_utf16_to_utf8(out, sizeof(out), abc, 2), 2);
	CHECK_STR(out, "ab");
	CHECK_INT(wb_utf16_to_utf8(NULL, 0, abc, 3), 3);
	CHECK_INT(wb_utf16_to_utf8(out, sizeof(out), NULL, 0), 0);
	CHECK_STR(out, "");

	/* Unpaired surrogates become U+FFFD. */
	static const uint16_t lone[] = { 0xd800, 'x', 0xdc00, 0xd83d };
	CHECK_INT(wb_utf16_to_utf8(out, sizeof(out), lone, 4), 10);
	CHECK_STR(out, "\xef\xbf\xbdx\xef\xbf\xbd\xef\xbf\xbd");

	/* Truncation never splits a character and still terminates. */
	CHECK_INT(wb_utf16_to_utf8(out, 4, mixed, 16), 10);
	CHECK_STR(out, "a\xc3\xa9");
	CHECK_INT(wb_utf16_to_utf8(out, 1, mixed, 16), 10);
	CHECK_STR(out, "");

	/* Malformed UTF-8: stray continuation, overlong, surrogate, too big,
	 * truncated sequence at the end. */
	CHECK_INT(wb_utf8_to_utf16(units, 32, "\x80"), 1);
	CHECK_INT(units[0], 0xfffd);
	CHECK_INT(wb_utf8_to_utf16(units, 32, "\xc0\xaf"), 1);
	CHECK_INT(units[0], 0xfffd);
	CHECK_INT(wb_utf8_to_utf16(units, 32, "\xed\xa0\x80"), 1);
	CHECK_INT(units[0], 0xfffd);
	CHECK_INT(wb_utf8_to_utf16(units, 32, "\xf4\x90\x80\x80"), 1);
	CHECK_INT(units[0], 0xfffd);
	CHECK_INT(wb_utf8_to_utf16(units, 32, "ok\xe2\x82"), 3);
	CHECK(units[0] == 'o' && units[1] == 'k' && units[2] == 0xfffd && units[3] == 0);

	/* A surrogate pair does not fit in the last free unit. */
	CHECK_INT(wb_utf8_to_utf16(units, 2, "\xf0\x9f\x98\x80"), 2);
	CHECK_INT(units[0], 0);
	CHECK_INT(wb_utf8_to_utf16(units, 0, "abc"), 3);
	return unit_finish();
}
