/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef TESTS_FUZZ_SEQUENCE_H
#define TESTS_FUZZ_SEQUENCE_H

/*
 * Fuzzing a protocol's state machine rather than one parser: the input is
 * a sequence of datagrams that the fake socket layer (tests/unit/
 * fake_socket.h) delivers to the running protocol one per pass, with the
 * clock moving in between so that retries and timeouts happen too.
 *
 * Input format, repeated to the end:
 *   control (1 byte)   high nibble: time to let pass first (see
 *                      fuzz_delays); low nibble: the target's choice of
 *                      source, fix-ups and the like
 *   length (2 bytes)   big-endian, cut to what is left
 *   datagram (length bytes)
 *
 * Each target starts its protocol plugged to a sink, feeds the records
 * with fuzz_feed_records() and checks what must hold whatever arrived.
 * The clock restarts at the same value for every input, so an input
 * replays the same way; at the end a protocol still running is cancelled,
 * which must leave nothing behind (the fuzzer's leak check sees it).
 */

#include "intf_sink.h"

struct fuzz_record {
	uint8_t control;
	const uint8_t *data;
	size_t len;
};

/* Simulated time per input is bounded, so an input costs little. */
#define FUZZ_MAX_TIME_US 40000000ULL

static const uint64_t fuzz_delays[16] = {
	0, 1000, 10000, 100000, 250000, 500000, 1000000, 1500000,
	2000000, 3000000, 4000000, 6000000, 8000000, 10000000, 16000000,
	30000000,
};

/* Takes the next record from the input; false at its end. */
static bool fuzz_next_record(const uint8_t **data, size_t *size,
			     struct fuzz_record *record)
{
	size_t len;

	if (*size < 3)
		return false;
	record->control = (*data)[0];
	len = (size_t)(*data)[1] << 8 | (*data)[2];
	*data += 3;
	*size -= 3;
	if (len > *size)
		len = *size;
	record->data = *data;
	record->len = len;
	*data += len;
	*size -= len;
	return true;
}

/* Runs passes until nothing is queued (or the sink closed and the queue
 * drained). */
static void fuzz_drain(void)
{
	unsigned passes = 0;

	while (fake_queue_count && passes++ < FAKE_QUEUE_LEN * 2)
		fake_pass();
	fake_pass();
}

/* Feeds every record: the delay first, then queue() queues the datagram
 * (the target decides from where), then it is delivered. */
static void fuzz_feed_records(const uint8_t *data, size_t size,
			      void (*queue)(const struct fuzz_record *record))
{
	uint64_t start = fake_now;
	struct fuzz_record record;

	while (fuzz_next_record(&data, &size, &record)) {
		uint64_t delay = fuzz_delays[record.control >> 4];

		if (fake_now - start + delay > FUZZ_MAX_TIME_US)
			delay = 0;
		fake_run(delay);
		queue(&record);
		fuzz_drain();
	}
}

/* The fresh start of each input. */
static void fuzz_reset(void)
{
	fake_flush_queue();
	fake_now = 1000000;
}

/* Ends the input: cancels a protocol still running, and checks that it
 * let go of every socket. */
static void fuzz_finish(struct sink *sink)
{
	if (!sink->closed)
		sink_cancel(sink, -ECANCELED);
	fake_flush_queue();
	fake_pass();
	if (fake_open_sockets() != 0)
		__builtin_trap();
	sink_release(sink);
}

#endif
