/* SPDX-License-Identifier: GPL-2.0-or-later */
// FIRMWARE_SOURCES: src/platform/efi/efi_snp_export.c src/core/netdev.c src/core/iobuf.c src/core/settings.c src/core/setting_types.c src/core/inet6.c src/core/string.c src/core/vsprintf.c
/*
 * The SNP export (EFI_SIMPLE_NETWORK_PROTOCOL over a network device) as a
 * firmware network stack or a loader calls it, with every argument from
 * the input: Receive() and Transmit() with buffer sizes smaller and larger
 * than the frame, header sizes right and wrong, optional pointers NULL or
 * not; filters, multicast lists, statistics, state changes, GetStatus()
 * and the WaitForPacket notification; over a fake device whose receive
 * queue holds frames of any length (runts shorter than a header included)
 * and whose transmit may fail.
 *
 * Every caller buffer is a heap block of exactly the size the call is
 * told, so AddressSanitizer stops a write beyond BufferSize. Checked
 * besides: a frame received fits what was reported and equals the frame
 * the device delivered; a frame sent equals the caller's (with the header
 * it asked for) padded with zeros; GetStatus() hands back exactly the
 * buffers sent; every call returns at the TPL it was called at.
 */

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "fuzz_input.h"
#include "net_harness.h"
#include <efi/system_table.h>
#include "../../src/platform/efi/efi_snp_export.h"

struct efi_snp_export *wb_efi_snp_export_new(struct net_device *netdev);
void wb_efi_snp_export_free(struct efi_snp_export *snp);
void wb_netdev_rx(struct net_device *netdev, struct io_buffer *iob);
void wb_netdev_link_up(struct net_device *netdev);
void wb_netdev_link_down(struct net_device *netdev);

static void check(int ok, const char *what)
{
	if (!ok) {
		fprintf(stderr, "SNP export: %s\n", what);
		abort();
	}
}

/* ---- the input ------------------------------------------------------------ */

/* A buffer size around the interesting ones: a header, a runt, a full
 * frame, one more or less. */
static UINTN take_size(void)
{
	static const UINTN sizes[] = { 0, 1, 13, 14, 15, 59, 60, 61, 1513, 1514, 1515 };
	uint8_t kind = take8();

	if (kind < 0xc0)
		return sizes[kind % (sizeof(sizes) / sizeof(sizes[0]))];
	return take16() % 2048;
}

/* ---- boot services: TPL and events ------------------------------------------ */

static EFI_TPL current_tpl = TPL_APPLICATION;
static EFI_EVENT_NOTIFY wait_notify;
static VOID *wait_context;
static unsigned live_events, signalled;

static EFI_TPL EFIAPI fake_raise_tpl(EFI_TPL tpl)
{
	EFI_TPL old = current_tpl;

	check(tpl >= current_tpl, "TPL lowered by RaiseTPL");
	current_tpl = tpl;
	return old;
}

static VOID EFIAPI fake_restore_tpl(EFI_TPL tpl)
{
	check(tpl <= current_tpl, "TPL raised by RestoreTPL");
	current_tpl = tpl;
}

static EFI_STATUS EFIAPI fake_create_event(UINT32 type, EFI_TPL tpl,
					   EFI_EVENT_NOTIFY notify, VOID *context,
					   EFI_EVENT *event)
{
	(void)tpl;
	check(type == EVT_NOTIFY_WAIT && notify && event, "unexpected event");
	wait_notify = notify;
	wait_context = context;
	live_events++;
	*event = (EFI_EVENT)&wait_notify;
	return EFI_SUCCESS;
}

static EFI_STATUS EFIAPI fake_close_event(EFI_EVENT event)
{
	check(event == (EFI_EVENT)&wait_notify && live_events, "closing an unknown event");
	live_events--;
	return EFI_SUCCESS;
}

static EFI_STATUS EFIAPI fake_signal_event(EFI_EVENT event)
{
	check(event == (EFI_EVENT)&wait_notify, "signalling an unknown event");
	signalled++;
	return EFI_SUCCESS;
}

static EFI_BOOT_SERVICES boot_services = {
	.RaiseTPL = fake_raise_tpl,
	.RestoreTPL = fake_restore_tpl,
	.CreateEvent = fake_create_event,
	.CloseEvent = fake_close_event,
	.SignalEvent = fake_signal_event,
};
EFI_BOOT_SERVICES *efi_boot_services = &boot_services;

/* ---- the device -------------------------------------------------------------- */

#define PENDING_MAX 8

