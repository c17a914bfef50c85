/* SPDX-License-Identifier: GPL-2.0-or-later */
// FIRMWARE_SOURCES: src/core/smbios.c src/core/smbios_settings.c src/core/settings.c src/core/setting_types.c src/core/inet6.c src/core/string.c src/core/vsprintf.c
/* The SMBIOS parser (entry points, structures, strings, malformed tables)
 * and the smbios/ settings scope over a table of our own. */

#include <errno.h>
#include <stdlib.h>
#include <wireboot/build_info.h>
#include <wireboot/smbios.h>
#include "smbios_fixture.h"
#include "unit.h"

int wb_smbios_parse_entry(const void *entry_point, size_t len,
			  struct smbios_entry *entry);
int wb_smbios_find(const struct smbios_table *table, unsigned type,
		   unsigned instance, struct smbios_structure *found);
int wb_smbios_string(const struct smbios_structure *structure, unsigned index,
		     const char **text, size_t *len);
int wb_fetchf_setting(const char *name, char *buf, size_t len);
int wb_storef_setting(const char *name, const char *text);

const struct build_info build_info = { .version = "test" };

/* What the platform would find; major 0: none. */
static struct smbios_table platform_table;

int smbios_get_table(struct smbios_table *table)
{
	if (!platform_table.major)
		return -ENOENT;
	*table = platform_table;
	return 0;
}

static void test_entry_points(void)
{
	uint8_t ep3[24], ep2[31];
	struct smbios_entry entry;

	smbios_fixture_entry3(ep3, 0x123456789aULL, 0x4000);
	CHECK_INT(wb_smbios_parse_entry(ep3, sizeof(ep3), &entry), 0);
	CHECK(entry.address == 0x123456789aULL);
	CHECK_INT(entry.len, 0x4000);
	CHECK_INT(entry.major, 3);
	CHECK_INT(entry.minor, 2);
	CHECK_INT(wb_smbios_parse_entry(ep3, 23, &entry), -EINVAL);
	ep3[0x10] ^= 1;		/* checksum no longer 0 */
	CHECK_INT(wb_smbios_parse_entry(ep3, sizeof(ep3), &entry), -EINVAL);

	smbios_fixture_entry2(ep2, 0xf0000, 0x1234);
	CHECK_INT(wb_smbios_parse_entry(ep2, sizeof(ep2), &entry), 0);
	CHECK(entry.address == 0xf0000);
	CHECK_INT(entry.len, 0x1234);
	CHECK_INT(entry.major, 2);
	CHECK_INT(entry.minor, 8);
	CHECK_INT(wb_smbios_parse_entry(ep2, 30, &entry), -EINVAL);
	/* A length byte beyond what is there. */
	ep2[5] = 40;
	smbios_fixture_sum(ep2, 31, 4);
	CHECK_INT(wb_smbios_parse_entry(ep2, sizeof(ep2), &entry), -EINVAL);
	smbios_fixture_entry2(ep2, 0xf0000, 0x1234);
	memcpy(ep2 + 0x10, "_DMX_", 5);
	smbios_fixture_sum(ep2 + 0x10, 15, 5);
	smbios_fixture_sum(ep2, 31, 4);
	CHECK_INT(wb_smbios_parse_entry(ep2, sizeof(ep2), &entry), -EINVAL);
	CHECK_INT(wb_smbios_parse_entry("_SM4_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
					31, &entry), -EINVAL);
}

static void check_string(const struct smbios_structure *s, unsigned index,
			 const char *want)
{
	const char *text;
	size_t len;
	int rc = wb_smbios_string(s, index, &text, &len);

	if (!want) {
		CHECK_INT(rc, -ENOENT);
		return;
	}
	if (CHECK_INT(rc, 0))
		CHECK(len == strlen(want) && memcmp(text, want, len) == 0);
}

