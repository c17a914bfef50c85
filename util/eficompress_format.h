/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef UTIL_EFICOMPRESS_FORMAT_H
#define UTIL_EFICOMPRESS_FORMAT_H

/*
 * Constants of the UEFI specification's compression format (chapter
 * "Compression Algorithm Specification"), shared by the compressor and the
 * decompressor.
 *
 * Stream layout: a header of two little-endian uint32 (compressed payload
 * size, original size), then a bit stream read most significant bit first.
 * The bit stream is a sequence of blocks; each block is
 *
 *   block symbol count       16 bits, number of literal/length symbols
 *   length-code lengths      "pre-tree" (T) lengths, TBIT-bit count
 *   literal/length lengths   CBIT-bit count, coded with the pre-tree
 *   position-code lengths    (P) lengths, PBIT-bit count
 *   symbols                  literal/length code, and for a match the
 *                            position code plus its extra bits
 *
 * A tree whose count field is 0 is followed by a single symbol of the same
 * width: every code of that tree is that symbol and takes no bits.
 */

#define EFI_COMPRESS_HEADER_SIZE 8

#define EFI_MIN_MATCH 3		/* shorter repeats are sent as literals */
#define EFI_MAX_MATCH 256
#define EFI_WINDOW_BITS 13	/* the "EFI" variant: 8 KiB history */
#define EFI_WINDOW_SIZE (1u << EFI_WINDOW_BITS)

/* Literal/length alphabet: 256 literals, then lengths 3..256. */
#define EFI_LITLEN_SYMBOLS (256 + EFI_MAX_MATCH - EFI_MIN_MATCH + 1)
#define EFI_LITLEN_COUNT_BITS 9

/*
 * Position alphabet: symbol 0 is distance 1, symbol 1 distance 2, symbol
 * k > 1 covers distances 2^(k-1)+1 .. 2^k and is followed by k-1 extra bits.
 */
#define EFI_POSITION_SYMBOLS (EFI_WINDOW_BITS + 1)
#define EFI_POSITION_COUNT_BITS 4

/*
 * Pre-tree alphabet: symbol 0 = one zero length, 1 = 3..18 zero lengths
 * (4 extra bits), 2 = 20..531 zero lengths (9 extra bits), 3 + n = length
 * n + 1 for n in 0..15.
 */
#define EFI_PRETREE_SYMBOLS 19
#define EFI_PRETREE_COUNT_BITS 5
#define EFI_PRETREE_ONE_ZERO 0
#define EFI_PRETREE_SHORT_RUN 1
#define EFI_PRETREE_SHORT_RUN_MIN 3
#define EFI_PRETREE_SHORT_RUN_BITS 4
#define EFI_PRETREE_LONG_RUN 2
#define EFI_PRETREE_LONG_RUN_MIN 20
#define EFI_PRETREE_LONG_RUN_BITS 9
#define EFI_PRETREE_LENGTH_BASE 2	/* symbol = code length + this */

/*
 * Code lengths of the pre-tree and position tree are written as 3 bits
 * when below 7, otherwise as (length - 7) one bits after "111", then a zero.
 * In the pre-tree only, the third length is followed by a 2-bit count of
 * zero lengths to skip.
 */
#define EFI_PTLEN_SKIP_AFTER 3
#define EFI_PTLEN_SKIP_BITS 2

#define EFI_MAX_CODE_LENGTH 16
#define EFI_BLOCK_SIZE_BITS 16

#endif
