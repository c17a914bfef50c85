/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef ARCH_DHCP_ARCH_H
#define ARCH_DHCP_ARCH_H

/* How a PXE client on this architecture announces itself to DHCP servers:
 * option 93, the client system architecture (RFC 4578 section 2.1, IANA
 * "Processor Architecture Types": 6 is x86 UEFI), and option 60,
 * the vendor class that names it together with UNDI 3.0. */
#define DHCP_ARCH_CLIENT_ARCH 6
#define DHCP_ARCH_VENDOR_CLASS "PXEClient:Arch:00006:UNDI:003000"

#endif