static void test_structures(void)
{
	/* Exact size, so that ASan sees any read beyond it. */
	size_t len = sizeof(smbios_fixture_table);
	uint8_t *copy = malloc(len);
	struct smbios_table table = { .data = copy, .len = len, .major = 3 };
	struct smbios_structure s;

	memcpy(copy, smbios_fixture_table, len);
	CHECK_INT(wb_smbios_find(&table, 1, 0, &s), 0);
	CHECK_INT(s.len, 0x1b);
	check_string(&s, 1, "WireCorp");
	check_string(&s, 2, "Test Box");
	check_string(&s, 3, "SN123");
	check_string(&s, 4, NULL);
	check_string(&s, 0, NULL);
	CHECK_INT(wb_smbios_find(&table, 3, 1, &s), 0);
	CHECK_INT(s.strings_len, 0);
	check_string(&s, 1, NULL);
	CHECK_INT(wb_smbios_find(&table, 3, 2, &s), -ENOENT);
	CHECK_INT(wb_smbios_find(&table, 4, 0, &s), -ENOENT);

	/* Cut short: every length counts (the first structure and its
	 * strings take 52 bytes; a table ending there just has no more). */
	for (size_t cut = 1; cut < 60; cut++) {
		table.len = cut;
		CHECK_INT(wb_smbios_find(&table, 3, 0, &s),
			  cut == 52 ? -ENOENT : -EINVAL);
	}
	/* A structure claiming less than its header. */
	table.len = len;
	copy[1] = 3;
	CHECK_INT(wb_smbios_find(&table, 1, 0, &s), -EINVAL);
	free(copy);
}

static void check_fetchf(const char *name, const char *want)
{
	char buf[80];
	int rc = wb_fetchf_setting(name, buf, sizeof(buf));

	if (!want) {
		if (!CHECK_INT(rc, -ENOENT))
			printf("     %s = \"%s\"\n", name, buf);
		return;
	}
	if (!CHECK_STR(buf, want))
		printf("     fetching %s (%d)\n", name, rc);
}

static void test_scope(void)
{
	check_fetchf("smbios/uuid", NULL);	/* no table */
	platform_table.data = smbios_fixture_table;
	platform_table.len = sizeof(smbios_fixture_table);
	platform_table.major = 3;
	check_fetchf("smbios/uuid", "12345678-9abc-def0-1234-56789abcdef0");
	check_fetchf("uuid", "12345678-9abc-def0-1234-56789abcdef0");
	check_fetchf("manufacturer", "WireCorp");
	check_fetchf("smbios/product", "Test Box");
	check_fetchf("product:uristring", "Test%20Box");
	check_fetchf("serial", "SN123");
	check_fetchf("asset", "ASSET-7");
	check_fetchf("board-serial", NULL);	/* no type 2 */
	check_fetchf("smbios/1.4.0", "WireCorp");
	check_fetchf("smbios/1.8.4", "78:56:34:12");
	check_fetchf("smbios/1.0x1a.1", "00");
	check_fetchf("smbios/1.0x1b.1", NULL);	/* beyond the structure */
	check_fetchf("smbios/1.6.0", NULL);	/* string 0: none */
	check_fetchf("smbios/0.3.8.0", "ASSET-7");
	check_fetchf("smbios/1.3.8.0", NULL);	/* the second has no strings */
	check_fetchf("smbios/1.3.8.1", "00");
	check_fetchf("smbios/2.3.8.1", NULL);
	check_fetchf("smbios/x", NULL);
	check_fetchf("smbios/1.2", NULL);
	check_fetchf("smbios/1.256.0", NULL);
	check_fetchf("1.4.0", NULL);	/* numbers only when qualified */
	/* Before 2.6 the UUID is stored in the order it is shown. */
	platform_table.major = 2;
	platform_table.minor = 5;
	check_fetchf("uuid", "78563412-bc9a-f0de-1234-56789abcdef0");
	CHECK_INT(wb_storef_setting("smbios/serial", "x"), -ENOTSUP);
	/* Stored values come first for an unqualified name. */
	CHECK_INT(wb_storef_setting("serial", "mine"), 0);
	check_fetchf("serial", "mine");
	check_fetchf("smbios/serial", "SN123");
}

int main(void)
{
	test_entry_points();
	test_structures();
	test_scope();
	return unit_finish();
}
