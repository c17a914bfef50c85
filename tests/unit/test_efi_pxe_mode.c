/* SPDX-License-Identifier: GPL-2.0-or-later */
// FIRMWARE_SOURCES: src/platform/efi/efi_pxe_mode.c src/net/dhcp_packet.c src/core/string.c
/*
 * The PXE base code Mode built from DHCP messages: the flags, station
 * address and mask, the packets as received (cut at the Mode's 1472
 * bytes), the boot file naming the started image (left alone when the
 * file field carries options or the name does not fit), and invalid
 * input: no ACK, a truncated ACK, a bad magic cookie, a bad ProxyDHCP
 * answer (left out). Packets are allocated at their exact size, so that
 * the sanitizer sees any read past them.
 */

#include <errno.h>
#include <stdlib.h>
#include <net/dhcp_packet.h>
#include <platform/efi/efi_pxe_mode.h>
#include "unit.h"

int wb_efi_pxe_mode_build(EFI_PXE_BASE_CODE_MODE *mode, const void *ack,
			  size_t ack_len, const void *proxy, size_t proxy_len,
			  const struct efi_pxe_boot_file *boot);

static EFI_PXE_BASE_CODE_MODE mode;

/* A DHCP reply: the header, then options (ending with 255), padded with
 * pad bytes of zero; malloc'd at its exact size. */
static unsigned char *packet(const char *file, const unsigned char *options,
			     size_t options_len, size_t pad, size_t *len)
{
	struct dhcphdr hdr = { .op = BOOTP_REPLY, .htype = 1, .hlen = 6 };
	unsigned char *data;

	hdr.xid = 0x12345678;
	memcpy(&hdr.yiaddr, "\x0a\x00\x02\x0f", 4);
	memcpy(&hdr.siaddr, "\x0a\x00\x02\x02", 4);
	strncpy(hdr.file, file, sizeof(hdr.file));
	hdr.magic = __builtin_bswap32(DHCP_MAGIC_COOKIE);
	*len = sizeof(hdr) + options_len + pad;
	data = calloc(1, *len);
	memcpy(data, &hdr, sizeof(hdr));
	memcpy(data + sizeof(hdr), options, options_len);
	return data;
}

static const unsigned char ack_options[] = {
	53, 1, DHCPACK, 1, 4, 255, 255, 255, 0, 54, 4, 10, 0, 2, 2, 255,
};

static void test_ack_and_proxy(void)
{
	static const unsigned char proxy_options[] = {
		53, 1, DHCPOFFER, 60, 9, 'P', 'X', 'E', 'C', 'l', 'i', 'e', 'n', 't', 255,
	};
	size_t ack_len, proxy_len;
	unsigned char *ack = packet("boot.ipxe", ack_options, sizeof(ack_options), 0, &ack_len);
	unsigned char *proxy = packet("", proxy_options, sizeof(proxy_options), 0, &proxy_len);

	CHECK_INT(wb_efi_pxe_mode_build(&mode, ack, ack_len, proxy, proxy_len, NULL), 0);
	CHECK(mode.Started && mode.DhcpAckReceived && mode.ProxyOfferReceived);
	CHECK(!mode.UsingIpv6 && !mode.DhcpDiscoverValid && !mode.PxeReplyReceived);
	CHECK(memcmp(mode.StationIp.v4, "\x0a\x00\x02\x0f", 4) == 0);
	CHECK(memcmp(mode.SubnetMask.v4, "\xff\xff\xff\x00", 4) == 0);
	CHECK(memcmp(mode.DhcpAck.Raw, ack, ack_len) == 0);
	CHECK(memcmp(mode.ProxyOffer.Raw, proxy, proxy_len) == 0);
	CHECK_STR((char *)mode.DhcpAck.Dhcpv4.BootpBootFile, "boot.ipxe");
	CHECK_INT(mode.DhcpAck.Dhcpv4.DhcpMagik, __builtin_bswap32(DHCP_MAGIC_COOKIE));
	free(ack);
	free(proxy);
}

