/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "efidecompress.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "byteorder.h"
#include "eficompress_format.h"

/* Position codes come from a PBIT-wide count, so at most 2^PBIT symbols. */
#define POSITION_ALPHABET (1u << EFI_POSITION_COUNT_BITS)
#define MAX_ALPHABET EFI_LITLEN_SYMBOLS

struct bit_reader {
	const uint8_t *data;
	size_t size;		/* bytes of payload the header allows */
	size_t bit_pos;
};

/*
 * Canonical prefix code, decoded by walking the code one bit at a time
 * against the number of codes of each length (codes of one length are
 * consecutive and ordered by symbol). A code with a single symbol and no
 * bits is how the format spells "every symbol is X".
 */
struct prefix_code {
	bool single;
	uint16_t single_symbol;
	uint16_t count[EFI_MAX_CODE_LENGTH + 1];
	uint16_t symbols[MAX_ALPHABET];
};

struct decoder {
	struct bit_reader bits;
	struct prefix_code pretree;
	struct prefix_code litlen;
	struct prefix_code position;
};

/* Up to 24 bits at the current position; bits past the end read as 0. */
static uint32_t peek_bits(const struct bit_reader *reader, unsigned count)
{
	size_t byte = reader->bit_pos / 8;
	uint32_t window = 0;

	for (unsigned i = 0; i < 4; i++) {
		window <<= 8;
		if (byte + i < reader->size)
			window |= reader->data[byte + i];
	}
	window <<= reader->bit_pos % 8;
	return count ? window >> (32 - count) : 0;
}

static int skip_bits(struct bit_reader *reader, unsigned count)
{
	if (count > reader->size * 8 - reader->bit_pos)
		return EFI_DECOMPRESS_TRUNCATED;
	reader->bit_pos += count;
	return EFI_DECOMPRESS_OK;
}

static int read_bits(struct bit_reader *reader, unsigned count, uint32_t *value)
{
	*value = peek_bits(reader, count);
	return skip_bits(reader, count);
}

static void set_single_symbol(struct prefix_code *code, uint16_t symbol)
{
	code->single = true;
	code->single_symbol = symbol;
}

/*
 * Build a code from per-symbol lengths. Like the firmware, accept only a
 * complete code (or an empty one, which fails if ever used).
 */
static int build_code(struct prefix_code *code, const uint8_t *lengths,
		      unsigned alphabet)
{
	uint16_t offset[EFI_MAX_CODE_LENGTH + 1];
	uint32_t kraft = 0;

	code->single = false;
	memset(code->count, 0, sizeof(code->count));
	for (unsigned symbol = 0; symbol < alphabet; symbol++)
		code->count[lengths[symbol]]++;
	code->count[0] = 0;

	for (unsigned len = 1; len <= EFI_MAX_CODE_LENGTH; len++)
		kraft += (uint32_t)code->count[len] << (EFI_MAX_CODE_LENGTH - len);
	if (kraft != 0 && kraft != 1u << EFI_MAX_CODE_LENGTH)
		return EFI_DECOMPRESS_CORRUPT;

	offset[1] = 0;
	for (unsigned len = 1; len < EFI_MAX_CODE_LENGTH; len++)
		offset[len + 1] = offset[len] + code->count[len];
	for (unsigned symbol = 0; symbol < alphabet; symbol++)
		if (lengths[symbol])
			code->symbols[offset[lengths[symbol]]++] = (uint16_t)symbol;
	return EFI_DECOMPRESS_OK;
}

static int decode_symbol(struct bit_reader *reader,
			 const struct prefix_code *code, unsigned *symbol)
{
	uint32_t bits;
	uint32_t value = 0, first = 0, index = 0;

	if (code->single) {
		*symbol = code->single_symbol;
		return EFI_DECOMPRESS_OK;
	}
	bits = peek_bits(reader, EFI_MAX_CODE_LENGTH);
	for (unsigned len = 1; len <= EFI_MAX_CODE_LENGTH; len++) {
		value |= (bits >> (EFI_MAX_CODE_LENGTH - len)) & 1;
		if (value - first < code->count[len]) {
			*symbol = code->symbols[index + value - first];
			return skip_bits(reader, len);
		}
		index += code->count[len];
		first = (first + code->count[len]) << 1;
		value <<= 1;
	}
	/* Only an empty code gets here: a block used a tree it never defined. */
	return EFI_DECOMPRESS_CORRUPT;
}

