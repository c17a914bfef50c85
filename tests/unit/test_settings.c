/* SPDX-License-Identifier: GPL-2.0-or-later */
// FIRMWARE_SOURCES: src/core/settings.c src/core/setting_types.c src/core/inet6.c src/core/string.c src/core/vsprintf.c
/* Setting types (format and parse, malformed input) and the settings
 * tree (qualified and unqualified names, children, ":type"). */

#include <errno.h>
#include <stdlib.h>
#include <wireboot/build_info.h>
#include <wireboot/settings.h>
#include "unit.h"

extern struct settings wb_global_settings;
void wb_settings_init(struct settings *block, const char *name);
void wb_register_settings(struct settings *block, struct settings *parent);
void wb_unregister_settings(struct settings *block);
struct settings *wb_find_settings(const char *path);
int wb_store_setting(struct settings *block, const char *name,
		     enum setting_type type, const void *data, size_t len);
int wb_fetch_setting(struct settings *block, const char *name, void *buf,
		     size_t len, enum setting_type *type);
int wb_format_setting(enum setting_type type, const void *raw, size_t raw_len,
		      char *buf, size_t len);
int wb_parse_setting(enum setting_type type, const char *text, void *buf,
		     size_t len);
int wb_setting_type_from_name(const char *name, enum setting_type *type);
int wb_fetchf_setting(const char *name, char *buf, size_t len);
int wb_storef_setting(const char *name, const char *text);

/* What the image's build record would hold. */
const struct build_info build_info = { .version = "1.2.3+gtest" };

/* Parses text as type, then formats it back: want is the text expected
 * (NULL: parsing must fail with -EINVAL). */
static void round_trip(enum setting_type type, const char *text,
		       const char *want)
{
	unsigned char raw[64];
	char out[128];
	int len = wb_parse_setting(type, text, raw, sizeof(raw));

	if (!want) {
		if (!CHECK_INT(len, -EINVAL))
			printf("     \"%s\" was accepted\n", text);
		return;
	}
	if (!CHECK(len >= 0)) {
		printf("     \"%s\" was refused (%d)\n", text, len);
		return;
	}
	CHECK_INT(wb_format_setting(type, raw, (size_t)len, out, sizeof(out)),
		  strlen(want));
	CHECK_STR(out, want);
}

