/* SPDX-License-Identifier: GPL-2.0-or-later */
// FIRMWARE_SOURCES: src/core/netdev.c src/core/iobuf.c src/core/settings.c src/core/setting_types.c src/core/inet6.c src/core/string.c src/core/vsprintf.c
// ALSO_CLANG
/*
 * Runt frames go out padded with zeros, never with what a buffer held
 * before. The buffers a transmit reuses are first filled with a pattern
 * (in the firmware build freed buffers are kept and handed out again; in
 * this sanitizer build every buffer is fresh, and AddressSanitizer fills
 * new heap blocks with a non-zero byte), so a pad that is not written
 * shows as non-zero bytes on the fake wire.
 *
 * Built with gcc and with clang: the two compilers order the evaluation of
 * a call's arguments differently, and a pad length computed in the same
 * call as the iob_put() that consumes it is right with one and wrong with
 * the other.
 */

#include <string.h>
#include "unit.h"
#include "net_harness.h"

void wb_iob_cache_flush(void);
int wb_netdev_tx(struct net_device *netdev, struct io_buffer *iob);

/* The last frame the fake device sent. */
static const uint8_t *wire;
static size_t wire_len;

static int transmit_frame(struct net_device *netdev, struct io_buffer *iob)
{
	int rc;

	captured_count = 0;
	rc = wb_netdev_tx(netdev, iob);
	wire = captured[0].data;
	wire_len = captured_count ? captured[0].len : 0;
	return rc;
}

/* Allocates, fills with 0xa5 and frees as many buffers as the firmware
 * keeps for reuse, so the next allocations get stale contents. */
static void dirty_buffer_cache(void)
{
	struct io_buffer *iobs[64];
	unsigned i;

	for (i = 0; i < 64; i++) {
		iobs[i] = wb_alloc_iob(2048);
		memset(iobs[i]->head, 0xa5, 2048);
	}
	for (i = 0; i < 64; i++)
		wb_free_iob(iobs[i]);
}

static int all_zero(const uint8_t *bytes, size_t len)
{
	size_t i;

	for (i = 0; i < len; i++) {
		if (bytes[i])
			return 0;
	}
	return 1;
}

static void test_runt_padded_with_zeros(struct net_device *netdev)
{
	struct io_buffer *iob;

	dirty_buffer_cache();
	iob = wb_alloc_iob(128);
	memset(iob_put(iob, 42), 0x42, 42);
	CHECK_INT(transmit_frame(netdev, iob), 0);
	CHECK_INT(wire_len, 60);
	CHECK(wire[0] == 0x42 && wire[41] == 0x42);
	CHECK(all_zero(wire + 42, 18));
}

/* A frame built by the stack (an ARP request: 28 bytes behind a 14-byte
 * header) has room for the pad behind it. */
static void test_stack_frame_has_room_for_the_pad(struct net_device *netdev)
{
	struct io_buffer *iob;

	dirty_buffer_cache();
	iob = wb_alloc_net_iob(28);
	memset(iob_put(iob, 28), 0x28, 28);
	memset(iob_push(iob, 14), 0xee, 14);
	CHECK_INT(transmit_frame(netdev, iob), 0);
	CHECK_INT(wire_len, 60);
	CHECK(wire[13] == 0xee && wire[41] == 0x28);
	CHECK(all_zero(wire + 42, 18));
}

static void test_long_frames_untouched(struct net_device *netdev)
{
	struct io_buffer *iob = wb_alloc_iob(60);

	memset(iob_put(iob, 60), 0x60, 60);
	CHECK_INT(transmit_frame(netdev, iob), 0);
	CHECK_INT(wire_len, 60);
	CHECK(wire[59] == 0x60);

	/* Without room the frame goes as it is (the driver pads it). */
	iob = wb_alloc_iob(20);
	memset(iob_put(iob, 20), 0x20, 20);
	CHECK_INT(transmit_frame(netdev, iob), 0);
	CHECK_INT(wire_len, 20);
}

int main(void)
{
	struct net_device *netdev = fake_netdev();

	CHECK(netdev->is_open);
	test_runt_padded_with_zeros(netdev);
	test_stack_frame_has_room_for_the_pad(netdev);
	test_long_frames_untouched(netdev);
	wb_netdev_close(netdev);
	netdev_put(netdev);
	wb_iob_cache_flush();
	return unit_finish();
}
