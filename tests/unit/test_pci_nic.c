/* SPDX-License-Identifier: GPL-2.0-or-later */
// FIRMWARE_SOURCES: src/drivers/net/pci_nic.c src/core/iobuf.c
/*
 * The shared PCI NIC life cycle with a chip that only records what is
 * done to it: BARs of the wrong kind or missing refuse the device before
 * anything is allocated; a failed init unwinds without quiescing (init
 * leaves its chip quiet itself); a failed registration quiesces; removal
 * unregisters before it quiesces; shutdown quiesces the device as it is,
 * still registered, and frees nothing; and no network device outlives any
 * of it (the fake frees it with its last reference).
 */

#include "fake_nic.h"
#include "../../src/drivers/net/pci_nic.h"

int wb_pci_nic_probe(struct pci_device *pci);
void wb_pci_nic_remove(struct pci_device *pci);
void wb_pci_nic_shutdown(struct pci_device *pci);

static struct {
	int bar_kind[6];	/* pci_bar_is_io() per BAR */
	int init_rc;
	unsigned inits, quiesces;
	bool registered_at_quiesce;
	struct pci_device *init_pci;
	size_t priv_seen;
} chip;

int pci_bar_is_io(struct pci_device *pci, unsigned bar)
{
	return bar < 6 ? chip.bar_kind[bar] : -ENODEV;
}

struct chip_priv {
	uint8_t bytes[100];
};

static int chip_init(struct pci_device *pci, struct net_device *netdev)
{
	struct chip_priv *priv = netdev->priv;
	size_t i, nonzero = 0;

	chip.inits++;
	chip.init_pci = pci;
	for (i = 0; i < sizeof(priv->bytes); i++)
		nonzero += priv->bytes[i] != 0;
	CHECK_INT(nonzero, 0);
	CHECK(netdev->op != NULL);
	CHECK_STR(netdev->driver_name, "testnic");
	CHECK_STR(netdev->location, "PCI 01:02.3");
	memset(netdev->hw_addr, 0x02, ETH_ALEN);
	return chip.init_rc;
}

static void chip_quiesce(struct net_device *netdev)
{
	chip.quiesces++;
	chip.registered_at_quiesce = registered == netdev;
}

static void chip_poll(struct net_device *netdev)
{
}

static const struct net_device_operations chip_operations = { .poll = chip_poll };

static const struct pci_nic_ops chip_nic = {
	.priv_len = sizeof(struct chip_priv),
	.op = &chip_operations,
	.bars = 1u << 2,
	.io_bars = 1u << 0,
	.memory_bars = 1u << 1,
	.init = chip_init,
	.quiesce = chip_quiesce,
};

static const struct pci_driver chip_driver = {
	.name = "testnic",
	.probe = wb_pci_nic_probe,
	.remove = wb_pci_nic_remove,
	.shutdown = wb_pci_nic_shutdown,
	.ops = &chip_nic,
};

static struct pci_device pci = { .bus = 1, .dev = 2, .fn = 3, .driver = &chip_driver };

static void reset(void)
{
	memset(&chip, 0, sizeof(chip));
	chip.bar_kind[0] = 1;
	chip.bar_kind[1] = 0;
	chip.bar_kind[2] = 1;	/* either kind will do */
	chip.bar_kind[3] = chip.bar_kind[4] = chip.bar_kind[5] = -ENODEV;
	fake_register_rc = 0;
	pci.priv = NULL;
}

static void test_bars(void)
{
	static const struct { unsigned bar; int kind; } bad[] = {
		{ 0, 0 }, { 0, -ENODEV }, { 1, 1 }, { 1, -ENODEV }, { 2, -ENODEV },
	};
	unsigned i;

	for (i = 0; i < 5; i++) {
		reset();
		chip.bar_kind[bad[i].bar] = bad[i].kind;
		CHECK_INT(pci.driver->probe(&pci), -ENODEV);
		CHECK_INT(chip.inits, 0);
		CHECK(registered == NULL);
	}
	reset();
	chip.bar_kind[2] = 0;
	CHECK_INT(pci.driver->probe(&pci), 0);
	pci.driver->remove(&pci);
}

static void test_failures(void)
{
	reset();
	chip.init_rc = -EIO;
	CHECK_INT(pci.driver->probe(&pci), -EIO);
	CHECK_INT(chip.inits, 1);
	CHECK_INT(chip.quiesces, 0);
	CHECK(pci.priv == NULL && registered == NULL);

	reset();
	fake_register_rc = -EEXIST;
	CHECK_INT(pci.driver->probe(&pci), -EEXIST);
	CHECK_INT(chip.quiesces, 1);
	CHECK(pci.priv == NULL && registered == NULL);
}

static void test_life_cycle(void)
{
	reset();
	CHECK_INT(pci.driver->probe(&pci), 0);
	CHECK(chip.init_pci == &pci);
	CHECK(registered != NULL && pci.priv == registered);
	CHECK_INT(chip.quiesces, 0);
	pci.driver->remove(&pci);
	CHECK_INT(chip.quiesces, 1);
	CHECK(!chip.registered_at_quiesce);	/* unregistered first */
	CHECK(pci.priv == NULL && registered == NULL);
}

/* At ExitBootServices: the chip stops, the device stays as it is. */
static void test_shutdown(void)
{
	struct net_device *netdev;

	reset();
	CHECK_INT(pci.driver->probe(&pci), 0);
	netdev = pci.priv;
	pci.driver->shutdown(&pci);
	CHECK_INT(chip.quiesces, 1);
	CHECK(chip.registered_at_quiesce);
	CHECK(pci.priv == netdev && registered == netdev);
	pci.driver->remove(&pci);
	CHECK_INT(chip.quiesces, 2);
	CHECK(pci.priv == NULL && registered == NULL);
}

int main(void)
{
	test_bars();
	test_failures();
	test_life_cycle();
	test_shutdown();
	/* (A device left behind fails the leak check at exit.) */
	return unit_finish();
}
