/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "eficompress.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "byteorder.h"
#include "eficompress_format.h"
#include "huffman.h"

/*
 * LZ77 with hash chains and one step of lazy evaluation, then one set of
 * Huffman codes per block of symbols.
 */

#define HASH_BITS 15
#define HASH_SIZE (1u << HASH_BITS)
#define NO_POSITION UINT32_MAX
/* Candidates examined per search: enough to find nearly every longest
 * match in an 8 KiB window while bounding time on degenerate input. */
#define MAX_CHAIN 4096
/* Symbols per block: large enough to amortise the code tables, small
 * enough for the codes to follow changes in the data. */
#define BLOCK_MAX_SYMBOLS 16384

struct match {
	uint32_t length;	/* 0: no usable match */
	uint32_t distance;
};

struct match_finder {
	const uint8_t *in;
	uint32_t in_len;
	uint32_t inserted;	/* positions below this are in the chains */
	uint32_t head[HASH_SIZE];
	/* Previous position with the same hash; a ring of one window is
	 * enough since older candidates are never used. */
	uint32_t prev[EFI_WINDOW_SIZE];
};

struct block {
	uint32_t count;
	uint16_t litlen[BLOCK_MAX_SYMBOLS];
	uint16_t distance_minus_one[BLOCK_MAX_SYMBOLS];
	uint32_t litlen_freq[EFI_LITLEN_SYMBOLS];
	uint32_t position_freq[EFI_POSITION_SYMBOLS];
};

struct bit_writer {
	uint8_t *data;
	size_t size, capacity;
	uint32_t pending;	/* low pending_bits bits not yet stored */
	unsigned pending_bits;
	bool failed;
};

/* A code ready for writing: lengths, canonical codes, and how many
 * symbols occur (0 or 1 means the tree is sent as a single symbol). */
struct code_table {
	unsigned alphabet;
	unsigned used;
	unsigned single_symbol;
	uint8_t lengths[EFI_LITLEN_SYMBOLS];
	uint16_t codes[EFI_LITLEN_SYMBOLS];
};

/* One pre-tree symbol describing literal/length code lengths. */
struct pretree_item {
	uint8_t symbol;
	uint16_t extra;
};

/* ---- bit output ---- */

static void put_byte(struct bit_writer *w, uint8_t byte)
{
	if (w->failed)
		return;
	if (w->size == w->capacity) {
		size_t capacity = w->capacity ? 2 * w->capacity : 4096;
		uint8_t *data = realloc(w->data, capacity);
		if (!data) {
			w->failed = true;
			return;
		}
		w->data = data;
		w->capacity = capacity;
	}
	w->data[w->size++] = byte;
}

/* Append the low count (at most 16) bits of value, most significant first. */
static void put_bits(struct bit_writer *w, uint32_t value, unsigned count)
{
	w->pending = (w->pending << count) | (value & ((1u << count) - 1));
	w->pending_bits += count;
	while (w->pending_bits >= 8) {
		w->pending_bits -= 8;
		put_byte(w, (uint8_t)(w->pending >> w->pending_bits));
	}
}

static void flush_bits(struct bit_writer *w)
{
	if (w->pending_bits)
		put_bits(w, 0, 8 - w->pending_bits);
}

/* ---- match finding ---- */

static uint32_t hash3(const uint8_t *p)
{
	uint32_t key = (uint32_t)p[0] << 16 | (uint32_t)p[1] << 8 | p[2];
	return (key * 2654435761u) >> (32 - HASH_BITS);
}

static void insert_until(struct match_finder *mf, uint32_t pos)
{
	for (; mf->inserted < pos; mf->inserted++) {
		uint32_t at = mf->inserted;
		if (mf->in_len - at < EFI_MIN_MATCH)
			continue;
		uint32_t *bucket = &mf->head[hash3(mf->in + at)];
		mf->prev[at % EFI_WINDOW_SIZE] = *bucket;
		*bucket = at;
	}
}

/* Longest (then nearest) earlier occurrence of the bytes at pos. */
static struct match find_match(struct match_finder *mf, uint32_t pos)
{
	struct match best = { 0, 0 };
	uint32_t limit = mf->in_len - pos;
	const uint8_t *here = mf->in + pos;

	insert_until(mf, pos);
	if (limit > EFI_MAX_MATCH)
		limit = EFI_MAX_MATCH;
	if (limit < EFI_MIN_MATCH)
		return best;

	uint32_t candidate = mf->head[hash3(here)];
	for (unsigned chain = MAX_CHAIN;
	     candidate != NO_POSITION && pos - candidate <= EFI_WINDOW_SIZE &&
	     chain; chain--) {
		const uint8_t *there = mf->in + candidate;
		if (there[best.length] == here[best.length]) {
			uint32_t length = 0;
			while (length < limit && there[length] == here[length])
				length++;
			if (length > best.length) {
				best.length = length;
				best.distance = pos - candidate;
				if (length == limit)
					break;
			}
		}
		candidate = mf->prev[candidate % EFI_WINDOW_SIZE];
	}
	if (best.length < EFI_MIN_MATCH)
		best.length = 0;
	return best;
}

