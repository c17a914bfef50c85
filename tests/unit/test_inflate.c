/* SPDX-License-Identifier: GPL-2.0-or-later */
// FIRMWARE_SOURCES: src/core/inflate.c src/core/gzip.c src/core/string.c
/*
 * DEFLATE and gzip decoding: the three block types (vectors made with
 * Python's zlib), gzip members with every optional header field and
 * concatenated members followed by zero padding, then damage: every
 * truncation of every vector, flipped bits (must fail or decode, never
 * run past a buffer: the input is copied to an exact-size allocation),
 * a wrong CRC-32 or length, reserved flags, block type 3, a stored
 * block whose lengths disagree, a distance before the output's start,
 * repeat codes without a previous length, trailing garbage, and an
 * output limit.
 */

#include <errno.h>
#include <stdbool.h>
#include <stdlib.h>
#include <wireboot/inflate.h>
#include "unit.h"

int wb_inflate(const uint8_t *in, size_t len, struct inflate_output *out,
	       size_t *used);
int wb_gunzip(const uint8_t *in, size_t len, struct inflate_output *out);
int wb_gzip_probe(const uint8_t *data, size_t len);

/* Made with Python's zlib and gzip modules. */
static const uint8_t dynamic_deflate[] = {
	0x95, 0xd5, 0x59, 0x52, 0xc3, 0x30, 0x10, 0x45, 0xd1, 0xff, 0xac, 0x42,
	0x4b, 0x88, 0xba, 0x2d, 0x59, 0x62, 0x37, 0x0c, 0x06, 0x02, 0x26, 0x86,
	0x84, 0x30, 0xad, 0x9e, 0x02, 0xbd, 0x5e, 0xc0, 0xfd, 0x76, 0xdd, 0xd2,
	0x74, 0x24, 0xaf, 0x87, 0xe3, 0x92, 0xf6, 0x57, 0xe9, 0xfd, 0x71, 0x49,
	0x6f, 0x97, 0xc3, 0xed, 0x73, 0xba, 0x39, 0x6d, 0x9f, 0xc7, 0x74, 0xbf,
	0x7d, 0xa5, 0xa7, 0xcb, 0xcb, 0xeb, 0x39, 0x6d, 0x1f, 0xcb, 0xe9, 0xff,
	0xf3, 0x7a, 0xfd, 0xf3, 0x9d, 0xee, 0xb6, 0x87, 0xb4, 0xdf, 0xad, 0x7f,
	0x55, 0x66, 0x55, 0x1e, 0x95, 0xb1, 0x6a, 0x1a, 0x95, 0xb3, 0xaa, 0x8f,
	0x6a, 0x82, 0x33, 0xac, 0x23, 0x2b, 0x2c, 0xb3, 0x32, 0xb2, 0xca, 0x32,
	0xd7, 0x68, 0x33, 0xdc, 0x10, 0xad, 0xad, 0xb1, 0xac, 0x6a, 0x23, 0x3b,
	0xcb, 0x9a, 0x4e, 0x2d, 0x43, 0x22, 0xae, 0x0c, 0x1a, 0x31, 0xcd, 0x32,
	0x53, 0x25, 0xb3, 0x3a, 0xe8, 0x64, 0x36, 0x75, 0x50, 0x4a, 0x64, 0x50,
	0x8a, 0xc7, 0x6e, 0x42, 0x2a, 0x35, 0xc6, 0x83, 0x56, 0xba, 0x64, 0x66,
	0x88, 0xc5, 0xe3, 0xf8, 0xa0, 0x96, 0x59, 0x2f, 0x83, 0x41, 0x2d, 0x59,
	0xeb, 0x33, 0xc8, 0xa5, 0x68, 0x9e, 0x06, 0xb9, 0x74, 0x5d, 0x3d, 0x83,
	0x5c, 0x26, 0xf1, 0x34, 0xc8, 0xa5, 0xc7, 0xdb, 0x07, 0xbd, 0x4c, 0xb1,
	0x3e, 0xe8, 0xa5, 0xc7, 0x3c, 0xa1, 0x97, 0x12, 0xe7, 0x07, 0xbd, 0x34,
	0x65, 0x90, 0x4b, 0x15, 0x4f, 0x87, 0x5c, 0x4c, 0xb7, 0xdd, 0x21, 0x97,
	0xa6, 0x79, 0x3a, 0xe4, 0x52, 0xe2, 0x27, 0x04, 0xb9, 0x98, 0x58, 0x3b,
	0xe4, 0xd2, 0xf4, 0xc4, 0x3b, 0xe4, 0x52, 0xc5, 0xcc, 0xe9, 0x9f, 0x28,
	0xce, 0x01, 0x72, 0xc9, 0x31, 0x1e, 0xe5, 0xa2, 0xeb, 0xe7, 0xd4, 0x4b,
	0xdd, 0xfd, 0x02,
};
static const uint8_t fixed_deflate[] = {
	0xcb, 0x48, 0xcd, 0xc9, 0xc9, 0xd7, 0x51, 0xc8, 0x40, 0xa2, 0x14, 0x01,
};
static const uint8_t stored_deflate[] = {
	0x01, 0x10, 0x00, 0xef, 0xff, 0x73, 0x74, 0x6f, 0x72, 0x65, 0x64, 0x20,
	0x64, 0x61, 0x74, 0x61, 0x20, 0x68, 0x65, 0x72, 0x65,
};
static const uint8_t two_members[] = {
	0x1f, 0x8b, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x02, 0x03, 0x4b, 0xcb,
	0x2c, 0x2a, 0x2e, 0x51, 0xc8, 0x4d, 0xcd, 0x4d, 0x4a, 0x2d, 0xe2, 0x02,
	0x00, 0xa7, 0xf4, 0x85, 0x0a, 0x0d, 0x00, 0x00, 0x00, 0x1f, 0x8b, 0x08,
	0x00, 0x00, 0x00, 0x00, 0x00, 0x02, 0x03, 0x2b, 0x4e, 0x4d, 0xce, 0xcf,
	0x4b, 0x51, 0xc8, 0x4d, 0xcd, 0x4d, 0x4a, 0x2d, 0xe2, 0x02, 0x00, 0x36,
	0x18, 0x4b, 0x0e, 0x0e, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
};
static const uint8_t optional_fields[] = {
	0x1f, 0x8b, 0x08, 0x1e, 0x00, 0x00, 0x00, 0x00, 0x00, 0x03, 0x04, 0x00,
	0x61, 0x62, 0x63, 0x64, 0x6e, 0x61, 0x6d, 0x65, 0x2e, 0x74, 0x78, 0x74,
	0x00, 0x61, 0x20, 0x63, 0x6f, 0x6d, 0x6d, 0x65, 0x6e, 0x74, 0x00, 0x77,
	0xa8, 0xcb, 0x2f, 0x28, 0xc9, 0xcc, 0xcf, 0x4b, 0xcc, 0x51, 0x48, 0xcb,
	0x4c, 0xcd, 0x49, 0x29, 0x06, 0x00, 0xce, 0x7b, 0x78, 0x24, 0x0f, 0x00,
	0x00, 0x00,
};

