/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef TESTS_FUZZ_INPUT_H
#define TESTS_FUZZ_INPUT_H

/*
 * Reading a fuzz input as a little program: bytes, little-endian words
 * and runs of data, taken from the front. An input that runs short reads
 * as zeros, so every input is a complete program.
 */

#include <stddef.h>
#include <stdint.h>
#include <string.h>

static const uint8_t *fuzz_in;
static size_t fuzz_in_left;

static inline void fuzz_input(const uint8_t *data, size_t size)
{
	fuzz_in = data;
	fuzz_in_left = size;
}

static inline uint8_t take8(void)
{
	if (!fuzz_in_left)
		return 0;
	fuzz_in_left--;
	return *fuzz_in++;
}

static inline uint16_t take16(void)
{
	return (uint16_t)(take8() | take8() << 8);
}

static inline uint32_t take32(void)
{
	return (uint32_t)take16() | (uint32_t)take16() << 16;
}

/* Copies up to len input bytes into buf, zeros for the rest. */
static inline void take_bytes(void *buf, size_t len)
{
	size_t have = len < fuzz_in_left ? len : fuzz_in_left;

	memcpy(buf, fuzz_in, have);
	memset((uint8_t *)buf + have, 0, len - have);
	fuzz_in += have;
	fuzz_in_left -= have;
}

/* Skips len bytes (the caller used them in place at fuzz_in). */
static inline void fuzz_skip(size_t len)
{
	if (len > fuzz_in_left)
		len = fuzz_in_left;
	fuzz_in += len;
	fuzz_in_left -= len;
}

#endif
