/* SPDX-License-Identifier: GPL-2.0-or-later */
// FIRMWARE_SOURCES: src/core/settings.c src/core/setting_types.c src/core/inet6.c src/core/string.c src/core/vsprintf.c
/* Setting text on arbitrary input: parse_setting() of every type, and
 * whatever it accepts must format and parse back to the same bytes;
 * storef/fetchf with the input as a name. */

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <wireboot/build_info.h>
#include <wireboot/settings.h>

int wb_format_setting(enum setting_type type, const void *raw, size_t raw_len,
		      char *buf, size_t len);
int wb_parse_setting(enum setting_type type, const char *text, void *buf,
		     size_t len);
int wb_fetchf_setting(const char *name, char *buf, size_t len);
int wb_storef_setting(const char *name, const char *text);

const struct build_info build_info = { .version = "fuzz" };

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const enum setting_type types[] = {
		SETTING_STRING, SETTING_IPV4, SETTING_HEX, SETTING_UUID,
		SETTING_UINT, SETTING_HEXHYP, SETTING_HEXRAW,
		SETTING_URISTRING, SETTING_BASE64, SETTING_INT8,
		SETTING_INT16, SETTING_INT32, SETTING_UINT8, SETTING_UINT16,
		SETTING_UINT32, SETTING_BUSDEVFN,
	};
	char *text = malloc(size + 1), formatted[4096], *value;
	uint8_t raw[1024], again[1024];
	size_t i;

	if (!text)
		return 0;
	memcpy(text, data, size);
	text[size] = '\0';
	for (i = 0; i < sizeof(types) / sizeof(types[0]); i++) {
		int len = wb_parse_setting(types[i], text, raw, sizeof(raw));
		int text_len, len2;

		if (len < 0)
			continue;
		text_len = wb_format_setting(types[i], raw, (size_t)len,
					     formatted, sizeof(formatted));
		if (text_len < 0 || (size_t)text_len >= sizeof(formatted))
			continue;
		len2 = wb_parse_setting(types[i], formatted, again,
					sizeof(again));
		/* Strings stop at a NUL when formatted; others round-trip. */
		if (types[i] != SETTING_STRING &&
		    types[i] != SETTING_URISTRING &&
		    (len2 != len || memcmp(raw, again, (size_t)len) != 0))
			abort();
	}
	/* The input as a name (and as its own value). */
	if (wb_storef_setting(text, text) == 0) {
		int len = wb_fetchf_setting(text, NULL, 0);

		if (len >= 0 && (value = malloc((size_t)len + 1))) {
			wb_fetchf_setting(text, value, (size_t)len + 1);
			free(value);
		}
		wb_storef_setting(text, "");
	}
	free(text);
	return 0;
}