/* One pre-tree or position-tree length: 3 bits, or "111" + unary tail. */
static int read_small_length(struct bit_reader *reader, uint8_t *length)
{
	uint32_t bits = peek_bits(reader, EFI_MAX_CODE_LENGTH);
	unsigned len = bits >> (EFI_MAX_CODE_LENGTH - 3);

	if (len == 7) {
		for (uint32_t mask = 1u << (EFI_MAX_CODE_LENGTH - 4);
		     bits & mask; mask >>= 1) {
			if (++len > EFI_MAX_CODE_LENGTH)
				return EFI_DECOMPRESS_CORRUPT;
		}
	}
	*length = (uint8_t)len;
	return skip_bits(reader, len < 7 ? 3 : len - 3);
}

/*
 * Read the lengths of the pre-tree (skip_after = 3) or the position tree
 * (skip_after = 0, no skip field).
 */
static int read_small_tree(struct bit_reader *reader, struct prefix_code *code,
			   unsigned alphabet, unsigned count_bits,
			   unsigned skip_after)
{
	uint8_t lengths[MAX_ALPHABET] = { 0 };
	uint32_t count, value;
	unsigned index = 0;
	int rc;

	if ((rc = read_bits(reader, count_bits, &count)))
		return rc;
	if (count == 0) {
		if ((rc = read_bits(reader, count_bits, &value)))
			return rc;
		if (value >= alphabet)
			return EFI_DECOMPRESS_CORRUPT;
		set_single_symbol(code, (uint16_t)value);
		return EFI_DECOMPRESS_OK;
	}
	if (count > alphabet)
		return EFI_DECOMPRESS_CORRUPT;

	while (index < count) {
		if ((rc = read_small_length(reader, &lengths[index++])))
			return rc;
		if (index == skip_after) {
			if ((rc = read_bits(reader, EFI_PTLEN_SKIP_BITS, &value)))
				return rc;
			if (value > alphabet - index)
				return EFI_DECOMPRESS_CORRUPT;
			index += value;	/* lengths[] is already zero there */
		}
	}
	return build_code(code, lengths, alphabet);
}

static int read_litlen_tree(struct decoder *dec)
{
	uint8_t lengths[EFI_LITLEN_SYMBOLS] = { 0 };
	uint32_t count, value;
	unsigned index = 0, symbol, zeros;
	int rc;

	if ((rc = read_bits(&dec->bits, EFI_LITLEN_COUNT_BITS, &count)))
		return rc;
	if (count == 0) {
		if ((rc = read_bits(&dec->bits, EFI_LITLEN_COUNT_BITS, &value)))
			return rc;
		if (value >= EFI_LITLEN_SYMBOLS)
			return EFI_DECOMPRESS_CORRUPT;
		set_single_symbol(&dec->litlen, (uint16_t)value);
		return EFI_DECOMPRESS_OK;
	}
	if (count > EFI_LITLEN_SYMBOLS)
		return EFI_DECOMPRESS_CORRUPT;

	while (index < count) {
		if ((rc = decode_symbol(&dec->bits, &dec->pretree, &symbol)))
			return rc;
		if (symbol > EFI_PRETREE_LENGTH_BASE) {
			lengths[index++] = (uint8_t)(symbol - EFI_PRETREE_LENGTH_BASE);
			continue;
		}
		zeros = 1;
		if (symbol == EFI_PRETREE_SHORT_RUN) {
			if ((rc = read_bits(&dec->bits, EFI_PRETREE_SHORT_RUN_BITS,
					    &value)))
				return rc;
			zeros = value + EFI_PRETREE_SHORT_RUN_MIN;
		} else if (symbol == EFI_PRETREE_LONG_RUN) {
			if ((rc = read_bits(&dec->bits, EFI_PRETREE_LONG_RUN_BITS,
					    &value)))
				return rc;
			zeros = value + EFI_PRETREE_LONG_RUN_MIN;
		}
		if (zeros > EFI_LITLEN_SYMBOLS - index)
			return EFI_DECOMPRESS_CORRUPT;
		index += zeros;
	}
	return build_code(&dec->litlen, lengths, EFI_LITLEN_SYMBOLS);
}

static int read_block_header(struct decoder *dec, uint32_t *symbols)
{
	int rc;

	if ((rc = read_bits(&dec->bits, EFI_BLOCK_SIZE_BITS, symbols)))
		return rc;
	/* No encoder writes an empty block; the firmware would wrap to 65536. */
	if (*symbols == 0)
		return EFI_DECOMPRESS_CORRUPT;
	if ((rc = read_small_tree(&dec->bits, &dec->pretree, EFI_PRETREE_SYMBOLS,
				  EFI_PRETREE_COUNT_BITS,
				  EFI_PTLEN_SKIP_AFTER)))
		return rc;
	if ((rc = read_litlen_tree(dec)))
		return rc;
	return read_small_tree(&dec->bits, &dec->position, POSITION_ALPHABET,
			       EFI_POSITION_COUNT_BITS, 0);
}

