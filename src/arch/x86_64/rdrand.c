/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The CPU's entropy source on x86 (x86-64, and i386, whose build uses this
 * file as it is): RDRAND, where CPUID.01H:ECX bit 30
 * says the CPU has it (Intel since Ivy Bridge, AMD since Zen; hypervisors
 * pass it through or hide it, QEMU's TCG emulates it for some CPU models).
 *
 * RDRAND returns the output of the CPU's own SP 800-90A DRBG, which its
 * hardware noise source reseeds continuously. The carry flag says whether
 * a value was ready; Intel's guide to its generator recommends retrying up
 * to ten times before declaring failure, which is what read_word() does.
 * Some AMD CPUs are known to return all ones (with the carry set) after a
 * resume: the start-up check refuses a generator that gives a constant,
 * and src/core/entropy.c refuses any repeated word later.
 */

#include <errno.h>
#include <stdbool.h>
#include <stdint.h>
#include <string.h>
#include <wireboot/entropy.h>

#define CPUID_1_ECX_RDRAND (1u << 30)
#define RETRIES 10
#define START_WORDS 8

static void cpuid(uint32_t leaf, uint32_t *eax, uint32_t *ebx, uint32_t *ecx,
		  uint32_t *edx)
{
	__asm__ __volatile__("cpuid"
			     : "=a"(*eax), "=b"(*ebx), "=c"(*ecx), "=d"(*edx)
			     : "a"(leaf), "c"(0));
}

/* A register's width: RDRAND gives 64 bits at a time on x86-64, 32 on
 * i386. */
typedef unsigned long rdrand_word;

static bool read_word(rdrand_word *word)
{
	for (unsigned i = 0; i < RETRIES; i++) {
		uint8_t ok;

		__asm__ __volatile__("rdrand %0; setc %1"
				     : "=r"(*word), "=qm"(ok) : : "cc");
		if (ok)
			return true;
	}
	return false;
}

static int rdrand_start(void)
{
	uint32_t eax, ebx, ecx, edx;
	rdrand_word first, word;
	bool varies = false;

	cpuid(0, &eax, &ebx, &ecx, &edx);
	if (eax < 1)
		return -ENODEV;
	cpuid(1, &eax, &ebx, &ecx, &edx);
	if (!(ecx & CPUID_1_ECX_RDRAND))
		return -ENODEV;
	if (!read_word(&first))
		return -EIO;
	for (unsigned i = 1; i < START_WORDS; i++) {
		if (!read_word(&word))
			return -EIO;
		varies |= word != first;
	}
	return varies ? 0 : -EIO;
}

static int rdrand_read(void *buf, size_t len)
{
	uint8_t *out = buf;
	rdrand_word word;
	size_t chunk;

	while (len) {
		if (!read_word(&word))
			return -EIO;
		chunk = len < sizeof(word) ? len : sizeof(word);
		memcpy(out, &word, chunk);
		out += chunk;
		len -= chunk;
	}
	return 0;
}

static const struct entropy_source rdrand_source ENTROPY_SOURCE(20) = {
	.name = "rdrand",
	.start = rdrand_start,
	.read = rdrand_read,
};

PROVIDE_OBJECT(entropy_arch);
