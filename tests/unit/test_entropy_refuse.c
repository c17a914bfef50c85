/* SPDX-License-Identifier: GPL-2.0-or-later */
// FIRMWARE_SOURCES: src/core/entropy.c src/core/string.c
/*
 * entropy_refuse_all() (the hosted program's --no-entropy): a source that
 * works is dropped at once and never started or read again, every request
 * fails with -ENODEV, as on a machine where no source works.
 */

#include <errno.h>
#include <stdint.h>
#include <string.h>
#include <wireboot/entropy.h>
#include "unit.h"

int wb_entropy_get(void *buf, size_t len);
const char *wb_entropy_source_name(void);
void wb_entropy_refuse_all(void);

const char object_entropy_platform[1], object_entropy_arch[1], object_entropy_jitter[1];

static unsigned starts, reads;
static uint8_t counter;

static int counting_start(void)
{
	starts++;
	return 0;
}

static int counting_read(void *buf, size_t len)
{
	uint8_t *out = buf;

	reads++;
	for (size_t i = 0; i < len; i++)
		out[i] = ++counter;
	return 0;
}

static const struct entropy_source counting_source ENTROPY_SOURCE(10) = {
	.name = "counting", .start = counting_start, .read = counting_read,
};

int main(void)
{
	uint8_t buf[16];

	CHECK_INT(wb_entropy_get(buf, sizeof(buf)), 0);
	CHECK_STR(wb_entropy_source_name(), "counting");
	CHECK_INT(starts, 1);

	wb_entropy_refuse_all();
	CHECK(wb_entropy_source_name() == NULL);
	reads = 0;
	for (int i = 0; i < 3; i++)
		CHECK_INT(wb_entropy_get(buf, sizeof(buf)), -ENODEV);
	CHECK_INT(starts, 1);
	CHECK_INT(reads, 0);
	CHECK(wb_entropy_source_name() == NULL);
	return unit_finish();
}
