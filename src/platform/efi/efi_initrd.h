/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef PLATFORM_EFI_EFI_INITRD_H
#define PLATFORM_EFI_EFI_INITRD_H

/* The initramfs of a kernel we start, through LoadFile2 (efi_initrd.c). */

#include <wireboot/image.h>

/* Offers kernel's initramfs (wireboot/initrd.h) until the uninstall, if
 * there is one and kernel's command line names no "initrd=" file (which
 * the kernel then reads from the file system instead). */
void efi_initrd_install(const struct image *kernel);
void efi_initrd_uninstall(void);

#endif
