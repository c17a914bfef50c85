/* SPDX-License-Identifier: GPL-2.0-or-later */
// FIRMWARE_SOURCES: src/core/strtoul.c
/* Number parsing against the C library, including overflow and bad input. */

#include <stdlib.h>
#include "unit.h"
#include "firmware.h"

static void same_unsigned(const char *text, int base)
{
	char *want_end, *got_end;
	unsigned long long want = strtoull(text, &want_end, base);
	unsigned long long got = wb_strtoull(text, &got_end, base);

	if (!CHECK(got == want && got_end == want_end))
		printf("     input \"%s\" base %d: got %llu (+%td), want %llu (+%td)\n",
		       text, base, got, got_end - text, want, want_end - text);
}

static void same_signed(const char *text, int base)
{
	char *want_end, *got_end;
	long want = strtol(text, &want_end, base);
	long got = wb_strtol(text, &got_end, base);

	if (!CHECK(got == want && got_end == want_end))
		printf("     input \"%s\" base %d: got %ld (+%td), want %ld (+%td)\n",
		       text, base, got, got_end - text, want, want_end - text);
}

int main(void)
{
	static const char *inputs[] = {
		"0", "123", "  42xyz", "+7", "-7", "0x1f", "0X1F", "0x", "0xg",
		"017", "08", "z", "", "   ", "-", "+", "ff", "FFFFFFFFFFFFFFFF",
		"18446744073709551615", "18446744073709551616",
		"99999999999999999999999", "9223372036854775807",
		"9223372036854775808", "-9223372036854775808",
		"-9223372036854775809", "0x7fffffffffffffff", "1010", "zz",
	};
	static const int bases[] = { 0, 2, 8, 10, 16, 36 };
	size_t i, j;

	for (i = 0; i < sizeof(inputs) / sizeof(inputs[0]); i++)
		for (j = 0; j < sizeof(bases) / sizeof(bases[0]); j++) {
			same_unsigned(inputs[i], bases[j]);
			same_signed(inputs[i], bases[j]);
		}
	CHECK(wb_strtoul("12", NULL, 10) == 12);
	/* An invalid base consumes nothing. */
	{
		char *end;
		const char *text = "12";
		CHECK(wb_strtoul(text, &end, 1) == 0 && end == text);
		CHECK(wb_strtoul(text, &end, 37) == 0 && end == text);
	}
	return unit_finish();
}
