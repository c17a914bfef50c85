/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef EFI_EVENT_GROUPS_H
#define EFI_EVENT_GROUPS_H

/* Event groups signalled by the firmware (UEFI 2.10, section 7.1,
 * CreateEventEx), for CreateEventEx(EVT_NOTIFY_SIGNAL, ...). */

#define EFI_EVENT_GROUP_EXIT_BOOT_SERVICES                                   \
	{ 0x27abf055, 0xb1b8, 0x4c26,                                        \
	  { 0x80, 0x48, 0x74, 0x8f, 0x37, 0xba, 0xa2, 0xdf } }

/* Signalled by the boot manager just before it starts a boot option. */
#define EFI_EVENT_GROUP_READY_TO_BOOT                                        \
	{ 0x7ce88fb3, 0x4bd7, 0x4679,                                        \
	  { 0x87, 0xa8, 0xa8, 0xd8, 0xde, 0xe5, 0x0d, 0x2b } }

#endif
