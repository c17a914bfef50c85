/* SPDX-License-Identifier: GPL-2.0-or-later */
// HOST_SOURCES: util/eficompress.c util/efidecompress.c util/huffman.c
/*
 * UEFI compression: round trips through our compressor and decompressor,
 * length-limited Huffman codes, and the decompressor on truncated,
 * bit-flipped, hand-made and random input (it must fail cleanly, never
 * crash: the sanitizers watch).
 */

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "unit.h"
#include "eficompress.h"
#include "efidecompress.h"
#include "huffman.h"

#define MAX_OUT (64u << 20)

static uint32_t random_state = 0x2545f491;

static uint32_t next_random(void)
{
	random_state ^= random_state << 13;
	random_state ^= random_state >> 17;
	random_state ^= random_state << 5;
	return random_state;
}

/* Round trip; returns the compressed size. Also checks determinism. */
static size_t check_round_trip(const char *what, const uint8_t *data, size_t len)
{
	uint8_t *packed, *again, *unpacked;
	size_t packed_len, again_len, unpacked_len;
	uint32_t compressed_size, original_size;

	printf("round trip: %s, %zu bytes\n", what, len);
	if (!CHECK(efi_compress(data, len, &packed, &packed_len) == 0))
		return 0;
	CHECK_INT(efi_decompress_sizes(packed, packed_len, &compressed_size,
				       &original_size), EFI_DECOMPRESS_OK);
	CHECK_INT(compressed_size + 8, packed_len);
	CHECK_INT(original_size, len);
	CHECK_INT(efi_decompress(packed, packed_len, MAX_OUT, &unpacked,
				 &unpacked_len), EFI_DECOMPRESS_OK);
	CHECK_INT(unpacked_len, len);
	CHECK(unpacked && memcmp(unpacked, data, len) == 0);
	CHECK(efi_compress(data, len, &again, &again_len) == 0);
	CHECK(again_len == packed_len && memcmp(again, packed, packed_len) == 0);
	free(again);
	free(unpacked);
	free(packed);
	return packed_len;
}

static uint8_t *compress_or_die(const uint8_t *data, size_t len, size_t *out_len)
{
	uint8_t *packed;

	if (efi_compress(data, len, &packed, out_len)) {
		printf("FAIL: cannot compress\n");
		exit(1);
	}
	return packed;
}

static void fill_text(uint8_t *data, size_t len)
{
	static const char *const words[] = {
		"network ", "boot ", "firmware ", "driver ", "option ", "ROM ",
		"packet ", "DHCP ", "TFTP ", "HTTP ", "the ", "a ", "of ", "\n",
	};
	size_t pos = 0;

	while (pos < len) {
		const char *word = words[next_random() % 14];
		for (size_t i = 0; word[i] && pos < len; i++)
			data[pos++] = (uint8_t)word[i];
		if (next_random() % 7 == 0 && pos < len)
			data[pos++] = (uint8_t)('0' + next_random() % 10);
	}
}

static uint8_t *read_self(size_t *len)
{
	FILE *file = fopen("/proc/self/exe", "rb");
	size_t capacity = 1 << 20, got;
	uint8_t *data = malloc(capacity);

	*len = 0;
	if (!file || !data) {
		printf("FAIL: cannot read /proc/self/exe\n");
		exit(1);
	}
	while ((got = fread(data + *len, 1, capacity - *len, file)) > 0) {
		*len += got;
		if (*len == capacity) {
			capacity *= 2;
			data = realloc(data, capacity);
			if (!data)
				exit(1);
		}
	}
	fclose(file);
	return data;
}