static struct {
	uint8_t data[2048];
	size_t len;
} pending[PENDING_MAX];
static unsigned pending_count;
static int fail_transmit;

static int device_transmit(struct net_device *netdev, struct io_buffer *iob)
{
	if (fail_transmit)
		return fail_transmit;
	return fake_transmit(netdev, iob);
}

/* Delivers what the "wire" holds, as a driver's poll does; each frame in
 * a buffer of exactly its length. */
static void device_poll(struct net_device *netdev)
{
	unsigned i;

	for (i = 0; i < pending_count; i++) {
		struct io_buffer *iob = wb_alloc_iob(pending[i].len);

		memcpy(iob_put(iob, pending[i].len), pending[i].data, pending[i].len);
		wb_netdev_rx(netdev, iob);
	}
	pending_count = 0;
}

static const struct net_device_operations device_operations = {
	.open = fake_open,
	.close = fake_close,
	.transmit = device_transmit,
	.poll = device_poll,
};

static const uint8_t broadcast_mac[ETH_ALEN] = { 0xff, 0xff, 0xff, 0xff, 0xff, 0xff };
static const uint8_t multicast_mac[ETH_ALEN] = { 0x01, 0x00, 0x5e, 0, 0, 1 };

/* Puts a frame on the wire for the next poll. */
static void queue_frame(void)
{
	uint8_t *frame;
	size_t len = take_size();
	uint8_t dest = take8();

	if (pending_count == PENDING_MAX)
		return;
	frame = pending[pending_count].data;
	take_bytes(frame, len);
	/* Mostly destinations the filters let through. */
	if (len >= ETH_ALEN && dest % 4 != 3)
		memcpy(frame, dest % 4 == 0 ? our_mac : dest % 4 == 1 ?
		       broadcast_mac : multicast_mac, ETH_ALEN);
	pending[pending_count++].len = len;
}

/* ---- what the caller expects --------------------------------------------------- */

static struct net_device *netdev;
static struct efi_snp_export *snp;
static EFI_SIMPLE_NETWORK_PROTOCOL *protocol;

/* Buffers sent and not yet handed back by GetStatus(), oldest first. */
#define OUTSTANDING_MAX 64
static void *outstanding[OUTSTANDING_MAX];
static unsigned outstanding_count;

static void collected(void *buffer)
{
	check(outstanding_count && buffer == outstanding[0],
	      "GetStatus() returned a buffer that was not the oldest sent");
	free(buffer);
	outstanding_count--;
	memmove(&outstanding[0], &outstanding[1], outstanding_count * sizeof(outstanding[0]));
}

/* Receive() must return frames the device delivered, in order (frames
 * the filters reject may be skipped): the oldest match is consumed. */
static int delivered_frame(const uint8_t *data, size_t len)
{
	struct io_buffer *iob;

	list_for_each_entry(iob, &netdev->rx_queue, list) {
		if (iob_len(iob) == len && memcmp(iob->data, data, len) == 0)
			return 1;
	}
	return 0;
}

static int contains(const uint8_t *haystack, size_t len, const uint8_t *needle,
		    size_t needle_len)
{
	size_t i;

	for (i = 0; i + needle_len <= len; i++) {
		if (memcmp(haystack + i, needle, needle_len) == 0)
			return 1;
	}
	return 0;
}

