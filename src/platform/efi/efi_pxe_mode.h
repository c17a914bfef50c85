/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef PLATFORM_EFI_EFI_PXE_MODE_H
#define PLATFORM_EFI_EFI_PXE_MODE_H

/*
 * The Mode of a PXE base code built from the DHCP messages of our boot
 * (efi_pxe_mode.c): a pure function of its inputs, so that it is tested
 * and fuzzed on its own.
 */

#include <stddef.h>
#include <stdint.h>
#include <efi/protocol/pxe_base_code.h>

struct efi_pxe_boot_file {
	const char *path;	/* the started image's path on the server */
	uint8_t server[4];	/* the TFTP server it came from */
};

/*
 * Fills mode (zeroing it first) from ack (the DHCPACK, ack_len bytes) and
 * proxy (the ProxyDHCP answer, or NULL): Started, the station address and
 * subnet mask, DhcpAck and ProxyOffer with their flags. When boot is
 * given (the image came by TFTP), the ACK's boot file and server fields
 * name it, as a loader looks for its next stage beside itself (unless
 * the ACK's file field holds options, or the path does not fit).
 * Returns 0, or -EINVAL when ack is not a valid DHCP message (mode then
 * says Started with no packet); an invalid proxy is left out.
 */
int efi_pxe_mode_build(EFI_PXE_BASE_CODE_MODE *mode, const void *ack,
		       size_t ack_len, const void *proxy, size_t proxy_len,
		       const struct efi_pxe_boot_file *boot);

#endif
