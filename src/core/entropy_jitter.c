/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The entropy source of last resort: timing jitter of the CPU itself.
 *
 * A sample is the time, on the architecture's cycle counter, that a short
 * walk through a memory pool takes; caches, pipelines, the memory bus and
 * (under a hypervisor) the host's scheduling make its low bits vary. The
 * low bits of the time, folded to 8, are the raw sample. Every sample goes
 * through the SP 800-90B health tests (wireboot/entropy_health.h), which
 * assume 1 / HEALTH_SAMPLES_PER_BIT bits of min-entropy per sample; the first
 * HEALTH_STARTUP_SAMPLES are the start-up test and are discarded. A failure
 * at any time retires the source for good.
 *
 * Conditioning: each 32-byte output is SHA-256 (a vetted conditioning
 * function, 90B 3.1.5.1.1) over enough samples for 256 + 64 bits of claimed
 * entropy, which gives full-entropy output (90B 3.1.5.1.2).
 */

#include <errno.h>
#include <string.h>
#include <arch/cpu.h>
#include <wireboot/entropy.h>
#include <wireboot/entropy_health.h>
#include <wireboot/sha256.h>

#define POOL_SIZE 2048			/* bytes the walk goes through */
#define WALK_STEPS 64
#define SAMPLES_PER_BLOCK ((SHA256_DIGEST_LEN * 8 + 64) * HEALTH_SAMPLES_PER_BIT)

static uint8_t pool[POOL_SIZE];
static unsigned pool_pos;
static struct entropy_health health;

static uint8_t raw_sample(void)
{
	uint64_t start = cpu_timestamp(), elapsed;

	/* Each step's address depends on the data, so the walk cannot be
	 * reordered or predicted by the compiler or the CPU. */
	for (unsigned i = 0; i < WALK_STEPS; i++) {
		pool_pos = (pool_pos + 67 + pool[pool_pos]) % POOL_SIZE;
		pool[pool_pos] += (uint8_t)(start + i);
	}
	elapsed = cpu_timestamp() - start;
	return (uint8_t)(elapsed ^ (elapsed >> 8));
}

/* A health-tested sample in *sample: 0 or -EIO. */
static int tested_sample(uint8_t *sample)
{
	*sample = raw_sample();
	return entropy_health_sample(&health, *sample);
}

static int jitter_start(void)
{
	uint8_t sample;
	int rc;

	if (health.failed)
		return -EIO;
	while (!entropy_health_started(&health))
		if ((rc = tested_sample(&sample)) != 0)
			return rc;
	return 0;
}

static int jitter_read(void *buf, size_t len)
{
	uint8_t digest[SHA256_DIGEST_LEN], sample;
	struct sha256_context ctx;
	uint8_t *out = buf;
	size_t chunk;
	int rc;

	if (!entropy_health_started(&health))
		return -EIO;
	while (len) {
		sha256_init(&ctx);
		for (unsigned i = 0; i < SAMPLES_PER_BLOCK; i++) {
			if ((rc = tested_sample(&sample)) != 0)
				return rc;
			sha256_update(&ctx, &sample, 1);
		}
		sha256_final(&ctx, digest);
		chunk = len < sizeof(digest) ? len : sizeof(digest);
		memcpy(out, digest, chunk);
		out += chunk;
		len -= chunk;
	}
	memset(digest, 0, sizeof(digest));
	return 0;
}

static const struct entropy_source jitter_source ENTROPY_SOURCE(90) = {
	.name = "jitter",
	.start = jitter_start,
	.read = jitter_read,
};

PROVIDE_OBJECT(entropy_jitter);
