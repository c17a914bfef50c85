/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef UTIL_HUFFMAN_H
#define UTIL_HUFFMAN_H

/* Length-limited Huffman code lengths for the compressor. */

#include <stdint.h>

#define HUFFMAN_MAX_SYMBOLS 512

/*
 * Fill lengths[0..alphabet) with the code length of each symbol for the
 * given frequencies: an optimal prefix code if none is longer than
 * max_length, otherwise one adjusted to fit it. With two or more used
 * symbols the code is complete (Kraft sum exactly 1), which decoders of
 * the UEFI format require; unused symbols get length 0. With fewer than
 * two used symbols every length is 0. Needs alphabet at most
 * HUFFMAN_MAX_SYMBOLS and 2^max_length at least alphabet. Returns the
 * number of used symbols. Deterministic: ties break by symbol number.
 */
unsigned huffman_code_lengths(const uint32_t *freq, unsigned alphabet,
			      unsigned max_length, uint8_t *lengths);

#endif