static void receive_step(void)
{
	uint8_t flags = take8();
	UINTN given = take_size(), size = given;
	UINTN header_size = 0x5a5a;
	EFI_MAC_ADDRESS src, dest;
	UINT16 ethertype = 0x5a5a;
	uint8_t *buffer = (flags & 1) ? NULL : malloc(given);
	uint8_t *before = malloc(2048);
	size_t queued_len = 0;
	struct io_buffer *iob;
	EFI_STATUS status;
	unsigned i;

	/* Which frame comes cannot be known before the call (the filters
	 * drop some): remember the queue and what the wire holds. */
	list_for_each_entry(iob, &netdev->rx_queue, list) {
		if (queued_len + iob_len(iob) <= 2048)
			memcpy(before + queued_len, iob->data, iob_len(iob));
		queued_len += iob_len(iob);
	}
	for (i = 0; i < pending_count; i++) {
		if (queued_len + pending[i].len <= 2048)
			memcpy(before + queued_len, pending[i].data, pending[i].len);
		queued_len += pending[i].len;
	}
	status = protocol->Receive(protocol, (flags & 2) ? NULL : &header_size,
				   (flags & 4) ? NULL : &size, buffer,
				   (flags & 8) ? NULL : &src, (flags & 16) ? NULL : &dest,
				   (flags & 32) ? NULL : &ethertype);
	check(current_tpl == TPL_APPLICATION, "Receive() left the TPL raised");
	switch (status) {
	case EFI_SUCCESS:
		check(buffer && size <= given && size >= ETH_HLEN, "received size wrong");
		check(!(flags & 2) ? header_size == ETH_HLEN : 1, "header size wrong");
		check((flags & 32) || ethertype == (buffer[12] << 8 | buffer[13]),
		      "protocol wrong");
		check((flags & 8) || memcmp(src.Addr, buffer + 6, ETH_ALEN) == 0,
		      "source wrong");
		check((flags & 16) || memcmp(dest.Addr, buffer, ETH_ALEN) == 0,
		      "destination wrong");
		check(queued_len > 2048 || contains(before, queued_len, buffer, size),
		      "a frame the device did not deliver");
		break;
	case EFI_BUFFER_TOO_SMALL:
		check(size > given, "too small, yet the frame fits");
		check(netdev_rx_peek(netdev) && iob_len(netdev_rx_peek(netdev)) == size &&
		      delivered_frame(netdev_rx_peek(netdev)->data, size),
		      "the frame that did not fit is not kept");
		break;
	case EFI_INVALID_PARAMETER:
		check(!buffer || (flags & 4), "valid arguments refused");
		break;
	case EFI_NOT_READY:
	case EFI_NOT_STARTED:
	case EFI_DEVICE_ERROR:
		break;
	default:
		check(0, "unexpected status from Receive()");
	}
	free(buffer);
	free(before);
}

static void transmit_step(void)
{
	uint8_t flags = take8();
	UINTN header_size = (flags & 3) == 1 ? ETH_HLEN : (flags & 3) == 2 ? take8() : 0;
	UINTN size = take_size();
	uint8_t *buffer = (flags & 4) ? NULL : malloc(size);
	uint8_t expected[2048];
	EFI_MAC_ADDRESS src, dest;
	UINT16 ethertype = take16();
	EFI_STATUS status;
	size_t wire;

	take_bytes(&src, sizeof(src));
	take_bytes(&dest, sizeof(dest));
	if (buffer) {
		take_bytes(buffer, size);
		memcpy(expected, buffer, size < sizeof(expected) ? size : sizeof(expected));
	}
	if (header_size == ETH_HLEN && size >= ETH_HLEN && !(flags & 16)) {
		memcpy(expected, dest.Addr, ETH_ALEN);
		memcpy(expected + 6, (flags & 8) ? snp->mode.CurrentAddress.Addr : src.Addr,
		       ETH_ALEN);
		expected[12] = ethertype >> 8;
		expected[13] = ethertype & 0xff;
	}
	fail_transmit = (flags & 0xc0) == 0x40 ? -ENOBUFS : (flags & 0xc0) == 0x80 ? -EIO : 0;
	captured_count = 0;
	status = protocol->Transmit(protocol, header_size, size, buffer,
				    (flags & 8) ? NULL : &src, (flags & 16) ? NULL : &dest,
				    (flags & 32) ? NULL : &ethertype);
	check(current_tpl == TPL_APPLICATION, "Transmit() left the TPL raised");
	if (status != EFI_SUCCESS) {
		check(captured_count == 0, "a failed Transmit() sent something");
		free(buffer);
		return;
	}
	check(buffer && size >= ETH_HLEN && size <= ETH_HLEN + netdev->mtu,
	      "Transmit() accepted an impossible frame");
	check(header_size == 0 || (header_size == ETH_HLEN && !(flags & 16) && !(flags & 32)),
	      "Transmit() accepted a header it cannot fill");
	wire = size < 60 ? 60 : size;
	check(captured_count == 1 && captured[0].len == wire, "frame not sent as given");
	check(memcmp(captured[0].data, expected, size) == 0, "frame sent differs");
	for (; size < wire; size++)
		check(captured[0].data[size] == 0, "padding not zero");
	check(outstanding_count < OUTSTANDING_MAX, "more buffers kept than can be recycled");
	outstanding[outstanding_count++] = buffer;
}

static void get_status_step(void)
{
	uint8_t flags = take8();
	UINT32 interrupts;
	VOID *tx = (VOID *)&interrupts;
	EFI_STATUS status;

	status = protocol->GetStatus(protocol, (flags & 1) ? NULL : &interrupts,
				     (flags & 2) ? NULL : &tx);
	check(current_tpl == TPL_APPLICATION, "GetStatus() left the TPL raised");
	if (status == EFI_SUCCESS && !(flags & 2) && tx)
		collected(tx);
	if (status == EFI_SUCCESS && !(flags & 2) && !tx)
		check(outstanding_count == 0, "GetStatus() kept a sent buffer back");
}

