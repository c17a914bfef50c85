/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef STDLIB_H
#define STDLIB_H

#include <stddef.h>

/* Heap: provided by the platform (UEFI pool, or libc in the hosted build). */
void *malloc(size_t size);
void *zalloc(size_t size);
void *calloc(size_t count, size_t size);
void *realloc(void *ptr, size_t size);
void free(void *ptr);

unsigned long strtoul(const char *s, char **end, int base);
unsigned long long strtoull(const char *s, char **end, int base);
long strtol(const char *s, char **end, int base);

#endif