static void test_boot_file_names_the_image(void)
{
	struct efi_pxe_boot_file boot = { .path = "/efi/shimx64.efi",
					  .server = { 192, 168, 1, 9 } };
	char longest[130];
	size_t len;
	unsigned char *ack = packet("boot.ipxe", ack_options, sizeof(ack_options), 0, &len);

	CHECK_INT(wb_efi_pxe_mode_build(&mode, ack, len, NULL, 0, &boot), 0);
	CHECK_STR((char *)mode.DhcpAck.Dhcpv4.BootpBootFile, "efi/shimx64.efi");
	CHECK(memcmp(mode.DhcpAck.Dhcpv4.BootpSiAddr, boot.server, 4) == 0);
	CHECK(!mode.ProxyOfferReceived);
	/* The name fills the field but must keep its terminator. */
	memset(longest, 'a', sizeof(longest));
	longest[128] = '\0';
	boot.path = longest;
	CHECK_INT(wb_efi_pxe_mode_build(&mode, ack, len, NULL, 0, &boot), 0);
	CHECK_STR((char *)mode.DhcpAck.Dhcpv4.BootpBootFile, "boot.ipxe");
	longest[127] = '\0';
	CHECK_INT(wb_efi_pxe_mode_build(&mode, ack, len, NULL, 0, &boot), 0);
	CHECK_INT(strlen((char *)mode.DhcpAck.Dhcpv4.BootpBootFile), 127);
	boot.path = "/";
	CHECK_INT(wb_efi_pxe_mode_build(&mode, ack, len, NULL, 0, &boot), 0);
	CHECK_STR((char *)mode.DhcpAck.Dhcpv4.BootpBootFile, "boot.ipxe");
	free(ack);
}

static void test_overloaded_file_field_kept(void)
{
	static const unsigned char options[] = {
		53, 1, DHCPACK, 52, 1, DHCP_OVERLOAD_FILE, 255,
	};
	struct efi_pxe_boot_file boot = { .path = "/x.efi" };
	unsigned char file[] = { DHCP_BOOTFILE_NAME, 5, 'y', '.', 'e', 'f', 'i', 255, 0 };
	size_t len;
	unsigned char *ack = packet((char *)file, options, sizeof(options), 0, &len);

	CHECK_INT(wb_efi_pxe_mode_build(&mode, ack, len, NULL, 0, &boot), 0);
	CHECK(memcmp(mode.DhcpAck.Dhcpv4.BootpBootFile, file, sizeof(file)) == 0);
	free(ack);
}

static void test_long_packet_is_cut(void)
{
	size_t len;
	unsigned char *ack = packet("", ack_options, sizeof(ack_options), 2000, &len);

	ack[1471] = 0x5a;
	CHECK_INT(wb_efi_pxe_mode_build(&mode, ack, len, NULL, 0, NULL), 0);
	CHECK_INT(mode.DhcpAck.Raw[1471], 0x5a);
	free(ack);
}

static void test_bad_input(void)
{
	static const unsigned char bad_options[] = { 53, 1, DHCPOFFER, 60, 40, 'P' };
	size_t len, bad_len;
	unsigned char *ack = packet("", ack_options, sizeof(ack_options), 0, &len);
	unsigned char *bad = packet("", bad_options, sizeof(bad_options), 0, &bad_len);

	CHECK_ERR(wb_efi_pxe_mode_build(&mode, NULL, 0, NULL, 0, NULL), -EINVAL);
	CHECK(mode.Started && !mode.DhcpAckReceived);
	CHECK_ERR(wb_efi_pxe_mode_build(&mode, ack, 100, NULL, 0, NULL), -EINVAL);
	CHECK(!mode.DhcpAckReceived);
	/* An option running past the end: the ProxyDHCP answer is dropped. */
	CHECK_INT(wb_efi_pxe_mode_build(&mode, ack, len, bad, bad_len, NULL), 0);
	CHECK(mode.DhcpAckReceived && !mode.ProxyOfferReceived);
	ack[sizeof(struct dhcphdr) - 1] ^= 1;
	CHECK_ERR(wb_efi_pxe_mode_build(&mode, ack, len, NULL, 0, NULL), -EINVAL);
	free(ack);
	free(bad);
}

int main(void)
{
	test_ack_and_proxy();
	test_boot_file_names_the_image();
	test_overloaded_file_field_kept();
	test_long_packet_is_cut();
	test_bad_input();
	return unit_finish();
}