static void filters_step(void)
{
	uint8_t flags = take8();
	UINT32 enable = take8(), disable = take8();
	UINTN count = take8() % 20;
	EFI_MAC_ADDRESS *list = NULL;

	if (!(flags & 2)) {
		list = malloc(count * sizeof(*list));
		take_bytes(list, count * sizeof(*list));
	}
	protocol->ReceiveFilters(protocol, enable & 0x3f, disable & 0x3f, flags & 1,
				 count, list);
	check(current_tpl == TPL_APPLICATION, "ReceiveFilters() left the TPL raised");
	check(snp->mode.MCastFilterCount <= snp->mode.MaxMCastFilterCount,
	      "multicast list overflows");
	free(list);
}

static void statistics_step(void)
{
	uint8_t flags = take8();
	UINTN size = take16() % (sizeof(EFI_NETWORK_STATISTICS) + 16);
	void *table = (flags & 2) ? NULL : malloc(size);

	protocol->Statistics(protocol, flags & 1, (flags & 4) ? NULL : &size, table);
	check(current_tpl == TPL_APPLICATION, "Statistics() left the TPL raised");
	free(table);
}

static void other_step(uint8_t op)
{
	EFI_IP_ADDRESS ip;
	EFI_MAC_ADDRESS mac;
	uint8_t flags = take8();

	switch (op % 9) {
	case 0: protocol->Start(protocol); break;
	case 1: protocol->Stop(protocol); break;
	case 2: protocol->Initialize(protocol, take16(), take16()); break;
	case 3:
		/* Pending transmits are lost (UEFI 2.10, 24.1): GetStatus()
		 * will not hand those buffers back, they are the caller's. */
		if (protocol->Shutdown(protocol) == EFI_SUCCESS)
			while (outstanding_count)
				free(outstanding[--outstanding_count]);
		break;
	case 4: protocol->Reset(protocol, flags & 1); break;
	case 5:
		protocol->StationAddress(protocol, flags & 1, (flags & 2) ? NULL : &mac);
		break;
	case 6:
		take_bytes(&ip, sizeof(ip));
		protocol->MCastIpToMac(protocol, flags & 1, (flags & 2) ? NULL : &ip,
				       (flags & 4) ? NULL : &mac);
		break;
	case 7:
		/* The firmware runs the notification at its TPL. */
		current_tpl = TPL_CALLBACK;
		wait_notify(snp->protocol.WaitForPacket, wait_context);
		check(current_tpl == TPL_CALLBACK, "the notification changed the TPL");
		current_tpl = TPL_APPLICATION;
		break;
	default:
		if (flags & 1)
			wb_netdev_link_up(netdev);
		else
			wb_netdev_link_down(netdev);
		break;
	}
	check(current_tpl == TPL_APPLICATION, "a call left the TPL raised");
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	unsigned steps = 0;

	fuzz_input(data, size);
	pending_count = 0;
	netdev = wb_alloc_netdev(0);
	netdev->op = &device_operations;
	memcpy(netdev->hw_addr, our_mac, ETH_ALEN);
	memcpy(netdev->ll_addr, our_mac, ETH_ALEN);
	netdev->link_rc = 0;
	snp = wb_efi_snp_export_new(netdev);
	check(snp != NULL, "no SNP");
	protocol = &snp->protocol;
	/* As MnpDxe starts: most inputs begin with a working protocol. */
	protocol->Start(protocol);
	protocol->Initialize(protocol, 0, 0);
	protocol->ReceiveFilters(protocol, EFI_SIMPLE_NETWORK_RECEIVE_UNICAST |
				 EFI_SIMPLE_NETWORK_RECEIVE_BROADCAST, 0, 0, 0, NULL);

	while (fuzz_in_left && steps++ < 256) {
		uint8_t op = take8();

		switch (op % 8) {
		case 0:
		case 1: receive_step(); break;
		case 2: transmit_step(); break;
		case 3: queue_frame(); break;
		case 4: get_status_step(); break;
		case 5: filters_step(); break;
		case 6: statistics_step(); break;
		default: other_step(op >> 3); break;
		}
	}

	wb_efi_snp_export_free(snp);
	if (netdev->is_open)
		wb_netdev_close(netdev);
	netdev_put(netdev);
	check(live_events == 0, "WaitForPacket event not closed");
	while (outstanding_count)
		free(outstanding[--outstanding_count]);
	return 0;
}
