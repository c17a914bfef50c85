/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef TESTS_FIRMWARE_H
#define TESTS_FIRMWARE_H

/*
 * Firmware functions as host tests see them: the build renames every symbol
 * of the firmware objects with a "wb_" prefix (see tests/tests.mk), so they
 * can be compared with the C library's functions of the same name.
 */

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

void *wb_memcpy(void *dest, const void *src, size_t len);
void *wb_memmove(void *dest, const void *src, size_t len);
void *wb_memset(void *dest, int value, size_t len);
int wb_memcmp(const void *a, const void *b, size_t len);
void *wb_memchr(const void *s, int c, size_t len);
size_t wb_strlen(const char *s);
size_t wb_strnlen(const char *s, size_t max);
int wb_strcmp(const char *a, const char *b);
int wb_strncmp(const char *a, const char *b, size_t len);
int wb_strcasecmp(const char *a, const char *b);
int wb_strncasecmp(const char *a, const char *b, size_t len);
char *wb_strchr(const char *s, int c);
char *wb_strrchr(const char *s, int c);
char *wb_strstr(const char *haystack, const char *needle);
size_t wb_strspn(const char *s, const char *accept);
size_t wb_strcspn(const char *s, const char *reject);
size_t wb_strlcpy(char *dest, const char *src, size_t size);
size_t wb_strlcat(char *dest, const char *src, size_t size);
char *wb_strdup(const char *s);
char *wb_strndup(const char *s, size_t max);
char *wb_strerror(int rc);

unsigned long wb_strtoul(const char *s, char **end, int base);
unsigned long long wb_strtoull(const char *s, char **end, int base);
long wb_strtol(const char *s, char **end, int base);

int wb_snprintf(char *buf, size_t size, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
int wb_vsnprintf(char *buf, size_t size, const char *fmt, va_list args);
int wb_asprintf(char **strp, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

size_t wb_utf16_to_utf8(char *dest, size_t dest_size, const uint16_t *src,
			size_t src_len);
size_t wb_utf8_to_utf16(uint16_t *dest, size_t dest_len, const char *src);

/* src/core/key_decode.c, key_name.c (needs wireboot/key_decode.h) */
struct key_decoder;
void wb_key_decoder_init(struct key_decoder *dec);
void wb_key_decoder_feed(struct key_decoder *dec, uint32_t unit, uint64_t now_us);
void wb_key_decoder_feed_key(struct key_decoder *dec, int key);
int wb_key_decoder_next(struct key_decoder *dec);
int wb_key_decoder_idle(struct key_decoder *dec, uint64_t now_us);
char *wb_key_name(int key, char *buf, size_t len);

/* src/core/parseopt.c (needs wireboot/parseopt.h for the types) */
struct command_descriptor;
struct parseopt_type;
int wb_parse_options(int argc, char **argv, const struct command_descriptor *cmd,
		     void *opts);
int wb_parse_integer(const char *text, unsigned int *value);
extern const struct parseopt_type wb_parseopt_string, wb_parseopt_integer,
	wb_parseopt_flag;


#endif