static int grow(struct inflate_output *out, size_t need)
{
	uint8_t *data = realloc(out->data, need);

	if (!data)
		return -ENOMEM;
	out->data = data;
	out->capacity = need;
	return 0;
}

static void output_init(struct inflate_output *out, size_t limit)
{
	memset(out, 0, sizeof(*out));
	out->limit = limit;
	out->reserve = grow;
}

/* Decodes a copy of in (exactly len bytes) as raw DEFLATE or gzip. */
static int decode_copy(const uint8_t *in, size_t len, bool gzip,
		       struct inflate_output *out, size_t *used)
{
	uint8_t *copy = malloc(len ? len : 1);
	size_t dummy;
	int rc;

	if (len)
		memcpy(copy, in, len);
	rc = gzip ? wb_gunzip(copy, len, out) :
		    wb_inflate(copy, len, out, used ? used : &dummy);
	free(copy);
	return rc;
}

static bool decodes_to(const uint8_t *in, size_t len, bool gzip,
		       const void *want, size_t want_len)
{
	struct inflate_output out;
	size_t used = 0;
	int rc;
	bool ok;

	output_init(&out, 1 << 20);
	rc = decode_copy(in, len, gzip, &out, &used);
	ok = CHECK_INT(rc, 0) && CHECK_INT(out.len, want_len) &&
	     CHECK(memcmp(out.data, want, want_len) == 0);
	if (!gzip)
		ok = CHECK_INT(used, len) && ok;
	free(out.data);
	return ok;
}

