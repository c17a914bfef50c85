/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef WIREBOOT_INITRD_H
#define WIREBOOT_INITRD_H

/*
 * What a Linux kernel gets as its initramfs: every registered image that
 * is not a program (an EFI executable or a script) except the kernel
 * itself, in the order they were fetched, each starting at a multiple of
 * 4 bytes. An image whose command line names an absolute path
 * ("initrd URI /etc/x.conf [mode=0600]") is wrapped in a cpio archive
 * that puts it there (wireboot/cpio.h).
 */

#include <stdbool.h>
#include <stddef.h>
#include <wireboot/image.h>

/* True if image goes into the initramfs of a kernel started as kernel. */
bool initrd_includes(struct image *image, const struct image *kernel);
/* The image as it goes into the initramfs (raw, or wrapped), into buf (up
 * to max bytes; buf NULL: only counts). Returns its length or a negative
 * error (a bad path: -EINVAL). */
long initrd_image_build(const struct image *image, void *buf, size_t max);
/* The whole initramfs for kernel, the same way. */
long initrd_build(const struct image *kernel, void *buf, size_t max);

#endif
