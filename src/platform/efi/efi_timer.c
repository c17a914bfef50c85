/*
 * The monotonic clock. UEFI offers only Stall() and timer events, and events
 * need the firmware's timer interrupt; so we calibrate the CPU's time-stamp
 * counter once against Stall() and read it directly from then on.
 */

#include <arch/cpu.h>
#include <wireboot/efi.h>
#include <wireboot/timer.h>

#define CALIBRATION_US 10000

static uint64_t ticks_per_us = 1;
static uint64_t start_ticks;

void efi_timer_init(void)
{
	uint64_t before, after;

	before = cpu_timestamp();
	efi_boot_services->Stall(CALIBRATION_US);
	after = cpu_timestamp();
	ticks_per_us = (after - before) / CALIBRATION_US;
	if (ticks_per_us == 0)
		ticks_per_us = 1;
	start_ticks = before;
}

uint64_t monotonic_us(void)
{
	return (cpu_timestamp() - start_ticks) / ticks_per_us;
}

void udelay(unsigned long microseconds)
{
	uint64_t end = monotonic_us() + microseconds;

	while (monotonic_us() < end)
		cpu_relax();
}