static void test_types(void)
{
	unsigned char raw[8];
	char out[8];
	enum setting_type type;

	round_trip(SETTING_IPV4, "10.0.2.15", "10.0.2.15");
	round_trip(SETTING_IPV4, "0.0.0.0", "0.0.0.0");
	round_trip(SETTING_IPV4, "255.255.255.255", "255.255.255.255");
	round_trip(SETTING_IPV4, "010.0.0.1", "10.0.0.1");
	round_trip(SETTING_IPV4, "1.2.3", NULL);
	round_trip(SETTING_IPV4, "256.1.1.1", NULL);
	round_trip(SETTING_IPV4, "1.2.3.4.5", NULL);
	round_trip(SETTING_IPV4, "1.2.3.4 ", NULL);
	round_trip(SETTING_IPV4, "1..3.4", NULL);
	round_trip(SETTING_IPV4, "0001.2.3.4", NULL);
	round_trip(SETTING_IPV4, "", NULL);
	round_trip(SETTING_IPV4, "a.b.c.d", NULL);
	/* Lists (DHCP's several DNS servers). */
	round_trip(SETTING_IPV4, "10.0.0.1,10.0.0.2,10.0.0.3", "10.0.0.1,10.0.0.2,10.0.0.3");
	round_trip(SETTING_IPV4, "10.0.0.1,", NULL);
	round_trip(SETTING_IPV4, ",10.0.0.1", NULL);
	round_trip(SETTING_IPV4, "10.0.0.1, 10.0.0.2", NULL);
	round_trip(SETTING_IPV4, "10.0.0.1,,10.0.0.2", NULL);

	round_trip(SETTING_HEX, "52:54:00:12:34:56", "52:54:00:12:34:56");
	round_trip(SETTING_HEX, "525400ABCDEF", "52:54:00:ab:cd:ef");
	round_trip(SETTING_HEX, "1:2:a", "01:02:0a");
	round_trip(SETTING_HEX, "", "");
	round_trip(SETTING_HEX, "abc", NULL);
	round_trip(SETTING_HEX, "aa:", NULL);
	round_trip(SETTING_HEX, ":aa", NULL);
	round_trip(SETTING_HEX, "aa::bb", NULL);
	round_trip(SETTING_HEX, "aaa:bb", NULL);
	round_trip(SETTING_HEX, "zz", NULL);
	CHECK_INT(wb_parse_setting(SETTING_HEX, "01:02:03", raw, 2), -ERANGE);

	round_trip(SETTING_UUID, "12345678-9abc-DEF0-1234-56789abcdef0",
		   "12345678-9abc-def0-1234-56789abcdef0");
	round_trip(SETTING_UUID, "12345678-9abc-def0-1234-56789abcdef", NULL);
	round_trip(SETTING_UUID, "12345678-9abc-def0-1234-56789abcdef00", NULL);
	round_trip(SETTING_UUID, "123456789-abc-def0-1234-56789abcdef0", NULL);
	round_trip(SETTING_UUID, "12345678-9abc-def0-1234-56789abcdefg", NULL);
	round_trip(SETTING_UUID, "", NULL);

	round_trip(SETTING_UINT, "0", "0");
	round_trip(SETTING_UINT, "255", "255");
	round_trip(SETTING_UINT, "65536", "65536");
	round_trip(SETTING_UINT, "0x10", "16");
	round_trip(SETTING_UINT, "18446744073709551615", "18446744073709551615");
	round_trip(SETTING_UINT, "18446744073709551616", NULL);
	round_trip(SETTING_UINT, "", NULL);
	round_trip(SETTING_UINT, "0x", NULL);
	round_trip(SETTING_UINT, "-1", NULL);
	round_trip(SETTING_UINT, "12a", NULL);
	CHECK_INT(wb_parse_setting(SETTING_UINT, "300", raw, sizeof(raw)), 2);
	CHECK(raw[0] == 1 && raw[1] == 44);

	round_trip(SETTING_STRING, "hello world", "hello world");
	CHECK_INT(wb_format_setting(SETTING_STRING, "ab\0cd", 5, out,
				    sizeof(out)), 2);
	CHECK_STR(out, "ab");
	/* Truncation reports the full length, like snprintf. */
	CHECK_INT(wb_format_setting(SETTING_IPV4, "\x0a\x00\x02\x0f", 4, out,
				    sizeof(out)), 9);
	CHECK_STR(out, "10.0.2.");
	CHECK_INT(wb_format_setting(SETTING_HEX, "\x01\x02\x03", 3, out, 4), 8);
	CHECK_STR(out, "01:");
	CHECK_INT(wb_format_setting(SETTING_IPV4, "\x01", 1, out, sizeof(out)),
		  -EINVAL);
	CHECK_INT(wb_format_setting(SETTING_UINT, "", 0, out, sizeof(out)),
		  -EINVAL);
	CHECK_INT(wb_format_setting(SETTING_UUID, "abc", 3, out, sizeof(out)),
		  -EINVAL);

	CHECK_INT(wb_setting_type_from_name("ipv4", &type), 0);
	CHECK_INT(type, SETTING_IPV4);
	CHECK_INT(wb_setting_type_from_name("uristring", &type), 0);
	CHECK_INT(type, SETTING_URISTRING);
	CHECK_INT(wb_setting_type_from_name("int64", &type), -EINVAL);
	CHECK_INT(wb_setting_type_from_name("", &type), -EINVAL);
}

