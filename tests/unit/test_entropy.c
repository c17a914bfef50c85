/* SPDX-License-Identifier: GPL-2.0-or-later */
// FIRMWARE_SOURCES: src/core/entropy.c src/core/string.c
/*
 * Choosing the entropy source (src/core/entropy.c) among fakes: the table's
 * order, skipping sources that do not start, moving on when the chosen one
 * fails or repeats itself, never going back to a failed one, and -ENODEV
 * once none is left. The platform, architecture and jitter objects that
 * entropy.c requires are replaced by these fakes (plain names).
 */

#include <errno.h>
#include <stdint.h>
#include <string.h>
#include <wireboot/entropy.h>
#include "unit.h"

int wb_entropy_get(void *buf, size_t len);
const char *wb_entropy_source_name(void);

const char object_entropy_platform[1], object_entropy_arch[1], object_entropy_jitter[1];

enum mode { WORKS, FAILS, REPEATS };

struct fake {
	int start_rc;
	enum mode mode;
	unsigned starts, reads;
	uint64_t state;
};

static struct fake first = { .start_rc = -ENODEV, .state = 1 };
static struct fake second = { .state = 2 };
static struct fake third = { .state = 3 };
static char trace[64];

static int fake_read(struct fake *fake, void *buf, size_t len)
{
	uint8_t *out = buf;

	fake->reads++;
	if (fake->mode == FAILS)
		return -EIO;
	for (size_t i = 0; i < len; i++) {
		if (fake->mode == WORKS) {
			fake->state ^= fake->state << 13;
			fake->state ^= fake->state >> 7;
			fake->state ^= fake->state << 17;
		}
		out[i] = (uint8_t)(fake->state >> 32);
	}
	return 0;
}

#define FAKE_SOURCE(fake, order)                                             \
	static int fake##_start(void)                                        \
	{                                                                    \
		strcat(trace, #fake " ");                                    \
		fake.starts++;                                               \
		return fake.start_rc;                                        \
	}                                                                    \
	static int fake##_read(void *buf, size_t len)                        \
	{                                                                    \
		return fake_read(&fake, buf, len);                           \
	}                                                                    \
	static const struct entropy_source fake##_source ENTROPY_SOURCE(order) = { \
		.name = #fake, .start = fake##_start, .read = fake##_read,   \
	}

/* Defined in table order on purpose reversed, to show the order number is
 * what counts. */
FAKE_SOURCE(third, 90);
FAKE_SOURCE(second, 20);
FAKE_SOURCE(first, 10);

static int draw(size_t len)
{
	uint8_t buf[100];

	return wb_entropy_get(buf, len);
}

int main(void)
{
	uint8_t a[48], b[48];

	CHECK(wb_entropy_source_name() == NULL);

	/* The first source does not start; the second is chosen. */
	CHECK_INT(wb_entropy_get(a, sizeof(a)), 0);
	CHECK_STR(trace, "first second ");
	CHECK_STR(wb_entropy_source_name(), "second");
	CHECK_INT(wb_entropy_get(b, sizeof(b)), 0);
	CHECK(memcmp(a, b, sizeof(a)) != 0);
	CHECK_INT(draw(1), 0);
	CHECK_INT(first.starts, 1);

	/* It repeats itself: it is dropped, the third takes over. */
	second.mode = REPEATS;
	CHECK_INT(draw(40), 0);
	CHECK_STR(wb_entropy_source_name(), "third");
	CHECK_STR(trace, "first second third ");

	/* Even a working second never comes back; the third fails and nothing
	 * is left: every request fails from now on, without retrying. */
	second.mode = WORKS;
	third.mode = FAILS;
	CHECK_INT(draw(8), -ENODEV);
	CHECK(wb_entropy_source_name() == NULL);
	CHECK_INT(draw(8), -ENODEV);
	CHECK_STR(trace, "first second third ");
	CHECK_INT(first.starts + second.starts + third.starts, 3);
	return unit_finish();
}