static void test_round_trips(void)
{
	size_t len = 5u << 20, packed;
	uint8_t *data = calloc(1, len);

	if (!data)
		exit(1);
	CHECK_INT(check_round_trip("empty", data, 0), 8);
	data[0] = 0x5a;
	check_round_trip("one byte", data, 1);
	/* Two literals of equal length: a single-symbol pre-tree. */
	data[0] = 0;
	data[1] = 1;
	check_round_trip("two bytes", data, 2);

	memset(data, 0, len);
	/* Later blocks hold only 256-byte matches at distance 1: single-symbol
	 * literal/length and position trees. */
	packed = check_round_trip("5 MiB of zeros", data, len);
	CHECK(packed < len / 1000);

	for (size_t i = 0; i < 200000; i++)
		data[i] = "abcabd"[i % 6];
	packed = check_round_trip("repeated pattern", data, 200000);
	CHECK(packed < 2000);

	for (size_t i = 0; i < 300000; i++)
		data[i] = (uint8_t)next_random();
	packed = check_round_trip("random", data, 300000);
	CHECK(packed < 300000 + 300000 / 50);	/* little expansion */

	fill_text(data, 1u << 20);
	packed = check_round_trip("1 MiB of text", data, 1u << 20);
	CHECK(packed < (1u << 20) / 3);

	/* Every match length and distance the format has. */
	for (size_t i = 0; i < 8192; i++)
		data[i] = (uint8_t)next_random();
	size_t pos = 8192;
	for (unsigned length = 3; length <= 256 && pos < len - 300; length++) {
		size_t distance = 1 + next_random() % 8192;
		for (size_t i = 0; i < length; i++, pos++)
			data[pos] = data[pos - distance];
		data[pos++] = (uint8_t)next_random();
	}
	check_round_trip("all match lengths", data, pos);
	free(data);

	data = read_self(&len);
	packed = check_round_trip("this test program", data, len);
	CHECK(packed < len * 9 / 10);
	free(data);
}

static void check_complete_code(const uint32_t *freq, unsigned alphabet,
				unsigned max_length)
{
	uint8_t lengths[HUFFMAN_MAX_SYMBOLS];
	uint64_t kraft = 0;
	unsigned used = huffman_code_lengths(freq, alphabet, max_length, lengths);

	for (unsigned s = 0; s < alphabet; s++) {
		CHECK((lengths[s] != 0) == (freq[s] != 0 && used >= 2));
		CHECK(lengths[s] <= max_length);
		if (lengths[s])
			kraft += 1ull << (max_length - lengths[s]);
	}
	if (used >= 2)
		CHECK_INT(kraft, 1ull << max_length);
}

static void test_huffman(void)
{
	uint32_t freq[HUFFMAN_MAX_SYMBOLS] = { 0 };
	uint8_t lengths[HUFFMAN_MAX_SYMBOLS];

	/* Exact optimal lengths when no limit applies. */
	freq[0] = 1;
	freq[1] = 1;
	freq[2] = 2;
	freq[3] = 4;
	CHECK_INT(huffman_code_lengths(freq, 4, 16, lengths), 4);
	CHECK(lengths[0] == 3 && lengths[1] == 3 && lengths[2] == 2 &&
	      lengths[3] == 1);

	memset(freq, 0, sizeof(freq));
	freq[7] = 100;
	CHECK_INT(huffman_code_lengths(freq, 10, 16, lengths), 1);
	CHECK_INT(lengths[7], 0);

	/* Fibonacci weights make a 29-deep optimal tree: must be limited. */
	memset(freq, 0, sizeof(freq));
	freq[0] = freq[1] = 1;
	for (unsigned s = 2; s < 30; s++)
		freq[s] = freq[s - 1] + freq[s - 2];
	check_complete_code(freq, 30, 16);
	huffman_code_lengths(freq, 30, 16, lengths);
	CHECK_INT(lengths[29], 1);	/* the heaviest stays shortest */

	/* Many symbols, skewed and random weights. */
	for (unsigned round = 0; round < 200; round++) {
		unsigned alphabet = 2 + next_random() % 509;
		for (unsigned s = 0; s < alphabet; s++)
			freq[s] = (next_random() % 3) ? next_random() >> (next_random() % 32) : 0;
		check_complete_code(freq, alphabet, 16);
	}
}

/* Decompressing prefixes of a valid stream must always fail cleanly. */
static void test_truncation(const uint8_t *packed, size_t packed_len,
			    size_t original_len)
{
	uint8_t *copy = malloc(packed_len), *out = malloc(original_len);
	unsigned clean_failures = 0;

	for (size_t cut = 0; cut < packed_len; cut++) {
		memcpy(copy, packed, cut);
		/* As given: the header's size no longer fits the input. */
		if (efi_decompress_into(copy, cut, out, original_len) ==
		    EFI_DECOMPRESS_TRUNCATED)
			clean_failures++;
		if (cut < 8)
			continue;
		/* Header adjusted: now the bit stream itself runs out. */
		copy[0] = (uint8_t)(cut - 8);
		copy[1] = (uint8_t)((cut - 8) >> 8);
		copy[2] = (uint8_t)((cut - 8) >> 16);
		copy[3] = 0;
		if (efi_decompress_into(copy, cut, out, original_len) ==
		    EFI_DECOMPRESS_TRUNCATED)
			clean_failures++;
	}
	CHECK_INT(clean_failures, 2 * packed_len - 8);
	free(copy);
	free(out);
}

