/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef STDIO_H
#define STDIO_H

#include <stdarg.h>
#include <stddef.h>
#include <wireboot/compiler.h>

int printf(const char *fmt, ...) __printf(1, 2);
int vprintf(const char *fmt, va_list args) __printf(1, 0);
int snprintf(char *buf, size_t size, const char *fmt, ...) __printf(3, 4);
int vsnprintf(char *buf, size_t size, const char *fmt, va_list args)
	__printf(3, 0);
int asprintf(char **strp, const char *fmt, ...) __printf(2, 3);
int putchar(int c);
int puts(const char *s);

#endif
