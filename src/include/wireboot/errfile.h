/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef WIREBOOT_ERRFILE_H
#define WIREBOOT_ERRFILE_H

/*
 * The files whose failures carry a site number (see errno.h). A file
 * defines ERRFILE before including errno.h:
 *     #define ERRFILE ERRFILE_tftp
 * and error_site() turns the number back into "tftp.2" for messages. New
 * entries go at the end, so that numbers in old reports keep their meaning.
 */

#define ERRFILES(X)                                                          \
	X(none) X(tftp) X(dhcp) X(dns) X(udp) X(ipv4) X(arp) X(resolv)       \
	X(named_socket) X(downloader) X(image) X(imgmgmt) X(ifmgmt)         \
	X(autoboot) X(netdev) X(settings) X(jobwait) X(open) X(socket)       \
	X(readline) X(menu_ui) X(config_ui) X(menu)                          \
	X(digest) X(smbios) X(pci_settings) X(efi_var_settings) X(cpuid_settings) \
	X(nslookup) X(pinger) X(pingmgmt) X(ntp) X(vlan) X(ifmgmt_cmd)       \
	X(tcp) X(http) X(params) X(cpio) X(initrd) X(inflate) X(efi_pxe)      \
	X(neighbour) X(ipv6) X(icmpv6) X(ndp) X(dhcpv6) X(ipv6conf)       \
	X(dhcp_client) X(pxebs) X(pxebsmgmt) X(pxemenu) X(certmgmt) X(tls)   \
	X(tls_error) X(cms) X(imgtrust)

#define ERRFILE_ENUM(name) ERRFILE_##name,
enum errfile { ERRFILES(ERRFILE_ENUM) ERRFILE_COUNT };
#undef ERRFILE_ENUM

#endif
