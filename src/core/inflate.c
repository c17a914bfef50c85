/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * A DEFLATE decoder (RFC 1951), written for untrusted input rather than
 * speed: Huffman codes are kept as canonical code counts and symbols and
 * decoded a bit at a time, which needs no tables that a hostile code
 * could overflow, and every block header is validated before use
 * (over-subscribed or unusable codes, repeat codes without a previous
 * length or past the end, lengths and distances out of range, distances
 * reaching before the start of the output). Back-references copy from the
 * output buffer itself, which holds the whole file.
 */

#include <errno.h>
#include <string.h>
#include <wireboot/errfile.h>
#include <wireboot/inflate.h>

#define ERRFILE ERRFILE_inflate

#define MAX_BITS 15
#define MAX_LITLEN_CODES 286
#define MAX_DIST_CODES 30
#define FIXED_LITLEN_CODES 288
#define CODELEN_CODES 19
#define END_OF_BLOCK 256

struct bit_reader {
	const uint8_t *in;
	size_t len;
	size_t pos;		/* next byte */
	uint32_t bits;		/* unused bits, lowest first */
	unsigned count;
};

struct huffman {
	uint16_t count[MAX_BITS + 1];	/* codes of each length */
	uint16_t symbol[FIXED_LITLEN_CODES];	/* in canonical order */
};

static int need_bits(struct bit_reader *br, unsigned n)
{
	while (br->count < n) {
		if (br->pos >= br->len)
			return -EUNIQ(EINVAL, 1);	/* truncated */
		br->bits |= (uint32_t)br->in[br->pos++] << br->count;
		br->count += 8;
	}
	return 0;
}

/* n (at most 16) bits, least significant first, into *value. */
static int get_bits(struct bit_reader *br, unsigned n, unsigned *value)
{
	int rc = need_bits(br, n);

	if (rc)
		return rc;
	*value = br->bits & ((1u << n) - 1);
	br->bits >>= n;
	br->count -= n;
	return 0;
}

/*
 * Builds a code from lengths[0..n-1]. Over-subscribed sets are refused;
 * an incomplete one is accepted (a code may use a single symbol, and a
 * bit pattern no symbol has fails when it is met).
 */
static int build_huffman(struct huffman *h, const uint8_t *lengths, unsigned n)
{
	uint16_t offset[MAX_BITS + 1];
	unsigned i;
	int left = 1;

	memset(h->count, 0, sizeof(h->count));
	for (i = 0; i < n; i++)
		h->count[lengths[i]]++;
	for (i = 1; i <= MAX_BITS; i++) {
		left <<= 1;
		left -= h->count[i];
		if (left < 0)
			return -EUNIQ(EINVAL, 2);
	}
	offset[1] = 0;
	for (i = 1; i < MAX_BITS; i++)
		offset[i + 1] = offset[i] + h->count[i];
	for (i = 0; i < n; i++) {
		if (lengths[i])
			h->symbol[offset[lengths[i]]++] = (uint16_t)i;
	}
	return 0;
}

/* One symbol: the code is read a bit at a time, most significant first,
 * and compared with the first code of each length. */
static int decode(struct bit_reader *br, const struct huffman *h,
		  unsigned *symbol)
{
	int code = 0, first = 0, index = 0;
	unsigned len, bit;
	int rc;

	for (len = 1; len <= MAX_BITS; len++) {
		rc = get_bits(br, 1, &bit);
		if (rc)
			return rc;
		code |= (int)bit;
		if (code - first < h->count[len]) {
			*symbol = h->symbol[index + code - first];
			return 0;
		}
		index += h->count[len];
		first += h->count[len];
		first <<= 1;
		code <<= 1;
	}
	return -EUNIQ(EINVAL, 3);	/* a pattern no symbol has */
}

static int reserve(struct inflate_output *out, size_t more)
{
	if (more > out->limit || out->len > out->limit - more)
		return -EUNIQ(ENOSPC, 4);
	if (out->len + more <= out->capacity)
		return 0;
	return out->reserve(out, out->len + more);
}

static int stored_block(struct bit_reader *br, struct inflate_output *out)
{
	unsigned len, nlen;
	int rc;

	/* The rest of the current byte is skipped. */
	br->bits = 0;
	br->count = 0;
	if (br->len - br->pos < 4)
		return -EUNIQ(EINVAL, 5);
	len = br->in[br->pos] | br->in[br->pos + 1] << 8;
	nlen = br->in[br->pos + 2] | br->in[br->pos + 3] << 8;
	br->pos += 4;
	if (len != (~nlen & 0xffff))
		return -EUNIQ(EINVAL, 6);
	if (br->len - br->pos < len)
		return -EUNIQ(EINVAL, 7);
	rc = reserve(out, len);
	if (rc)
		return rc;
	memcpy(out->data + out->len, br->in + br->pos, len);
	out->len += len;
	br->pos += len;
	return 0;
}

static const uint16_t length_base[29] = {
	3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31,
	35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258
};
static const uint8_t length_extra[29] = {
	0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2,
	3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0
};
static const uint16_t dist_base[30] = {
	1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193,
	257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097, 6145,
	8193, 12289, 16385, 24577
};
static const uint8_t dist_extra[30] = {
	0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6,
	7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13
};