/* ---- Huffman codes ---- */

static void assign_canonical_codes(struct code_table *table)
{
	uint32_t count[EFI_MAX_CODE_LENGTH + 1] = { 0 };
	uint16_t next[EFI_MAX_CODE_LENGTH + 1];
	uint32_t code = 0;

	for (unsigned s = 0; s < table->alphabet; s++)
		count[table->lengths[s]]++;
	count[0] = 0;
	for (unsigned len = 1; len <= EFI_MAX_CODE_LENGTH; len++) {
		code = (code + count[len - 1]) << 1;
		next[len] = (uint16_t)code;
	}
	for (unsigned s = 0; s < table->alphabet; s++)
		if (table->lengths[s])
			table->codes[s] = next[table->lengths[s]]++;
}

static void build_code_table(struct code_table *table, const uint32_t *freq,
			     unsigned alphabet)
{
	table->alphabet = alphabet;
	table->used = huffman_code_lengths(freq, alphabet, EFI_MAX_CODE_LENGTH,
					   table->lengths);
	table->single_symbol = 0;
	for (unsigned s = 0; s < alphabet; s++)
		if (freq[s])
			table->single_symbol = s;
	if (table->used >= 2)
		assign_canonical_codes(table);
}

static void put_symbol(struct bit_writer *w, const struct code_table *table,
		       unsigned symbol)
{
	if (table->used >= 2)
		put_bits(w, table->codes[symbol], table->lengths[symbol]);
}

/* ---- block output ---- */

static unsigned position_symbol(uint32_t distance_minus_one)
{
	unsigned bits = 0;

	while (distance_minus_one >> bits)
		bits++;
	return bits;	/* 0 for 0, 1 for 1, k for 2^(k-1) .. 2^k - 1 */
}

static unsigned written_length_count(const struct code_table *table)
{
	unsigned n = table->alphabet;

	while (n && !table->lengths[n - 1])
		n--;
	return n;
}

static void put_small_length(struct bit_writer *w, unsigned len)
{
	if (len < 7)
		put_bits(w, len, 3);
	else
		put_bits(w, (1u << (len - 3)) - 2, len - 3);
}

/* Pre-tree or position tree lengths (see eficompress_format.h). */
static void put_small_tree(struct bit_writer *w, const struct code_table *table,
			   unsigned count_bits, unsigned skip_after)
{
	if (table->used < 2) {
		put_bits(w, 0, count_bits);
		put_bits(w, table->single_symbol, count_bits);
		return;
	}
	unsigned n = written_length_count(table);
	put_bits(w, n, count_bits);
	for (unsigned i = 0; i < n;) {
		put_small_length(w, table->lengths[i++]);
		if (i == skip_after) {
			unsigned zeros = 0;
			while (zeros < 3 && i + zeros < n && !table->lengths[i + zeros])
				zeros++;
			put_bits(w, zeros, EFI_PTLEN_SKIP_BITS);
			i += zeros;
		}
	}
}

/* Describe the literal/length code lengths as pre-tree symbols. */
static unsigned describe_litlen_lengths(const struct code_table *litlen,
					struct pretree_item *items)
{
	unsigned n = written_length_count(litlen), count = 0;

	for (unsigned i = 0; i < n;) {
		if (litlen->lengths[i]) {
			items[count++] = (struct pretree_item){
				(uint8_t)(litlen->lengths[i++] + EFI_PRETREE_LENGTH_BASE),
				0 };
			continue;
		}
		unsigned run = 0;
		while (i + run < n && !litlen->lengths[i + run])
			run++;
		i += run;
		/* Neither run code covers 19: send one zero on its own. */
		if (run == EFI_PRETREE_LONG_RUN_MIN - 1) {
			items[count++] = (struct pretree_item){ EFI_PRETREE_ONE_ZERO, 0 };
			run--;
		}
		if (run < EFI_PRETREE_SHORT_RUN_MIN) {
			while (run--)
				items[count++] = (struct pretree_item){
					EFI_PRETREE_ONE_ZERO, 0 };
		} else if (run < EFI_PRETREE_LONG_RUN_MIN) {
			items[count++] = (struct pretree_item){
				EFI_PRETREE_SHORT_RUN,
				(uint16_t)(run - EFI_PRETREE_SHORT_RUN_MIN) };
		} else {
			items[count++] = (struct pretree_item){
				EFI_PRETREE_LONG_RUN,
				(uint16_t)(run - EFI_PRETREE_LONG_RUN_MIN) };
		}
	}
	return count;
}

