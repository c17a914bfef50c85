/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef WIREBOOT_UTF_H
#define WIREBOOT_UTF_H

/*
 * Conversions between the UTF-8 used everywhere in the code and the UCS-2
 * (UTF-16 in practice) strings of the firmware interface.
 */

#include <stddef.h>
#include <stdint.h>

/*
 * Converts at most src_len UTF-16 units (stopping early at a NUL) into dest
 * as UTF-8, always NUL-terminating when dest_size > 0. Unpaired surrogates
 * become U+FFFD. Returns the length the full conversion needs (excluding the
 * NUL), so a result >= dest_size means truncation; a truncated result never
 * ends in a partial character.
 */
size_t utf16_to_utf8(char *dest, size_t dest_size, const uint16_t *src,
		     size_t src_len);

/*
 * Converts the NUL-terminated UTF-8 string src into UTF-16 units, at most
 * dest_len - 1 of them plus a terminating 0. Malformed sequences become
 * U+FFFD; characters above U+FFFF become surrogate pairs. Returns the number
 * of units the full conversion needs (excluding the terminator).
 */
size_t utf8_to_utf16(uint16_t *dest, size_t dest_len, const char *src);

#endif
