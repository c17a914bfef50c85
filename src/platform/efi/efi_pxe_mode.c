/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * PXE base code Mode from DHCP messages (see efi_pxe_mode.h). The
 * messages were validated when they arrived, but this is checked again
 * here (dhcp_parse()): the function stands alone and the fuzzer feeds it
 * anything. A packet longer than the Mode's 1472 bytes is cut there, as
 * the specification sizes the buffers for one Ethernet frame.
 */

#include <errno.h>
#include <string.h>
#include <net/dhcp_packet.h>
#include <platform/efi/efi_pxe_mode.h>
#include <wireboot/errfile.h>

#define ERRFILE ERRFILE_efi_pxe

#define PXE_DEFAULT_TTL 16

static void copy_packet(EFI_PXE_BASE_CODE_PACKET *packet, const void *data,
			size_t len)
{
	if (len > sizeof(packet->Raw))
		len = sizeof(packet->Raw);
	memcpy(packet->Raw, data, len);
}

/* The boot file name in the header's file field, NUL-terminated. */
static void name_boot_file(EFI_PXE_BASE_CODE_DHCPV4_PACKET *pkt,
			   const struct dhcp_packet *parsed,
			   const struct efi_pxe_boot_file *boot)
{
	const char *path = boot->path;
	size_t len;

	if (parsed->overload & DHCP_OVERLOAD_FILE)
		return;
	while (*path == '/')
		path++;
	len = strlen(path);
	if (!len || len >= sizeof(pkt->BootpBootFile))
		return;
	memset(pkt->BootpBootFile, 0, sizeof(pkt->BootpBootFile));
	memcpy(pkt->BootpBootFile, path, len);
	memcpy(pkt->BootpSiAddr, boot->server, sizeof(pkt->BootpSiAddr));
}

int efi_pxe_mode_build(EFI_PXE_BASE_CODE_MODE *mode, const void *ack,
		       size_t ack_len, const void *proxy, size_t proxy_len,
		       const struct efi_pxe_boot_file *boot)
{
	struct dhcp_packet parsed;
	struct in_addr netmask;

	memset(mode, 0, sizeof(*mode));
	mode->Started = 1;
	mode->AutoArp = 1;
	mode->TTL = PXE_DEFAULT_TTL;
	if (!ack || dhcp_parse(ack, ack_len, &parsed) != 0)
		return -EUNIQ(EINVAL, 1);
	copy_packet(&mode->DhcpAck, ack, ack_len);
	mode->DhcpAckReceived = 1;
	memcpy(mode->StationIp.v4, &parsed.hdr->yiaddr, 4);
	if (dhcp_option(&parsed, DHCP_NETMASK, &netmask, sizeof(netmask)) ==
	    sizeof(netmask))
		memcpy(mode->SubnetMask.v4, &netmask, 4);
	if (boot && boot->path)
		name_boot_file(&mode->DhcpAck.Dhcpv4, &parsed, boot);
	if (proxy && dhcp_parse(proxy, proxy_len, &parsed) == 0) {
		copy_packet(&mode->ProxyOffer, proxy, proxy_len);
		mode->ProxyOfferReceived = 1;
	}
	return 0;
}