static void test_bit_flips(const uint8_t *packed, size_t packed_len,
			   size_t original_len)
{
	uint8_t *copy = malloc(packed_len), *out;
	size_t out_len;
	unsigned failures = 0;

	for (size_t bit = 8 * 8; bit < packed_len * 8; bit++) {
		memcpy(copy, packed, packed_len);
		copy[bit / 8] ^= (uint8_t)(0x80 >> (bit % 8));
		int rc = efi_decompress(copy, packed_len, MAX_OUT, &out, &out_len);
		if (rc == EFI_DECOMPRESS_OK)
			CHECK_INT(out_len, original_len);
		else
			failures++;
		free(out);
	}
	CHECK(failures > 0);
	free(copy);
}

static void test_bogus_headers(const uint8_t *packed, size_t packed_len,
			       const uint8_t *original, size_t original_len)
{
	uint8_t *copy = malloc(packed_len), *out;
	size_t out_len;

	memcpy(copy, packed, packed_len);
	memset(copy + 4, 0xff, 4);	/* 4 GiB original size */
	CHECK_INT(efi_decompress(copy, packed_len, MAX_OUT, &out, &out_len),
		  EFI_DECOMPRESS_TOO_LARGE);
	CHECK(out == NULL && out_len == 0);

	memcpy(copy, packed, packed_len);
	memset(copy, 0xff, 4);		/* compressed size beyond the input */
	CHECK_INT(efi_decompress(copy, packed_len, MAX_OUT, &out, &out_len),
		  EFI_DECOMPRESS_TRUNCATED);

	/* A larger original size than the stream holds runs out of bits. */
	memcpy(copy, packed, packed_len);
	copy[4] = (uint8_t)(original_len + 1);
	copy[5] = (uint8_t)((original_len + 1) >> 8);
	copy[6] = (uint8_t)((original_len + 1) >> 16);
	CHECK_INT(efi_decompress(copy, packed_len, MAX_OUT, &out, &out_len),
		  EFI_DECOMPRESS_TRUNCATED);

	/* A smaller one yields a prefix, as the firmware's decoder does. */
	memcpy(copy, packed, packed_len);
	copy[4] = (uint8_t)(original_len / 2);
	copy[5] = (uint8_t)((original_len / 2) >> 8);
	copy[6] = (uint8_t)((original_len / 2) >> 16);
	CHECK_INT(efi_decompress(copy, packed_len, MAX_OUT, &out, &out_len),
		  EFI_DECOMPRESS_OK);
	CHECK(out_len == original_len / 2 && memcmp(out, original, out_len) == 0);
	free(out);

	/* Input padded past the compressed size, like in an option ROM. */
	uint8_t *padded = calloc(1, packed_len + 512);
	memcpy(padded, packed, packed_len);
	CHECK_INT(efi_decompress(padded, packed_len + 512, MAX_OUT, &out,
				 &out_len), EFI_DECOMPRESS_OK);
	CHECK(out_len == original_len && memcmp(out, original, out_len) == 0);
	free(out);
	free(padded);

	out = malloc(original_len + 1);
	CHECK_INT(efi_decompress_into(packed, packed_len, out, original_len + 1),
		  EFI_DECOMPRESS_SIZE_MISMATCH);
	CHECK_INT(efi_decompress_into(packed, 7, out, original_len),
		  EFI_DECOMPRESS_TRUNCATED);
	free(out);
	free(copy);
}

/* Hand-made streams, written MSB first after an 8-byte header. */
struct stream {
	uint8_t bytes[64];
	size_t bits;
};

static void put(struct stream *s, uint32_t value, unsigned count)
{
	while (count--) {
		if ((value >> count) & 1)
			s->bytes[8 + s->bits / 8] |= (uint8_t)(0x80 >> (s->bits % 8));
		s->bits++;
	}
}

static int decode_stream(struct stream *s, uint32_t original_size,
			 uint8_t *out)
{
	size_t payload = (s->bits + 7) / 8;

	s->bytes[0] = (uint8_t)payload;
	s->bytes[4] = (uint8_t)original_size;
	return efi_decompress_into(s->bytes, 8 + payload, out, original_size);
}