/* Literals and back-references until the end-of-block symbol. */
static int huffman_block(struct bit_reader *br, struct inflate_output *out,
			 const struct huffman *litlen, const struct huffman *dist)
{
	unsigned symbol, extra, length, distance;
	size_t i;
	int rc;

	while (1) {
		rc = decode(br, litlen, &symbol);
		if (rc)
			return rc;
		if (symbol < END_OF_BLOCK) {
			rc = reserve(out, 1);
			if (rc)
				return rc;
			out->data[out->len++] = (uint8_t)symbol;
			continue;
		}
		if (symbol == END_OF_BLOCK)
			return 0;
		symbol -= END_OF_BLOCK + 1;
		if (symbol >= 29)
			return -EUNIQ(EINVAL, 8);
		rc = get_bits(br, length_extra[symbol], &extra);
		if (rc)
			return rc;
		length = length_base[symbol] + extra;
		rc = decode(br, dist, &symbol);
		if (rc)
			return rc;
		if (symbol >= MAX_DIST_CODES)
			return -EUNIQ(EINVAL, 9);
		rc = get_bits(br, dist_extra[symbol], &extra);
		if (rc)
			return rc;
		distance = dist_base[symbol] + extra;
		if (distance > out->len)
			return -EUNIQ(EINVAL, 10);
		rc = reserve(out, length);
		if (rc)
			return rc;
		/* Byte by byte: the copy may overlap what it writes. */
		for (i = 0; i < length; i++, out->len++)
			out->data[out->len] = out->data[out->len - distance];
	}
}

static int fixed_block(struct bit_reader *br, struct inflate_output *out)
{
	static struct huffman litlen, dist;
	static int built;
	uint8_t lengths[FIXED_LITLEN_CODES];
	unsigned i;

	if (!built) {
		for (i = 0; i < FIXED_LITLEN_CODES; i++)
			lengths[i] = i < 144 ? 8 : i < 256 ? 9 : i < 280 ? 7 : 8;
		build_huffman(&litlen, lengths, FIXED_LITLEN_CODES);
		for (i = 0; i < MAX_DIST_CODES; i++)
			lengths[i] = 5;
		build_huffman(&dist, lengths, MAX_DIST_CODES);
		built = 1;
	}
	return huffman_block(br, out, &litlen, &dist);
}

/* The code lengths of a dynamic block, read with the code-length code. */
static int read_lengths(struct bit_reader *br, const struct huffman *codelen,
			uint8_t *lengths, unsigned total)
{
	unsigned index = 0, symbol, repeat, value;
	int rc;

	while (index < total) {
		rc = decode(br, codelen, &symbol);
		if (rc)
			return rc;
		if (symbol < 16) {
			lengths[index++] = (uint8_t)symbol;
			continue;
		}
		value = 0;
		if (symbol == 16) {
			if (index == 0)
				return -EUNIQ(EINVAL, 11);
			value = lengths[index - 1];
			rc = get_bits(br, 2, &repeat);
			repeat += 3;
		} else if (symbol == 17) {
			rc = get_bits(br, 3, &repeat);
			repeat += 3;
		} else {
			rc = get_bits(br, 7, &repeat);
			repeat += 11;
		}
		if (rc)
			return rc;
		if (repeat > total - index)
			return -EUNIQ(EINVAL, 12);
		while (repeat--)
			lengths[index++] = (uint8_t)value;
	}
	return 0;
}

static int dynamic_block(struct bit_reader *br, struct inflate_output *out)
{
	static const uint8_t order[CODELEN_CODES] = {
		16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15
	};
	uint8_t lengths[MAX_LITLEN_CODES + MAX_DIST_CODES];
	struct huffman litlen, dist;
	unsigned nlen, ndist, ncode, i, value;
	int rc;

	if ((rc = get_bits(br, 5, &nlen)) || (rc = get_bits(br, 5, &ndist)) ||
	    (rc = get_bits(br, 4, &ncode)))
		return rc;
	nlen += 257;
	ndist += 1;
	ncode += 4;
	if (nlen > MAX_LITLEN_CODES || ndist > MAX_DIST_CODES)
		return -EUNIQ(EINVAL, 13);
	memset(lengths, 0, sizeof(lengths));
	for (i = 0; i < ncode; i++) {
		rc = get_bits(br, 3, &value);
		if (rc)
			return rc;
		lengths[order[i]] = (uint8_t)value;
	}
	rc = build_huffman(&litlen, lengths, CODELEN_CODES);
	if (rc)
		return rc;
	rc = read_lengths(br, &litlen, lengths, nlen + ndist);
	if (rc)
		return rc;
	/* Without an end-of-block code the block could never end. */
	if (lengths[END_OF_BLOCK] == 0)
		return -EUNIQ(EINVAL, 14);
	rc = build_huffman(&litlen, lengths, nlen);
	if (!rc)
		rc = build_huffman(&dist, lengths + nlen, ndist);
	if (rc)
		return rc;
	return huffman_block(br, out, &litlen, &dist);
}

int inflate(const uint8_t *in, size_t len, struct inflate_output *out,
	    size_t *used)
{
	struct bit_reader br = { .in = in, .len = len };
	unsigned last, type;
	int rc;

	do {
		if ((rc = get_bits(&br, 1, &last)) || (rc = get_bits(&br, 2, &type)))
			return rc;
		switch (type) {
		case 0:
			rc = stored_block(&br, out);
			break;
		case 1:
			rc = fixed_block(&br, out);
			break;
		case 2:
			rc = dynamic_block(&br, out);
			break;
		default:
			rc = -EUNIQ(EINVAL, 15);
			break;
		}
		if (rc)
			return rc;
	} while (!last);
	/* Bits left over in the last byte belong to the stream. */
	*used = br.pos;
	return 0;
}
