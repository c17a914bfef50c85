/* SPDX-License-Identifier: GPL-2.0-or-later */
// FIRMWARE_SOURCES: src/core/vsprintf.c src/core/string.c
/* Truncation and odd formats are what this test is about. */
#pragma GCC diagnostic ignored "-Wformat-truncation"
#pragma GCC diagnostic ignored "-Wformat-overflow"
#pragma GCC diagnostic ignored "-Wformat"
#pragma GCC diagnostic ignored "-Wformat-extra-args"
/*
 * Our printf formatting, compared case by case with the C library's: the
 * same format and arguments must give the same text and the same length,
 * with and without truncation.
 */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <stdint.h>
#include <limits.h>
#include "unit.h"
#include "firmware.h"

/* Formats with both implementations into buffers of several sizes. */
#define SAME(...)                                                            \
	do {                                                                 \
		char want[256], got[256];                                    \
		int want_len = snprintf(want, sizeof(want), __VA_ARGS__);    \
		int got_len = wb_snprintf(got, sizeof(got), __VA_ARGS__);    \
		CHECK_STR(got, want);                                        \
		CHECK_INT(got_len, want_len);                                \
		for (size_t size = 0; size < 8; size++) {                    \
			char small_want[8] = "XXXXXXX", small_got[8] = "XXXXXXX"; \
			snprintf(small_want, size, __VA_ARGS__);             \
			wb_snprintf(small_got, size, __VA_ARGS__);           \
			CHECK(memcmp(small_want, small_got, 8) == 0);        \
		}                                                            \
	} while (0)

int main(void)
{
	SAME("plain text");
	SAME("%%");
	SAME("%d %i %d %d", 0, -1, INT_MAX, INT_MIN);
	SAME("%u %u", 0u, UINT_MAX);
	SAME("%x %X %#x %#X %#x", 0xdeadbeefu, 0xabcu, 255u, 255u, 0u);
	SAME("%o %#o %#o", 8u, 8u, 0u);
	SAME("%5d|%-5d|%05d|%+d|% d|%+5d", 42, 42, 42, 42, 42, -42);
	SAME("%.3d|%.0d|%5.3d|%-8.3x|%08.3d", 7, 0, 7, 0xa, 5);
	SAME("%*d|%-*d|%.*d|%*d", 6, 1, 6, 2, 4, 3, -6, 4);
	SAME("%hhd %hhu %hd %hu", 300, 300, 70000, 70000);
	SAME("%ld %lu %lx", LONG_MIN, ULONG_MAX, ULONG_MAX);
	SAME("%lld %llu %llx", LLONG_MIN, ULLONG_MAX, 0x123456789abcdefULL);
	SAME("%zu %zd %zx", (size_t)SIZE_MAX, (ssize_t)-5, (size_t)0x1000);
	SAME("%td %jd %ju", (ptrdiff_t)-9, (intmax_t)INTMAX_MIN, (uintmax_t)UINTMAX_MAX);
	SAME("%s|%10s|%-10s|%.2s|%10.2s|%.*s", "abc", "abc", "abc", "abc", "abc", 1, "xyz");
	SAME("%c%c%3c%-3c|", 'a', 'b', 'c', 'd');
	SAME("%p", (void *)0x1234);
	SAME("%020p|%-20p|", (void *)0xabcdef, (void *)0xabcdef);
	SAME("%#08x|%#-8x|%#8x", 0x1f, 0x1f, 0x1f);
	SAME("%+.0d|% .0d|%+05d|%-+5d|", 0, 0, 3, 3);

	/* Long output through the small-buffer paths. */
	{
		char big[600], got[600];
		memset(big, 'a', sizeof(big) - 1);
		big[sizeof(big) - 1] = '\0';
		CHECK_INT(wb_snprintf(got, sizeof(got), "%s", big), 599);
		CHECK_STR(got, big);
		CHECK_INT(wb_snprintf(got, 10, "%s", big), 599);
		CHECK_STR(got, "aaaaaaaaa");
		CHECK_INT(wb_snprintf(NULL, 0, "%d", 12345), 5);
	}

	/* Things the C library leaves undefined get a defined, visible result. */
	{
		char got[32];
		wb_snprintf(got, sizeof(got), "%s", (char *)NULL);
		CHECK_STR(got, "(null)");
		wb_snprintf(got, sizeof(got), "%p", NULL);
		CHECK_STR(got, "(nil)");
		wb_snprintf(got, sizeof(got), "%q%d", 5);
		CHECK_STR(got, "%q5");
		wb_snprintf(got, sizeof(got), "end%");
		CHECK_STR(got, "end%");
	}

	/* asprintf allocates exactly what the text needs. */
	{
		char *text = NULL;
		CHECK_INT(wb_asprintf(&text, "%s-%03d", "net", 7), 7);
		CHECK_STR(text, "net-007");
		free(text);
	}
	return unit_finish();
}
