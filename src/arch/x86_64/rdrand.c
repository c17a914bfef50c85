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
#include <wireboot/entropy.h>

#define CPUID_1_ECX_RDRAND (1u << 30)
#define RETRIES 10

static void cpuid(uint32_t leaf, uint32_t *eax, uint32_t *ebx, uint32_t *ecx,
		  uint32_t *edx)
{
	__asm__ __volatile__("cpuid"
			     : "=a"(*eax), "=b"(*ebx), "=c"(*ecx), "=d"(*edx)
			     : "a"(leaf), "c"(0));
}

/* One RDRAND gives a register's width: 64 bits on x86-64, 32 on i386. */
static bool read_register(unsigned long *value)
{
	for (unsigned i = 0; i < RETRIES; i++) {
		uint8_t ok;

		__asm__ __volatile__("rdrand %0; setc %1"
				     : "=r"(*value), "=qm"(ok) : : "cc");
		if (ok)
			return true;
	}
	return false;
}

/* 64 bits: one read on x86-64, two on i386 (high is then the first). */
static bool read_word(uint64_t *word)
{
	unsigned long high = 0, low;

	if (sizeof(low) < sizeof(*word) && !read_register(&high))
		return false;
	if (!read_register(&low))
		return false;
	*word = (uint64_t)high << 32 | low;
	return true;
}

static int rdrand_start(void)
{
	uint32_t eax, ebx, ecx, edx;

	cpuid(0, &eax, &ebx, &ecx, &edx);
	if (eax < 1)
		return -ENODEV;
	cpuid(1, &eax, &ebx, &ecx, &edx);
	if (!(ecx & CPUID_1_ECX_RDRAND))
		return -ENODEV;
	return cpu_entropy_start(read_word);
}

static int rdrand_read(void *buf, size_t len)
{
	return cpu_entropy_read(read_word, buf, len);
}

static const struct entropy_source rdrand_source ENTROPY_SOURCE(20) = {
	.name = "rdrand",
	.start = rdrand_start,
	.read = rdrand_read,
};

PROVIDE_OBJECT(entropy_arch);