static void put_code_tables(struct bit_writer *w, const struct code_table *litlen)
{
	struct pretree_item items[EFI_LITLEN_SYMBOLS];
	uint32_t freq[EFI_PRETREE_SYMBOLS] = { 0 };
	struct code_table pretree;
	unsigned count;

	if (litlen->used < 2) {
		/* The pre-tree is still read; send an unused single symbol. */
		put_bits(w, 0, EFI_PRETREE_COUNT_BITS);
		put_bits(w, 0, EFI_PRETREE_COUNT_BITS);
		put_bits(w, 0, EFI_LITLEN_COUNT_BITS);
		put_bits(w, litlen->single_symbol, EFI_LITLEN_COUNT_BITS);
		return;
	}
	count = describe_litlen_lengths(litlen, items);
	for (unsigned i = 0; i < count; i++)
		freq[items[i].symbol]++;
	build_code_table(&pretree, freq, EFI_PRETREE_SYMBOLS);
	put_small_tree(w, &pretree, EFI_PRETREE_COUNT_BITS, EFI_PTLEN_SKIP_AFTER);

	put_bits(w, written_length_count(litlen), EFI_LITLEN_COUNT_BITS);
	for (unsigned i = 0; i < count; i++) {
		put_symbol(w, &pretree, items[i].symbol);
		if (items[i].symbol == EFI_PRETREE_SHORT_RUN)
			put_bits(w, items[i].extra, EFI_PRETREE_SHORT_RUN_BITS);
		else if (items[i].symbol == EFI_PRETREE_LONG_RUN)
			put_bits(w, items[i].extra, EFI_PRETREE_LONG_RUN_BITS);
	}
}

static void put_block(struct bit_writer *w, struct block *block)
{
	struct code_table litlen, position;

	build_code_table(&litlen, block->litlen_freq, EFI_LITLEN_SYMBOLS);
	build_code_table(&position, block->position_freq, EFI_POSITION_SYMBOLS);

	put_bits(w, block->count, EFI_BLOCK_SIZE_BITS);
	put_code_tables(w, &litlen);
	put_small_tree(w, &position, EFI_POSITION_COUNT_BITS, 0);

	for (uint32_t i = 0; i < block->count; i++) {
		unsigned symbol = block->litlen[i];
		put_symbol(w, &litlen, symbol);
		if (symbol < 256)
			continue;
		uint32_t d = block->distance_minus_one[i];
		unsigned p = position_symbol(d);
		put_symbol(w, &position, p);
		if (p > 1)
			put_bits(w, d - (1u << (p - 1)), p - 1);
	}
	block->count = 0;
	memset(block->litlen_freq, 0, sizeof(block->litlen_freq));
	memset(block->position_freq, 0, sizeof(block->position_freq));
}

static void add_literal(struct bit_writer *w, struct block *block, uint8_t byte)
{
	block->litlen[block->count++] = byte;
	block->litlen_freq[byte]++;
	if (block->count == BLOCK_MAX_SYMBOLS)
		put_block(w, block);
}

static void add_match(struct bit_writer *w, struct block *block,
		      struct match m)
{
	unsigned symbol = 256 + m.length - EFI_MIN_MATCH;

	block->litlen[block->count] = (uint16_t)symbol;
	block->distance_minus_one[block->count] = (uint16_t)(m.distance - 1);
	block->count++;
	block->litlen_freq[symbol]++;
	block->position_freq[position_symbol(m.distance - 1)]++;
	if (block->count == BLOCK_MAX_SYMBOLS)
		put_block(w, block);
}

/*
 * Greedy parse with one step of lazy evaluation: a match is deferred by
 * one literal when the match starting at the next byte is longer.
 */
static void compress_body(struct bit_writer *w, struct match_finder *mf,
			  struct block *block)
{
	uint32_t pos = 0;
	struct match current = find_match(mf, 0);

	while (pos < mf->in_len) {
		if (!current.length) {
			add_literal(w, block, mf->in[pos++]);
			current = find_match(mf, pos);
			continue;
		}
		struct match next = find_match(mf, pos + 1);
		if (next.length > current.length) {
			add_literal(w, block, mf->in[pos++]);
			current = next;
			continue;
		}
		add_match(w, block, current);
		pos += current.length;
		current = find_match(mf, pos);
	}
	if (block->count)
		put_block(w, block);
}

int efi_compress(const uint8_t *in, size_t in_len, uint8_t **out,
		 size_t *out_len)
{
	struct bit_writer w = { 0 };
	struct match_finder *mf;
	struct block *block;

	*out = NULL;
	*out_len = 0;
	if (in_len > UINT32_MAX)
		return -1;
	mf = malloc(sizeof(*mf));
	block = calloc(1, sizeof(*block));
	if (!mf || !block) {
		free(mf);
		free(block);
		return -1;
	}
	mf->in = in;
	mf->in_len = (uint32_t)in_len;
	mf->inserted = 0;
	for (unsigned i = 0; i < HASH_SIZE; i++)
		mf->head[i] = NO_POSITION;

	for (unsigned i = 0; i < EFI_COMPRESS_HEADER_SIZE; i++)
		put_byte(&w, 0);
	compress_body(&w, mf, block);
	flush_bits(&w);
	free(mf);
	free(block);

	if (w.failed || w.size - EFI_COMPRESS_HEADER_SIZE > UINT32_MAX) {
		free(w.data);
		return -1;
	}
	put_le32(w.data, (uint32_t)(w.size - EFI_COMPRESS_HEADER_SIZE));
	put_le32(w.data + 4, (uint32_t)in_len);
	*out = w.data;
	*out_len = w.size;
	return 0;
}