/* The established language's other types. */
static void test_more_types(void)
{
	unsigned char raw[8];
	char out[64];

	round_trip(SETTING_HEXHYP, "52-54-00-12-34-56", "52-54-00-12-34-56");
	round_trip(SETTING_HEXHYP, "525400ABCDEF", "52-54-00-ab-cd-ef");
	round_trip(SETTING_HEXHYP, "52:54", NULL);
	round_trip(SETTING_HEXHYP, "52--54", NULL);
	round_trip(SETTING_HEXRAW, "525400abcdef", "525400abcdef");
	round_trip(SETTING_HEXRAW, "52:54", NULL);
	round_trip(SETTING_HEXRAW, "525", NULL);
	CHECK_INT(wb_format_setting(SETTING_HEXRAW, "\x52\x54", 2, out,
				    sizeof(out)), 4);
	CHECK_STR(out, "5254");

	round_trip(SETTING_URISTRING, "a b/c?d=e&f", "a%20b%2Fc%3Fd%3De%26f");
	round_trip(SETTING_URISTRING, "Az09-._~", "Az09-._~");
	round_trip(SETTING_URISTRING, "%41%2f", "A%2F");
	round_trip(SETTING_URISTRING, "%4", NULL);
	round_trip(SETTING_URISTRING, "%zz", NULL);
	round_trip(SETTING_URISTRING, "", "");

	round_trip(SETTING_BASE64, "aGVsbG8=", "aGVsbG8=");
	round_trip(SETTING_BASE64, "aGVsbA==", "aGVsbA==");
	round_trip(SETTING_BASE64, "aGVs", "aGVs");
	round_trip(SETTING_BASE64, "", "");
	round_trip(SETTING_BASE64, "aGVsbG8", NULL);
	round_trip(SETTING_BASE64, "aG=s", NULL);
	round_trip(SETTING_BASE64, "a===", NULL);
	round_trip(SETTING_BASE64, "aG==aGVs", NULL);
	round_trip(SETTING_BASE64, "aG!s", NULL);
	CHECK_INT(wb_format_setting(SETTING_BASE64, "hello", 5, out,
				    sizeof(out)), 8);
	CHECK_STR(out, "aGVsbG8=");

	round_trip(SETTING_INT8, "-128", "-128");
	round_trip(SETTING_INT8, "127", "127");
	round_trip(SETTING_INT8, "128", NULL);
	round_trip(SETTING_INT8, "-129", NULL);
	round_trip(SETTING_INT8, "0x7f", "127");
	round_trip(SETTING_INT16, "-1", "-1");
	round_trip(SETTING_INT16, "32767", "32767");
	round_trip(SETTING_INT16, "32768", NULL);
	round_trip(SETTING_INT32, "-2147483648", "-2147483648");
	round_trip(SETTING_INT32, "2147483648", NULL);
	round_trip(SETTING_INT32, "-", NULL);
	round_trip(SETTING_INT32, "--1", NULL);
	round_trip(SETTING_UINT8, "255", "0xff");
	round_trip(SETTING_UINT8, "256", NULL);
	round_trip(SETTING_UINT8, "-1", NULL);
	round_trip(SETTING_UINT16, "0x1234", "0x1234");
	round_trip(SETTING_UINT16, "0", "0x0");
	round_trip(SETTING_UINT32, "4294967295", "0xffffffff");
	round_trip(SETTING_UINT32, "4294967296", NULL);
	CHECK_INT(wb_parse_setting(SETTING_INT32, "1", raw, sizeof(raw)), 4);
	CHECK(raw[0] == 0 && raw[3] == 1);
	CHECK_INT(wb_parse_setting(SETTING_UINT16, "1", raw, 1), -ERANGE);
	/* Another width shows the same bytes in this form. */
	CHECK_INT(wb_format_setting(SETTING_INT8, "\xff\xfe", 2, out,
				    sizeof(out)), 2);
	CHECK_STR(out, "-2");
	CHECK_INT(wb_format_setting(SETTING_UINT8, "\x01\x2c", 2, out,
				    sizeof(out)), 5);
	CHECK_STR(out, "0x12c");
	CHECK_INT(wb_format_setting(SETTING_INT32, "", 0, out, sizeof(out)),
		  -EINVAL);

	round_trip(SETTING_BUSDEVFN, "00:1d.2", "00:1d.2");
	round_trip(SETTING_BUSDEVFN, "0000:00:03.0", "00:03.0");
	round_trip(SETTING_BUSDEVFN, "0001:ff:1f.7", "0001:ff:1f.7");
	round_trip(SETTING_BUSDEVFN, "00:20.0", NULL);
	round_trip(SETTING_BUSDEVFN, "00:1f.8", NULL);
	round_trip(SETTING_BUSDEVFN, "100:00.0", NULL);
	round_trip(SETTING_BUSDEVFN, "00.0", NULL);
	round_trip(SETTING_BUSDEVFN, "1:2:3:4.0", NULL);
	round_trip(SETTING_BUSDEVFN, "00:03.", NULL);
	round_trip(SETTING_BUSDEVFN, "00:03.01", NULL);
	round_trip(SETTING_BUSDEVFN, "", NULL);
	CHECK_INT(wb_format_setting(SETTING_BUSDEVFN, "\x00\xea", 2, out,
				    sizeof(out)), 7);
	CHECK_STR(out, "00:1d.2");
}

