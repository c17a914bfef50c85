/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef WIREBOOT_EFI_H
#define WIREBOOT_EFI_H

/* State and helpers shared by the UEFI platform layer. */

#include <stdbool.h>
#include <efi/system_table.h>
#include <efi/protocol/loaded_image.h>

extern EFI_HANDLE efi_image_handle;
extern EFI_SYSTEM_TABLE *efi_system_table;
extern EFI_BOOT_SERVICES *efi_boot_services;
extern EFI_LOADED_IMAGE_PROTOCOL *efi_loaded_image;

/*
 * Sets up the platform for an image entered by the firmware: globals,
 * console, heap memory type and timer. Returns 0 or a negative error.
 */
int efi_platform_init(EFI_HANDLE image_handle, EFI_SYSTEM_TABLE *system_table);

/* Maps between firmware status codes and this project's error numbers. */
int efi_status_to_rc(EFI_STATUS status);
/* "EFI_SECURITY_VIOLATION" and the like. */
const char *efi_status_name(EFI_STATUS status);
EFI_STATUS efi_rc_to_status(int rc);

/* The image's load options as a UTF-8 string (malloc'd; "" if none). */
char *efi_load_options(void);

/* Powers the machine off; returns only if the firmware refused. */
void efi_poweroff(void);
/* A cold reset, or a warm one (memory kept) where the firmware has it. */
void efi_reboot(bool warm);

/* Calibrates the monotonic clock; part of efi_platform_init(). */
void efi_timer_init(void);

#endif
