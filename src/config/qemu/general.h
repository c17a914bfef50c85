/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The configuration distributions use for QEMU's option ROMs: thin drivers
 * that hand the NIC to the firmware's own network boot.
 */
#define EFI_DOWNGRADE_UX