static size_t dynamic_text(char *buf, size_t max)
{
	size_t len = 0;
	int i;

	for (i = 0; i < 40; i++)
		len += (size_t)snprintf(buf + len, max - len,
				"line %d: the quick brown fox jumps over the lazy dog %d\n",
				i, i * i % 97);
	return len;
}

static void test_block_types(void)
{
	char text[4096];
	size_t len = dynamic_text(text, sizeof(text));

	CHECK_INT(len, 2223);
	decodes_to(dynamic_deflate, sizeof(dynamic_deflate), false, text, len);
	decodes_to(fixed_deflate, sizeof(fixed_deflate), false,
		   "hello, hello, hello!", 20);
	decodes_to(stored_deflate, sizeof(stored_deflate), false,
		   "stored data here", 16);
}

static void test_gzip_files(void)
{
	CHECK(wb_gzip_probe(two_members, sizeof(two_members)));
	CHECK(!wb_gzip_probe(stored_deflate, sizeof(stored_deflate)));
	decodes_to(two_members, sizeof(two_members), true,
		   "first member\nsecond member\n", 27);
	decodes_to(optional_fields, sizeof(optional_fields), true,
		   "optional fields", 15);
}

/* Every prefix of every vector fails cleanly. */
static void test_truncation(void)
{
	static const struct { const uint8_t *data; size_t len; bool gzip; } v[] = {
		{ dynamic_deflate, sizeof(dynamic_deflate), false },
		{ fixed_deflate, sizeof(fixed_deflate), false },
		{ stored_deflate, sizeof(stored_deflate), false },
		{ two_members, sizeof(two_members) - 3, true },
		{ optional_fields, sizeof(optional_fields), true },
	};
	struct inflate_output out;
	size_t i, cut;

	for (i = 0; i < sizeof(v) / sizeof(v[0]); i++) {
		for (cut = 0; cut < v[i].len; cut++) {
			int rc;

			/* Cutting a gzip file between members leaves a whole
			 * file; everything else must fail. */
			if (v[i].gzip && v[i].data == two_members && cut == 33)
				continue;
			output_init(&out, 1 << 20);
			rc = decode_copy(v[i].data, cut, v[i].gzip, &out, NULL);
			if (!CHECK(rc < 0))
				printf("     vector %zu cut at %zu\n", i, cut);
			free(out.data);
		}
	}
}

/* Flipped bits: any result but a crash or an overrun (which the
 * sanitizers end the test with) will do, within the output limit. */
static void test_bit_flips(void)
{
	uint8_t copy[sizeof(dynamic_deflate)];
	struct inflate_output out;
	size_t bit;

	for (bit = 0; bit < sizeof(copy) * 8; bit++) {
		memcpy(copy, dynamic_deflate, sizeof(copy));
		copy[bit / 8] ^= (uint8_t)(1 << (bit % 8));
		output_init(&out, 4096);
		decode_copy(copy, sizeof(copy), false, &out, NULL);
		CHECK(out.len <= 4096);
		free(out.data);
	}
}

