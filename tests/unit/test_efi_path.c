/* SPDX-License-Identifier: GPL-2.0-or-later */
// FIRMWARE_SOURCES: src/platform/efi/efi_path.c
/*
 * The device-path walker against well-formed and malformed paths: a
 * node of length zero (which would loop forever), lengths below the
 * header size, a node or a header running past the bound, a path with no
 * end node, and the node writers' output read back by the walker.
 */

#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "unit.h"
#include "../../src/platform/efi/efi_path.h"

int wb_efi_path_len(const EFI_DEVICE_PATH_PROTOCOL *path, size_t bound,
		    size_t *len);
void wb_efi_path_set_node(void *node, UINT8 type, UINT8 subtype, size_t len);
void wb_efi_path_set_end(void *node);

/* The walk over an exact heap copy, so that AddressSanitizer sees any
 * read past the bound. */
static int walk(const uint8_t *bytes, size_t size, size_t *len)
{
	uint8_t *copy = malloc(size ? size : 1);
	int rc;

	memcpy(copy, bytes, size);
	*len = 0xdead;
	rc = wb_efi_path_len((const EFI_DEVICE_PATH_PROTOCOL *)copy, size, len);
	free(copy);
	return rc;
}

static void test_well_formed(void)
{
	/* PciRoot-like node (8 bytes), a PCI node (6), then the end. */
	static const uint8_t path[] = {
		0x02, 0x01, 8, 0, 0x41, 0xd0, 0x0a, 0x03,
		0x01, 0x01, 6, 0, 0x00, 0x03,
		0x7f, 0xff, 4, 0,
	};
	static const uint8_t empty[] = { 0x7f, 0xff, 4, 0 };
	size_t len;

	CHECK_INT(walk(path, sizeof(path), &len), 0);
	CHECK_INT(len, 14);
	CHECK_INT(walk(empty, sizeof(empty), &len), 0);
	CHECK_INT(len, 0);
	/* Bytes after the end node are not looked at. */
	{
		uint8_t longer[sizeof(path) + 3];

		memcpy(longer, path, sizeof(path));
		memset(longer + sizeof(path), 0, 3);
		CHECK_INT(walk(longer, sizeof(longer), &len), 0);
		CHECK_INT(len, 14);
	}
}

static void test_malformed(void)
{
	static const uint8_t zero_length[] = { 0x01, 0x01, 0, 0, 0x7f, 0xff, 4, 0 };
	static const uint8_t short_length[] = { 0x01, 0x01, 3, 0, 0x7f, 0xff, 4, 0 };
	static const uint8_t zero_length_end[] = { 0x7f, 0xff, 0, 0 };
	static const uint8_t past_bound[] = { 0x01, 0x01, 6, 0, 0x00, 0x03,
					      0x7f, 0xff, 4, 0 };
	static const uint8_t huge[] = { 0x04, 0x04, 0xff, 0xff, 0x7f, 0xff, 4, 0 };
	static const uint8_t no_end[] = { 0x01, 0x01, 4, 0, 0x01, 0x01, 4, 0 };
	static const uint8_t end_runs_past[] = { 0x01, 0x01, 4, 0, 0x7f, 0xff, 8, 0 };
	size_t len;

	CHECK_INT(walk(zero_length, sizeof(zero_length), &len), -EINVAL);
	CHECK_INT(walk(short_length, sizeof(short_length), &len), -EINVAL);
	CHECK_INT(walk(zero_length_end, sizeof(zero_length_end), &len), -EINVAL);
	/* Truncated: the end node, then part of its header, cut off. */
	CHECK_INT(walk(past_bound, sizeof(past_bound) - 4, &len), -EINVAL);
	CHECK_INT(walk(past_bound, sizeof(past_bound) - 2, &len), -EINVAL);
	CHECK_INT(walk(past_bound, 5, &len), -EINVAL);
	CHECK_INT(walk(past_bound, 2, &len), -EINVAL);
	CHECK_INT(walk(past_bound, 0, &len), -EINVAL);
	CHECK_INT(walk(huge, sizeof(huge), &len), -EINVAL);
	CHECK_INT(walk(no_end, sizeof(no_end), &len), -EINVAL);
	CHECK_INT(walk(end_runs_past, sizeof(end_runs_past), &len), -EINVAL);
	/* Nothing is written on failure. */
	CHECK_INT(len, 0xdead);
}

static void test_writers(void)
{
	uint8_t path[37 + 4];
	size_t len;

	wb_efi_path_set_node(path, MESSAGING_DEVICE_PATH, MSG_MAC_ADDR_DP, 37);
	memset(path + 4, 0, 33);
	wb_efi_path_set_end(path + 37);
	CHECK_INT(path[0], MESSAGING_DEVICE_PATH);
	CHECK_INT(path[1], MSG_MAC_ADDR_DP);
	CHECK_INT(efi_device_path_node_length((void *)path), 37);
	CHECK(efi_path_is_end((void *)(path + 37)));
	CHECK_INT(path[38], END_ENTIRE_DEVICE_PATH_SUBTYPE);
	CHECK_INT(walk(path, sizeof(path), &len), 0);
	CHECK_INT(len, 37);
	CHECK(efi_path_next((void *)path) == (void *)(path + 37));
	/* A length above 255 lands in both bytes. */
	wb_efi_path_set_node(path, MEDIA_DEVICE_PATH, MEDIA_FILEPATH_DP, 0x1234);
	CHECK_INT(path[2], 0x34);
	CHECK_INT(path[3], 0x12);
}

int main(void)
{
	test_well_formed();
	test_malformed();
	test_writers();
	return unit_finish();
}
