/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The one polling loop of the drivers (see wireboot/poll.h). Delays start
 * at a microsecond and double up to POLL_MAX_STEP_US: a chip that answers
 * in a few microseconds is seen at once, one that takes milliseconds costs
 * a few register reads per millisecond, not thousands.
 */

#include <errno.h>
#include <wireboot/pci.h>
#include <wireboot/poll.h>
#include <wireboot/timer.h>

#define POLL_MAX_STEP_US 1000

int poll_until(bool (*done)(void *context), void *context,
	       unsigned long timeout_us)
{
	unsigned long step = 1;
	uint64_t start;

	if (done(context))
		return 0;
	start = monotonic_us();
	while (monotonic_us() - start < timeout_us) {
		udelay(step);
		if (done(context))
			return 0;
		if (step < POLL_MAX_STEP_US)
			step *= 2;
	}
	return done(context) ? 0 : -ETIMEDOUT;
}

struct register_wait {
	struct pci_device *pci;
	unsigned bar;
	uint64_t offset;
	uint32_t mask, value, last;
	bool wide;
};

static bool register_matches(void *context)
{
	struct register_wait *wait = context;

	wait->last = wait->wide ?
		     pci_bar_read32(wait->pci, wait->bar, wait->offset) :
		     pci_bar_read8(wait->pci, wait->bar, wait->offset);
	return (wait->last & wait->mask) == wait->value;
}

int pci_poll8(struct pci_device *pci, unsigned bar, uint64_t offset,
	      uint8_t mask, uint8_t value, unsigned long timeout_us)
{
	struct register_wait wait = { pci, bar, offset, mask, value, 0, false };

	return poll_until(register_matches, &wait, timeout_us);
}

int pci_poll32(struct pci_device *pci, unsigned bar, uint64_t offset,
	       uint32_t mask, uint32_t value, unsigned long timeout_us,
	       uint32_t *last)
{
	struct register_wait wait = { pci, bar, offset, mask, value, 0, true };
	int rc = poll_until(register_matches, &wait, timeout_us);

	if (last)
		*last = wait.last;
	return rc;
}
