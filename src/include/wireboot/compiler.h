/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef WIREBOOT_COMPILER_H
#define WIREBOOT_COMPILER_H

/* Compiler attributes and small helpers used everywhere. */

#include <stddef.h>

#define __used __attribute__((used))
#define __unused __attribute__((unused))
#define __noreturn __attribute__((noreturn))
#define __packed __attribute__((packed))
#define __printf(fmt, args) __attribute__((format(printf, fmt, args)))
#define __weak __attribute__((weak))

#define ARRAY_SIZE(array) (sizeof(array) / sizeof((array)[0]))

#define container_of(ptr, type, member) \
	((type *)((char *)(ptr) - offsetof(type, member)))

#define STRINGIFY_EXPANDED(x) #x
#define STRINGIFY(x) STRINGIFY_EXPANDED(x)

#define likely(x) __builtin_expect(!!(x), 1)
#define unlikely(x) __builtin_expect(!!(x), 0)

#endif
