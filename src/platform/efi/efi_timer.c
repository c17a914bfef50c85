/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The monotonic clock. UEFI offers only Stall() and timer events, and events
 * need the firmware's timer interrupt; so we read the CPU's constant-rate
 * counter directly (arch/cpu.h), at the rate the CPU states or, where it
 * states none (the x86 time-stamp counter), one calibrated once against
 * Stall().
 */

#include <arch/cpu.h>
#include <wireboot/efi.h>
#include <wireboot/timer.h>

#define CALIBRATION_US 10000
#define US_PER_S 1000000ULL

static uint64_t ticks_per_s = US_PER_S;
static uint64_t start_ticks;

void efi_timer_init(void)
{
	uint64_t before, after;

	ticks_per_s = cpu_timestamp_hz();
	before = cpu_timestamp();
	if (ticks_per_s == 0) {
		efi_boot_services->Stall(CALIBRATION_US);
		after = cpu_timestamp();
		ticks_per_s = (after - before) * (US_PER_S / CALIBRATION_US);
		if (ticks_per_s == 0)
			ticks_per_s = US_PER_S;
	}
	start_ticks = before;
}

/* Split so that the product cannot overflow for any counter value: the
 * remainder is below the rate, and rates stay far below 2^64 / 10^6. */
uint64_t monotonic_us(void)
{
	uint64_t ticks = cpu_timestamp() - start_ticks;

	return ticks / ticks_per_s * US_PER_S +
	       ticks % ticks_per_s * US_PER_S / ticks_per_s;
}

void udelay(unsigned long microseconds)
{
	uint64_t end = monotonic_us() + microseconds;

	while (monotonic_us() < end)
		cpu_relax();
}