/* Distance back from the current output position, minus one. */
static int read_position(struct decoder *dec, uint32_t *distance_minus_one)
{
	unsigned symbol;
	uint32_t extra;
	int rc;

	if ((rc = decode_symbol(&dec->bits, &dec->position, &symbol)))
		return rc;
	if (symbol <= 1) {
		*distance_minus_one = symbol;
		return EFI_DECOMPRESS_OK;
	}
	if ((rc = read_bits(&dec->bits, symbol - 1, &extra)))
		return rc;
	*distance_minus_one = (1u << (symbol - 1)) + extra;
	return EFI_DECOMPRESS_OK;
}

static int decode_stream(struct decoder *dec, uint8_t *out, size_t out_len)
{
	size_t pos = 0;
	uint32_t block_left = 0, distance_minus_one;
	unsigned symbol;
	int rc;

	while (pos < out_len) {
		if (block_left == 0 && (rc = read_block_header(dec, &block_left)))
			return rc;
		block_left--;
		if ((rc = decode_symbol(&dec->bits, &dec->litlen, &symbol)))
			return rc;
		if (symbol < 256) {
			out[pos++] = (uint8_t)symbol;
			continue;
		}
		size_t length = symbol - 256 + EFI_MIN_MATCH;
		if ((rc = read_position(dec, &distance_minus_one)))
			return rc;
		if (distance_minus_one >= pos)
			return EFI_DECOMPRESS_CORRUPT;
		if (length > out_len - pos)
			length = out_len - pos;
		/* Byte by byte: a match may overlap the bytes it produces. */
		for (const uint8_t *from = out + pos - distance_minus_one - 1;
		     length; length--)
			out[pos++] = *from++;
	}
	return EFI_DECOMPRESS_OK;
}

int efi_decompress_sizes(const uint8_t *in, size_t in_len,
			 uint32_t *compressed_size, uint32_t *original_size)
{
	if (in_len < EFI_COMPRESS_HEADER_SIZE)
		return EFI_DECOMPRESS_TRUNCATED;
	*compressed_size = get_le32(in);
	*original_size = get_le32(in + 4);
	if (*compressed_size > in_len - EFI_COMPRESS_HEADER_SIZE)
		return EFI_DECOMPRESS_TRUNCATED;
	return EFI_DECOMPRESS_OK;
}

int efi_decompress_into(const uint8_t *in, size_t in_len, uint8_t *out,
			size_t out_len)
{
	uint32_t compressed_size, original_size;
	struct decoder *dec;
	int rc;

	if ((rc = efi_decompress_sizes(in, in_len, &compressed_size,
				       &original_size)))
		return rc;
	if (out_len != original_size)
		return EFI_DECOMPRESS_SIZE_MISMATCH;
	if (out_len == 0)
		return EFI_DECOMPRESS_OK;

	dec = calloc(1, sizeof(*dec));
	if (!dec)
		return EFI_DECOMPRESS_NO_MEMORY;
	dec->bits.data = in + EFI_COMPRESS_HEADER_SIZE;
	dec->bits.size = compressed_size;
	rc = decode_stream(dec, out, out_len);
	free(dec);
	return rc;
}

int efi_decompress(const uint8_t *in, size_t in_len, size_t max_out,
		   uint8_t **out, size_t *out_len)
{
	uint32_t compressed_size, original_size;
	uint8_t *buffer;
	int rc;

	*out = NULL;
	*out_len = 0;
	if ((rc = efi_decompress_sizes(in, in_len, &compressed_size,
				       &original_size)))
		return rc;
	if (original_size > max_out)
		return EFI_DECOMPRESS_TOO_LARGE;
	buffer = malloc(original_size ? original_size : 1);
	if (!buffer)
		return EFI_DECOMPRESS_NO_MEMORY;
	if ((rc = efi_decompress_into(in, in_len, buffer, original_size))) {
		free(buffer);
		return rc;
	}
	*out = buffer;
	*out_len = original_size;
	return EFI_DECOMPRESS_OK;
}

const char *efi_decompress_strerror(int status)
{
	switch (status) {
	case EFI_DECOMPRESS_OK:
		return "success";
	case EFI_DECOMPRESS_TRUNCATED:
		return "compressed data is truncated";
	case EFI_DECOMPRESS_CORRUPT:
		return "compressed data is corrupt";
	case EFI_DECOMPRESS_TOO_LARGE:
		return "decompressed size is over the limit";
	case EFI_DECOMPRESS_SIZE_MISMATCH:
		return "output buffer does not match the decompressed size";
	case EFI_DECOMPRESS_NO_MEMORY:
		return "out of memory";
	default:
		return "unknown decompression error";
	}
}