static void check_fetchf(const char *name, const char *want)
{
	char buf[128];
	int rc = wb_fetchf_setting(name, buf, sizeof(buf));

	if (!want) {
		if (!CHECK_INT(rc, -ENOENT))
			printf("     %s = \"%s\"\n", name, buf);
		return;
	}
	if (!CHECK_STR(buf, want))
		printf("     fetching %s (%d)\n", name, rc);
}

static void test_tree(void)
{
	struct settings net0, dhcp, net1;
	static const unsigned char ip[] = { 10, 0, 2, 15 };
	char buf[32];

	wb_settings_init(&net0, "net0");
	wb_register_settings(&net0, NULL);
	wb_settings_init(&net1, "net1");
	wb_register_settings(&net1, NULL);
	wb_settings_init(&dhcp, "dhcp");
	wb_register_settings(&dhcp, &net0);
	CHECK(wb_find_settings("net0.dhcp") == &dhcp);
	CHECK(wb_find_settings("net0") == &net0);
	CHECK(wb_find_settings("") == &wb_global_settings);
	CHECK(wb_find_settings("net0.dhcpx") == NULL);
	CHECK(wb_find_settings("net0.") == NULL);

	CHECK_INT(wb_store_setting(&dhcp, "ip", SETTING_IPV4, ip, 4), 0);
	CHECK_INT(wb_store_setting(&dhcp, "filename", SETTING_STRING,
				   "boot.efi", 8), 0);
	CHECK_INT(wb_store_setting(&dhcp, "bad/name", SETTING_STRING, "x", 1),
		  -EINVAL);
	check_fetchf("net0.dhcp/ip", "10.0.2.15");
	check_fetchf("net0/ip", "10.0.2.15");	/* descends into children */
	check_fetchf("ip", "10.0.2.15");	/* unqualified: searches all */
	check_fetchf("ip:hex", "0a:00:02:0f");
	check_fetchf("net1/ip", NULL);
	check_fetchf("net9/ip", NULL);
	check_fetchf("filename", "boot.efi");
	check_fetchf("nosuch", NULL);
	CHECK_INT(wb_fetchf_setting("ip:nosuchtype", buf, sizeof(buf)), -EINVAL);
	CHECK_INT(wb_fetchf_setting("", buf, sizeof(buf)), -EINVAL);
	CHECK_INT(wb_fetchf_setting("/", buf, sizeof(buf)), -EINVAL);

	/* Storing keeps the type of the value it overrides. */
	CHECK_INT(wb_storef_setting("net0/ip", "192.168.0.9"), 0);
	check_fetchf("net0/ip", "192.168.0.9");
	check_fetchf("net0.dhcp/ip", "10.0.2.15");
	CHECK_INT(wb_storef_setting("net0/ip", "not-an-address"), -EINVAL);
	CHECK_INT(wb_storef_setting("net1/mac:hex", "52:54:00:00:00:01"), 0);
	check_fetchf("net1/mac", "52:54:00:00:00:01");
	CHECK_INT(wb_storef_setting("greeting", "hello world"), 0);
	check_fetchf("greeting", "hello world");
	CHECK_INT(wb_storef_setting("greeting", "again"), 0);
	check_fetchf("greeting", "again");
	CHECK_INT(wb_storef_setting("greeting", ""), 0);
	check_fetchf("greeting", NULL);
	CHECK_INT(wb_storef_setting("net7/x", "1"), -ENOENT);
	CHECK_INT(wb_storef_setting("count:uint", "300"), 0);
	check_fetchf("count", "300");
	check_fetchf("count:hex", "01:2c");

	/* Built-in values of the global block. */
	check_fetchf("version", "1.2.3+gtest");
	check_fetchf("buildarch", "x86_64");
	check_fetchf("net0/version", NULL);

	wb_unregister_settings(&dhcp);
	check_fetchf("net0.dhcp/ip", NULL);
	check_fetchf("filename", NULL);
	wb_unregister_settings(&net0);
	wb_unregister_settings(&net1);
	wb_unregister_settings(&wb_global_settings);
}

int main(void)
{
	test_types();
	test_more_types();
	test_tree();
	return unit_finish();
}
