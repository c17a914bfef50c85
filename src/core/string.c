/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Memory and string primitives. The compiler emits calls to memcpy, memmove,
 * memset and memcmp on its own (structure copies, zeroing), so these must
 * exist in a freestanding image; the build disables the loop-to-libcall
 * transformation so that they cannot end up calling themselves.
 */

#include <string.h>
#include <stdlib.h>
#include <stdint.h>
#include <ctype.h>

void *memcpy(void *dest, const void *src, size_t len)
{
	unsigned char *d = dest;
	const unsigned char *s = src;

	/* Word copies, the destination aligned: downloads are copied through
	 * here, so the byte loop alone would be a measurable cost. The source
	 * keeps whatever alignment it has (a received payload sits 46 bytes
	 * into its frame): the word is read through __builtin_memcpy, which
	 * the compiler makes one unaligned load where the CPU allows it and
	 * safe byte loads where it does not. */
	while (len && ((uintptr_t)d & (sizeof(uint64_t) - 1))) {
		*d++ = *s++;
		len--;
	}
	for (; len >= sizeof(uint64_t); len -= sizeof(uint64_t)) {
		uint64_t word;
		__builtin_memcpy(&word, s, sizeof(word));
		__builtin_memcpy(d, &word, sizeof(word));
		d += sizeof(word);
		s += sizeof(word);
	}
	while (len--)
		*d++ = *s++;
	return dest;
}

void *memmove(void *dest, const void *src, size_t len)
{
	unsigned char *d = dest;
	const unsigned char *s = src;

	if (d <= s || d >= s + len)
		return memcpy(dest, src, len);
	while (len--)
		d[len] = s[len];
	return dest;
}

void *memset(void *dest, int value, size_t len)
{
	unsigned char *d = dest;

	while (len--)
		*d++ = (unsigned char)value;
	return dest;
}

int memcmp(const void *a, const void *b, size_t len)
{
	const unsigned char *x = a, *y = b;

	for (; len; len--, x++, y++) {
		if (*x != *y)
			return *x - *y;
	}
	return 0;
}

void *memchr(const void *s, int c, size_t len)
{
	const unsigned char *p = s;

	for (; len; len--, p++) {
		if (*p == (unsigned char)c)
			return (void *)p;
	}
	return NULL;
}

size_t strlen(const char *s)
{
	const char *p = s;

	while (*p)
		p++;
	return (size_t)(p - s);
}

size_t strnlen(const char *s, size_t max)
{
	size_t len = 0;

	while (len < max && s[len])
		len++;
	return len;
}

int strcmp(const char *a, const char *b)
{
	return strncmp(a, b, SIZE_MAX);
}

int strncmp(const char *a, const char *b, size_t len)
{
	for (; len; len--, a++, b++) {
		unsigned char x = (unsigned char)*a, y = (unsigned char)*b;
		if (x != y)
			return x - y;
		if (!x)
			break;
	}
	return 0;
}

int strcasecmp(const char *a, const char *b)
{
	return strncasecmp(a, b, SIZE_MAX);
}

int strncasecmp(const char *a, const char *b, size_t len)
{
	for (; len; len--, a++, b++) {
		int x = tolower((unsigned char)*a), y = tolower((unsigned char)*b);
		if (x != y)
			return x - y;
		if (!x)
			break;
	}
	return 0;
}

char *strchr(const char *s, int c)
{
	for (;; s++) {
		if (*s == (char)c)
			return (char *)s;
		if (!*s)
			return NULL;
	}
}

char *strrchr(const char *s, int c)
{
	const char *found = NULL;

	for (;; s++) {
		if (*s == (char)c)
			found = s;
		if (!*s)
			return (char *)found;
	}
}

char *strstr(const char *haystack, const char *needle)
{
	size_t needle_len = strlen(needle);

	for (; *haystack; haystack++) {
		if (strncmp(haystack, needle, needle_len) == 0)
			return (char *)haystack;
	}
	return needle_len ? NULL : (char *)haystack;
}

size_t strspn(const char *s, const char *accept)
{
	size_t len = 0;

	while (s[len] && strchr(accept, s[len]))
		len++;
	return len;
}

size_t strcspn(const char *s, const char *reject)
{
	size_t len = 0;

	while (s[len] && !strchr(reject, s[len]))
		len++;
	return len;
}

/* C's strncpy: at most len bytes, the rest of dest NUL-filled, and no
 * terminator when src is len bytes or longer (wolfSSL relies on that). */
char *strncpy(char *dest, const char *src, size_t len)
{
	size_t copy = strnlen(src, len);

	memcpy(dest, src, copy);
	memset(dest + copy, 0, len - copy);
	return dest;
}

/* Bounded copy that always terminates; returns strlen(src) so that a caller
 * can detect truncation (result >= size). */
size_t strlcpy(char *dest, const char *src, size_t size)
{
	size_t src_len = strlen(src);

	if (size) {
		size_t copy = src_len < size - 1 ? src_len : size - 1;
		memcpy(dest, src, copy);
		dest[copy] = '\0';
	}
	return src_len;
}

size_t strlcat(char *dest, const char *src, size_t size)
{
	size_t dest_len = strnlen(dest, size);

	if (dest_len == size)
		return size + strlen(src);
	return dest_len + strlcpy(dest + dest_len, src, size - dest_len);
}

char *strndup(const char *s, size_t max)
{
	size_t len = strnlen(s, max);
	char *copy = malloc(len + 1);

	if (copy) {
		memcpy(copy, s, len);
		copy[len] = '\0';
	}
	return copy;
}

char *strdup(const char *s)
{
	return strndup(s, SIZE_MAX);
}
