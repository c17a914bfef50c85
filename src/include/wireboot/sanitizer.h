/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef WIREBOOT_SANITIZER_H
#define WIREBOOT_SANITIZER_H

/*
 * WB_ADDRESS_SANITIZER is 1 when the code is compiled with AddressSanitizer
 * (the host unit and fuzz builds), 0 otherwise (firmware). gcc says so with
 * __SANITIZE_ADDRESS__, clang (before version 15) only through
 * __has_feature.
 */

#if defined(__SANITIZE_ADDRESS__)
#define WB_ADDRESS_SANITIZER 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define WB_ADDRESS_SANITIZER 1
#endif
#endif

#ifndef WB_ADDRESS_SANITIZER
#define WB_ADDRESS_SANITIZER 0
#endif

#endif
