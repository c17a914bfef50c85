/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "huffman.h"

#include <stdlib.h>
#include <string.h>

struct leaf {
	uint32_t freq;
	uint16_t symbol;
};

static int by_freq_then_symbol(const void *a, const void *b)
{
	const struct leaf *x = a, *y = b;

	if (x->freq != y->freq)
		return x->freq < y->freq ? -1 : 1;
	return x->symbol < y->symbol ? -1 : x->symbol > y->symbol;
}

/*
 * Count how many leaves of an optimal code sit at each depth, using the
 * two-queue method on leaves sorted by weight: merged nodes are created in
 * non-decreasing weight order, so the two lightest are always at the
 * front of one of the queues.
 */
static void count_depths(const struct leaf *leaves, unsigned n,
			 uint32_t *depth_count)
{
	uint64_t weight[2 * HUFFMAN_MAX_SYMBOLS];
	uint16_t parent[2 * HUFFMAN_MAX_SYMBOLS];
	uint16_t depth[2 * HUFFMAN_MAX_SYMBOLS];
	unsigned next_leaf = 0, next_node = n, end = n;

	for (unsigned i = 0; i < n; i++)
		weight[i] = leaves[i].freq;
	while (end < 2 * n - 1) {
		unsigned pick[2];
		for (unsigned k = 0; k < 2; k++) {
			if (next_leaf < n && (next_node == end ||
					      weight[next_leaf] <= weight[next_node]))
				pick[k] = next_leaf++;
			else
				pick[k] = next_node++;
		}
		weight[end] = weight[pick[0]] + weight[pick[1]];
		parent[pick[0]] = parent[pick[1]] = (uint16_t)end;
		end++;
	}
	/* Parents have higher indices than their children: walk downwards. */
	depth[end - 1] = 0;
	for (unsigned i = end - 1; i-- > 0;)
		depth[i] = depth[parent[i]] + 1;
	for (unsigned i = 0; i < n; i++)
		depth_count[depth[i]]++;
}

/*
 * Bring leaves deeper than the limit up while keeping the code complete:
 * two siblings at the deepest level become one leaf a level up plus one
 * leaf that splits the nearest shallower leaf into two.
 */
static void limit_depths(uint32_t *depth_count, unsigned max_depth,
			 unsigned max_length)
{
	for (unsigned depth = max_depth; depth > max_length; depth--) {
		while (depth_count[depth]) {
			unsigned shallower = depth - 2;
			while (!depth_count[shallower])
				shallower--;
			depth_count[depth] -= 2;
			depth_count[depth - 1]++;
			depth_count[shallower + 1] += 2;
			depth_count[shallower]--;
		}
	}
}

unsigned huffman_code_lengths(const uint32_t *freq, unsigned alphabet,
			      unsigned max_length, uint8_t *lengths)
{
	struct leaf leaves[HUFFMAN_MAX_SYMBOLS];
	uint32_t depth_count[HUFFMAN_MAX_SYMBOLS] = { 0 };
	unsigned n = 0, leaf = 0;

	memset(lengths, 0, alphabet);
	for (unsigned s = 0; s < alphabet; s++) {
		if (freq[s]) {
			leaves[n].freq = freq[s];
			leaves[n].symbol = (uint16_t)s;
			n++;
		}
	}
	if (n < 2)
		return n;

	qsort(leaves, n, sizeof(leaves[0]), by_freq_then_symbol);
	count_depths(leaves, n, depth_count);
	limit_depths(depth_count, n - 1, max_length);

	/* Rarest symbols get the longest codes. */
	for (unsigned len = max_length; len >= 1; len--)
		for (uint32_t k = 0; k < depth_count[len]; k++)
			lengths[leaves[leaf++].symbol] = (uint8_t)len;
	return n;
}