static int gunzip_of(const uint8_t *data, size_t len, size_t limit)
{
	struct inflate_output out;
	int rc;

	output_init(&out, limit);
	rc = decode_copy(data, len, true, &out, NULL);
	free(out.data);
	return rc;
}

static void test_damaged_gzip(void)
{
	uint8_t copy[sizeof(two_members)];
	size_t first = 33;	/* the first member's length */

	memcpy(copy, two_members, sizeof(copy));
	copy[first - 8] ^= 1;		/* its CRC-32 */
	CHECK_ERR(gunzip_of(copy, sizeof(copy), 1 << 20), -EBADMSG);
	memcpy(copy, two_members, sizeof(copy));
	copy[first - 4] ^= 1;		/* its length */
	CHECK_ERR(gunzip_of(copy, sizeof(copy), 1 << 20), -EBADMSG);
	memcpy(copy, two_members, sizeof(copy));
	copy[3] = 0x20;			/* a reserved flag */
	CHECK_ERR(gunzip_of(copy, sizeof(copy), 1 << 20), -EINVAL);
	memcpy(copy, two_members, sizeof(copy));
	copy[sizeof(copy) - 1] = 'x';	/* garbage after the last member */
	CHECK_ERR(gunzip_of(copy, sizeof(copy), 1 << 20), -EINVAL);
	memcpy(copy, optional_fields, sizeof(optional_fields));
	copy[14] ^= 1;			/* the extra field: header CRC fails */
	CHECK_ERR(gunzip_of(copy, sizeof(optional_fields), 1 << 20), -EBADMSG);
	/* The output limit: 26 bytes of 27. */
	CHECK_ERR(gunzip_of(two_members, sizeof(two_members), 26), -ENOSPC);
	CHECK_INT(gunzip_of(two_members, sizeof(two_members), 27), 0);
}

static int inflate_of(const uint8_t *data, size_t len)
{
	struct inflate_output out;
	int rc;

	output_init(&out, 1 << 20);
	rc = decode_copy(data, len, false, &out, NULL);
	free(out.data);
	return rc;
}

static void test_bad_streams(void)
{
	/* Block type 3. */
	static const uint8_t reserved_type[] = { 0x07, 0x00 };
	/* A stored block whose NLEN is not the complement of LEN. */
	static const uint8_t stored_mismatch[] = { 0x01, 0x02, 0x00, 0xfd, 0xfe, 'a', 'b' };
	/* A fixed block: literal 'a', then a match of length 3 at distance
	 * 2, which reaches before the start. */
	static const uint8_t far_distance[] = { 0x4b, 0x04, 0x42, 0x00 };
	/* The same at distance 1: a copy that overlaps what it writes. */
	static const uint8_t overlapping[] = { 0x4b, 0x04, 0x02, 0x00 };
	/* A dynamic block whose first code length is "repeat the previous". */
	static const uint8_t repeat_first[] = { 0x05, 0x00, 0x12, 0x00, 0, 0, 0, 0 };

	CHECK_ERR(inflate_of(reserved_type, sizeof(reserved_type)), -EINVAL);
	CHECK_ERR(inflate_of(stored_mismatch, sizeof(stored_mismatch)), -EINVAL);
	CHECK_ERR(inflate_of(far_distance, sizeof(far_distance)), -EINVAL);
	decodes_to(overlapping, sizeof(overlapping), false, "aaaa", 4);
	CHECK_ERR(inflate_of(repeat_first, sizeof(repeat_first)), -EINVAL);
	CHECK_ERR(inflate_of(NULL, 0), -EINVAL);
}

int main(void)
{
	test_block_types();
	test_gzip_files();
	test_truncation();
	test_bit_flips();
	test_damaged_gzip();
	test_bad_streams();
	return unit_finish();
}
