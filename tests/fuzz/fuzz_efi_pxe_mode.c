/* SPDX-License-Identifier: GPL-2.0-or-later */
// FIRMWARE_SOURCES: src/platform/efi/efi_pxe_mode.c src/net/dhcp_packet.c src/core/string.c
/*
 * The PXE base code Mode from any DHCP ACK and ProxyDHCP answer: the
 * input is the ACK's length (a 16-bit word), the ACK, then the ProxyDHCP
 * answer; each is copied into a buffer of its exact size, and the
 * started image's path is taken from the last 130 bytes when the first
 * byte is odd. A valid ACK is kept as it came, except for a boot file
 * field we rewrote, which must then be a terminated string.
 */

#include <stdlib.h>
#include <string.h>
#include <platform/efi/efi_pxe_mode.h>
#include "fuzz_input.h"

int wb_efi_pxe_mode_build(EFI_PXE_BASE_CODE_MODE *mode, const void *ack,
			  size_t ack_len, const void *proxy, size_t proxy_len,
			  const struct efi_pxe_boot_file *boot);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static EFI_PXE_BASE_CODE_MODE mode;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct efi_pxe_boot_file boot = { .server = { 10, 0, 2, 2 } };
	char path[131];
	size_t ack_len, proxy_len;
	uint8_t *ack, *proxy;
	bool named = size && (data[0] & 1);

	fuzz_input(data, size);
	ack_len = take16();
	if (ack_len > fuzz_in_left)
		ack_len = fuzz_in_left;
	ack = malloc(ack_len ? ack_len : 1);
	take_bytes(ack, ack_len);
	proxy_len = fuzz_in_left;
	proxy = malloc(proxy_len ? proxy_len : 1);
	take_bytes(proxy, proxy_len);
	memset(path, 0, sizeof(path));
	if (size > sizeof(path) - 1)
		memcpy(path, data + size - (sizeof(path) - 1), sizeof(path) - 1);
	boot.path = path;
	if (wb_efi_pxe_mode_build(&mode, ack, ack_len, proxy, proxy_len,
				  named ? &boot : NULL) == 0) {
		if (!mode.DhcpAckReceived || !mode.Started)
			abort();
		/* A file field we rewrote (it differs from the ACK's) is a
		 * terminated string. */
		if (memcmp(mode.DhcpAck.Dhcpv4.BootpBootFile, ack + 108, 128) != 0 &&
		    (!named || !memchr(mode.DhcpAck.Dhcpv4.BootpBootFile, 0, 128)))
			abort();
	}
	free(ack);
	free(proxy);
	return 0;
}
