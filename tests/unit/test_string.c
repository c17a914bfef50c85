/* SPDX-License-Identifier: GPL-2.0-or-later */
// FIRMWARE_SOURCES: src/core/string.c
/* Memory and string functions against the C library, including edges. */

#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include "unit.h"
#include "firmware.h"

static int sign(int value)
{
	return (value > 0) - (value < 0);
}

int main(void)
{
	unsigned char src[300], dst[300], ref[300];
	size_t i, offset_s, offset_d, len;

	for (i = 0; i < sizeof(src); i++)
		src[i] = (unsigned char)(i * 7 + 3);

	/* memcpy over every alignment combination and short lengths. */
	for (offset_s = 0; offset_s < 9; offset_s++)
		for (offset_d = 0; offset_d < 9; offset_d++)
			for (len = 0; len < 40; len += 3) {
				memset(dst, 0, sizeof(dst));
				memset(ref, 0, sizeof(ref));
				wb_memcpy(dst + offset_d, src + offset_s, len);
				memcpy(ref + offset_d, src + offset_s, len);
				CHECK(memcmp(dst, ref, sizeof(dst)) == 0);
			}

	/* memmove in both directions with overlap. */
	for (len = 0; len < 64; len += 5) {
		memcpy(dst, src, sizeof(dst));
		memcpy(ref, src, sizeof(ref));
		wb_memmove(dst + 3, dst, len);
		memmove(ref + 3, ref, len);
		CHECK(memcmp(dst, ref, sizeof(dst)) == 0);
		wb_memmove(dst, dst + 5, len);
		memmove(ref, ref + 5, len);
		CHECK(memcmp(dst, ref, sizeof(dst)) == 0);
	}

	CHECK(wb_memset(dst, 0xab, 17) == dst && dst[16] == 0xab);
	CHECK(sign(wb_memcmp("abc", "abd", 3)) == -1);
	CHECK(sign(wb_memcmp("\xff", "\x01", 1)) == 1);
	CHECK(wb_memcmp("abc", "abd", 2) == 0);
	CHECK(wb_memchr("hello", 'l', 5) == NULL ? 0 : 1);
	CHECK(wb_memchr("hello", 'z', 5) == NULL);

	CHECK_INT(wb_strlen(""), 0);
	CHECK_INT(wb_strlen("wireboot"), 8);
	CHECK_INT(wb_strnlen("wireboot", 4), 4);
	CHECK_INT(wb_strnlen("ab", 10), 2);

	{
		static const char *words[] = { "", "a", "ab", "abc", "abd", "b",
					       "B", "\xff", "Abc" };
		size_t x, y;
		for (x = 0; x < sizeof(words) / sizeof(words[0]); x++)
			for (y = 0; y < sizeof(words) / sizeof(words[0]); y++) {
				CHECK_INT(sign(wb_strcmp(words[x], words[y])),
					  sign(strcmp(words[x], words[y])));
				CHECK_INT(sign(wb_strncmp(words[x], words[y], 2)),
					  sign(strncmp(words[x], words[y], 2)));
				CHECK_INT(sign(wb_strcasecmp(words[x], words[y])),
					  sign(strcasecmp(words[x], words[y])));
			}
	}
	CHECK(wb_strncasecmp("HELLO", "help", 3) == 0);

	{
		const char *s = "a/b/c";
		CHECK(wb_strchr(s, '/') == s + 1);
		CHECK(wb_strrchr(s, '/') == s + 3);
		CHECK(wb_strchr(s, '\0') == s + 5);
		CHECK(wb_strchr(s, 'z') == NULL);
		CHECK(wb_strrchr(s, 'z') == NULL);
		CHECK(wb_strstr(s, "b/c") == s + 2);
		CHECK(wb_strstr(s, "") == s);
		CHECK(wb_strstr(s, "c/") == NULL);
		CHECK_INT(wb_strspn("  \tx", " \t"), 3);
		CHECK_INT(wb_strcspn("key=value", "=;"), 3);
		CHECK_INT(wb_strcspn("key", "=;"), 3);
	}

	{
		char buf[8];
		CHECK_INT(wb_strlcpy(buf, "wireboot!", sizeof(buf)), 9);
		CHECK_STR(buf, "wireboo");
		CHECK_INT(wb_strlcpy(buf, "ab", sizeof(buf)), 2);
		CHECK_STR(buf, "ab");
		CHECK_INT(wb_strlcat(buf, "cdefgh", sizeof(buf)), 8);
		CHECK_STR(buf, "abcdefg");
		CHECK_INT(wb_strlcpy(buf, "x", 0), 1);
		CHECK_STR(buf, "abcdefg");
		memset(buf, 'z', sizeof(buf));	/* not terminated */
		CHECK_INT(wb_strlcat(buf, "ab", sizeof(buf)), 10);
	}

	{
		char *copy = wb_strdup("boot");
		CHECK_STR(copy, "boot");
		free(copy);
		copy = wb_strndup("network", 3);
		CHECK_STR(copy, "net");
		free(copy);
	}
	return unit_finish();
}
