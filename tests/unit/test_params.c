/* SPDX-License-Identifier: GPL-2.0-or-later */
// FIRMWARE_SOURCES: src/core/params.c src/core/string.c
/*
 * Form parameter lists: named and unnamed lists, re-creating one empties
 * it, the URI fragments that name a list ("#params", "#params=NAME") and
 * those that do not, and the form encoding (space as '+', everything but
 * unreserved characters as %XX), also into a buffer too small.
 */

#include <stdlib.h>
#include <string.h>

#define create_parameters wb_create_parameters
#define find_parameters wb_find_parameters
#define add_parameter wb_add_parameter
#define fragment_parameters wb_fragment_parameters
#define format_parameters wb_format_parameters
#include <wireboot/params.h>

#include "unit.h"

void *zalloc(size_t size)
{
	return calloc(1, size);
}

static void test_lists(void)
{
	struct parameters *unnamed = create_parameters(NULL);
	struct parameters *named = create_parameters("form");
	char buf[128];
	int tried;

	CHECK(unnamed && named && unnamed != named);
	CHECK(find_parameters(NULL) == unnamed);
	CHECK(find_parameters("form") == named);
	CHECK(find_parameters("other") == NULL);
	CHECK_INT(add_parameter(named, "a", "1"), 0);
	CHECK_INT(add_parameter(named, "empty", NULL), 0);
	CHECK_INT(format_parameters(named, buf, sizeof(buf)), 10);
	CHECK_STR(buf, "a=1&empty=");
	/* Created again: the same list, emptied. */
	CHECK(create_parameters("form") == named);
	CHECK_INT(format_parameters(named, buf, sizeof(buf)), 0);
	CHECK_STR(buf, "");

	CHECK(fragment_parameters("#params", &tried) == unnamed && tried);
	CHECK(fragment_parameters("#params=form", &tried) == named && tried);
	CHECK(fragment_parameters("#params=none", &tried) == NULL && tried);
	CHECK(fragment_parameters("#paramsx", &tried) == NULL && !tried);
	CHECK(fragment_parameters("section", &tried) == NULL && !tried);
	CHECK(fragment_parameters(NULL, &tried) == NULL && !tried);
}

static void test_encoding(void)
{
	struct parameters *params = create_parameters("enc");
	char buf[128], small[8];

	add_parameter(params, "k y", "a+b&c=d/\xc3\xa9-_.*~");
	CHECK_INT(format_parameters(params, buf, sizeof(buf)), 33);
	CHECK_STR(buf, "k+y=a%2Bb%26c%3Dd%2F%C3%A9-_.*%7E");
	/* Too small: cut, terminated, the full length reported. */
	CHECK_INT(format_parameters(params, small, sizeof(small)), 33);
	CHECK_STR(small, "k+y=a%2");
	CHECK_INT(format_parameters(params, NULL, 0), 33);
}

int main(void)
{
	test_lists();
	test_encoding();
	return unit_finish();
}
