/* SPDX-License-Identifier: GPL-2.0-or-later */
// FIRMWARE_SOURCES: src/core/entropy.c src/core/entropy_jitter.c src/core/entropy_health.c src/core/sha256.c src/arch/x86_64/rdrand.c src/core/entropy_cpu.c src/crypto/random_drbg.c src/core/string.c
// WOLFSSL_SOURCES: wolfcrypt/src/random.c wolfcrypt/src/sha256.c
// HOST_SOURCES: src/platform/linux/linux_entropy.c
/*
 * The real entropy sources on this machine, as the hosted build links
 * them: getrandom() (the hosted platform's), RDRAND where this CPU has it,
 * and the timing-jitter source under its health tests on real timing;
 * then random_bytes() over the whole chain, which picks getrandom().
 */

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <wireboot/entropy.h>
#include "unit.h"

int wb_random_bytes(void *buf, size_t len);
const char *wb_entropy_source_name(void);
/* The table as entropy.c defines it (its symbols are renamed). */
extern const struct entropy_source wb_entropy_sources_table_start[0];
extern const struct entropy_source wb_entropy_sources_table_end[0];

static const struct entropy_source *find(const char *name)
{
	const struct entropy_source *source = TABLE_LAUNDER(wb_entropy_sources_table_start);

	for (; source < TABLE_LAUNDER(wb_entropy_sources_table_end); source++)
		if (!strcmp(source->name, name))
			return source;
	return NULL;
}

/* Two reads of a working source differ, and are not all zero. */
static void check_reads(const struct entropy_source *source)
{
	uint8_t a[64], b[64], zero[64] = { 0 };

	CHECK_INT(source->read(a, sizeof(a)), 0);
	CHECK_INT(source->read(b, sizeof(b)), 0);
	CHECK(memcmp(a, b, sizeof(a)) != 0);
	CHECK(memcmp(a, zero, sizeof(a)) != 0);
}

static void test_order(void)
{
	const struct entropy_source *source = TABLE_LAUNDER(wb_entropy_sources_table_start);
	const char *names[3] = { 0 };

	for (unsigned i = 0; i < 3 && source < TABLE_LAUNDER(wb_entropy_sources_table_end); i++)
		names[i] = (source++)->name;
	CHECK_STR(names[0], "getrandom");
	CHECK_STR(names[1], "rdrand");
	CHECK_STR(names[2], "jitter");
}

/*
 * Whether this machine's timing has the entropy the source claims is not
 * for the test to decide: a virtual machine whose time-stamp counter ticks
 * in coarse steps gives two or three distinct timings, and the health
 * tests must refuse it. Either way the source must behave: a started one
 * reads, a refused one stays refused.
 */
static void test_jitter(void)
{
	const struct entropy_source *jitter = find("jitter");
	uint8_t buf[8];
	int rc;

	if (!CHECK(jitter))
		return;
	CHECK_INT(jitter->read(buf, sizeof(buf)), -EIO);	/* not started */
	rc = jitter->start();
	if (rc == 0) {
		uint8_t a[64], b[64];

		/* The continuous tests run on every sample read: a loaded
		 * machine's timing may fail them after a good start, and the
		 * source must then stay refused. */
		rc = jitter->read(a, sizeof(a));
		if (rc == 0)
			rc = jitter->read(b, sizeof(b));
		if (rc == 0) {
			CHECK(memcmp(a, b, sizeof(a)) != 0);
			return;
		}
		printf("note: this machine's timing failed the jitter health tests while reading\n");
		CHECK_INT(rc, -EIO);
		CHECK_INT(jitter->start(), -EIO);
		return;
	}
	printf("note: this machine's timing failed the jitter health tests\n");
	CHECK_INT(rc, -EIO);
	CHECK_INT(jitter->read(buf, sizeof(buf)), -EIO);
	CHECK_INT(jitter->start(), -EIO);
}

static void test_rdrand(void)
{
	const struct entropy_source *rdrand = find("rdrand");

	if (!CHECK(rdrand))
		return;
	__builtin_cpu_init();
	if (__builtin_cpu_supports("rdrnd")) {
		CHECK_INT(rdrand->start(), 0);
		check_reads(rdrand);
	} else {
		CHECK_INT(rdrand->start(), -ENODEV);
	}
}

static void test_random_bytes(void)
{
	uint8_t a[32], b[32];

	CHECK_INT(wb_random_bytes(a, sizeof(a)), 0);
	CHECK_INT(wb_random_bytes(b, sizeof(b)), 0);
	CHECK(memcmp(a, b, sizeof(a)) != 0);
	CHECK_STR(wb_entropy_source_name(), "getrandom");
}

int main(void)
{
	test_order();
	test_jitter();
	test_rdrand();
	test_random_bytes();
	return unit_finish();
}