/* A block of one symbol repeated: every tree a single symbol. */
static void put_single_symbol_block(struct stream *s, unsigned count,
				    unsigned litlen, unsigned position)
{
	put(s, count, 16);
	put(s, 0, 5);
	put(s, 0, 5);
	put(s, 0, 9);
	put(s, litlen, 9);
	put(s, 0, 4);
	put(s, position, 4);
}

static void test_handmade_streams(void)
{
	uint8_t out[64];
	struct stream s;

	memset(&s, 0, sizeof(s));
	put_single_symbol_block(&s, 3, 'x', 0);
	CHECK_INT(decode_stream(&s, 3, out), EFI_DECOMPRESS_OK);
	CHECK(memcmp(out, "xxx", 3) == 0);

	/* One literal, then a block of one 4-byte match at distance 1. */
	memset(&s, 0, sizeof(s));
	put_single_symbol_block(&s, 1, 'y', 0);
	put_single_symbol_block(&s, 1, 256 + 4 - 3, 0);
	CHECK_INT(decode_stream(&s, 5, out), EFI_DECOMPRESS_OK);
	CHECK(memcmp(out, "yyyyy", 5) == 0);

	memset(&s, 0, sizeof(s));	/* match before any output */
	put_single_symbol_block(&s, 1, 256, 0);
	CHECK_INT(decode_stream(&s, 3, out), EFI_DECOMPRESS_CORRUPT);

	memset(&s, 0, sizeof(s));	/* empty block */
	put(&s, 0, 16);
	CHECK_INT(decode_stream(&s, 3, out), EFI_DECOMPRESS_CORRUPT);

	memset(&s, 0, sizeof(s));	/* single literal/length symbol 510 */
	put_single_symbol_block(&s, 1, 510, 0);
	CHECK_INT(decode_stream(&s, 1, out), EFI_DECOMPRESS_CORRUPT);

	memset(&s, 0, sizeof(s));	/* incomplete pre-tree: one 1-bit code */
	put(&s, 1, 16);
	put(&s, 1, 5);
	put(&s, 1, 3);
	CHECK_INT(decode_stream(&s, 1, out), EFI_DECOMPRESS_CORRUPT);

	memset(&s, 0, sizeof(s));	/* pre-tree length over 16 */
	put(&s, 1, 16);
	put(&s, 2, 5);
	put(&s, 0x3fff, 14);
	CHECK_INT(decode_stream(&s, 1, out), EFI_DECOMPRESS_CORRUPT);

	memset(&s, 0, sizeof(s));	/* pre-tree count over its alphabet */
	put(&s, 1, 16);
	put(&s, 20, 5);
	CHECK_INT(decode_stream(&s, 1, out), EFI_DECOMPRESS_CORRUPT);

	/* A far match reaching before the start (position symbol 15). */
	memset(&s, 0, sizeof(s));
	put_single_symbol_block(&s, 1, 'z', 0);
	put_single_symbol_block(&s, 1, 256, 15);
	put(&s, 0, 14);
	CHECK_INT(decode_stream(&s, 4, out), EFI_DECOMPRESS_CORRUPT);
}

static void test_random_input(void)
{
	uint8_t in[600], *out;
	size_t out_len;

	for (unsigned round = 0; round < 20000; round++) {
		size_t len = 8 + next_random() % (sizeof(in) - 8);
		for (size_t i = 0; i < len; i++)
			in[i] = (uint8_t)next_random();
		in[0] = (uint8_t)(len - 8);
		in[1] = (uint8_t)((len - 8) >> 8);
		in[2] = in[3] = 0;
		in[6] = in[7] = 0;	/* original size below 64 KiB */
		if (efi_decompress(in, len, MAX_OUT, &out, &out_len) ==
		    EFI_DECOMPRESS_OK)
			CHECK(out_len == (size_t)(in[4] | in[5] << 8));
		free(out);
	}
}

int main(void)
{
	uint8_t text[6000];
	uint8_t *packed;
	size_t packed_len;

	test_round_trips();
	test_huffman();

	fill_text(text, sizeof(text));
	packed = compress_or_die(text, sizeof(text), &packed_len);
	test_truncation(packed, packed_len, sizeof(text));
	test_bit_flips(packed, packed_len, sizeof(text));
	test_bogus_headers(packed, packed_len, text, sizeof(text));
	free(packed);

	test_handmade_streams();
	test_random_input();
	for (int status = 0; status >= -5; status--)
		CHECK(efi_decompress_strerror(status)[0] != '\0');
	return unit_finish();
}
