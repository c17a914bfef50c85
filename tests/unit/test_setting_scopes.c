/* SPDX-License-Identifier: GPL-2.0-or-later */
// FIRMWARE_SOURCES: src/core/cpuid_settings.c src/core/pci_settings.c src/core/settings.c src/core/setting_types.c src/core/inet6.c src/core/string.c src/core/vsprintf.c
/* The cpuid/ and pci/ settings scopes over a fake CPU and a fake PCI bus:
 * the established numeric names, named values, and names that are not
 * theirs; also the dotted numbers every scope reads. */

#include <errno.h>
#include <wireboot/build_info.h>
#include <wireboot/cpuid.h>
#include <wireboot/settings.h>
#include "unit.h"

int wb_fetchf_setting(const char *name, char *buf, size_t len);
int wb_storef_setting(const char *name, const char *text);
int wb_parse_setting_numbers(const char *name, unsigned long long *parts,
			     unsigned max);

const struct build_info build_info = { .version = "test" };

/* Basic functions 0..1, extended 0x80000000..0x80000004; each register is
 * function ^ register number, except the vendor and model strings. */
int cpu_cpuid(uint32_t leaf, uint32_t subleaf, uint32_t regs[4])
{
	static const char model[48] = "Fake CPU @ 1 Hz";

	if ((leaf > 1 && leaf < 0x80000000u) || leaf > 0x80000004u)
		return -ENOTSUP;
	for (int i = 0; i < 4; i++)
		regs[i] = leaf ^ (uint32_t)i ^ subleaf << 16;
	if (leaf == 0) {
		memcpy(&regs[CPUID_EBX], "Genu", 4);
		memcpy(&regs[CPUID_EDX], "ineW", 4);
		memcpy(&regs[CPUID_ECX], "ire!", 4);
	}
	if (leaf >= 0x80000002u)
		memcpy(regs, model + 16 * (leaf - 0x80000002u), 16);
	return 0;
}

/* One device at 00:03.0 with 256 bytes of configuration space. */
int pci_config_read(uint32_t busdevfn, unsigned offset, void *buf, size_t len)
{
	if (busdevfn != 0x18)
		return -ENODEV;
	if (offset + len > 256)
		return -EINVAL;
	for (size_t i = 0; i < len; i++)
		((uint8_t *)buf)[i] = (uint8_t)(offset + i);
	return 0;
}

static void check_fetchf(const char *name, const char *want)
{
	char buf[128];
	int rc = wb_fetchf_setting(name, buf, sizeof(buf));

	if (!want) {
		if (!CHECK_INT(rc, -ENOENT))
			printf("     %s = \"%s\"\n", name, buf);
		return;
	}
	if (!CHECK_STR(buf, want))
		printf("     fetching %s (%d)\n", name, rc);
}

static void test_numbers(void)
{
	unsigned long long parts[4];

	CHECK_INT(wb_parse_setting_numbers("0x18.0.2", parts, 4), 3);
	CHECK(parts[0] == 0x18 && parts[1] == 0 && parts[2] == 2);
	CHECK_INT(wb_parse_setting_numbers("7", parts, 4), 1);
	CHECK_INT(wb_parse_setting_numbers("1.2.3.4.5", parts, 4), -EINVAL);
	CHECK_INT(wb_parse_setting_numbers("1..2", parts, 4), -EINVAL);
	CHECK_INT(wb_parse_setting_numbers("1.", parts, 4), -EINVAL);
	CHECK_INT(wb_parse_setting_numbers("", parts, 4), -EINVAL);
	CHECK_INT(wb_parse_setting_numbers("0x", parts, 4), -EINVAL);
	CHECK_INT(wb_parse_setting_numbers("12a", parts, 4), -EINVAL);
	CHECK_INT(wb_parse_setting_numbers("0xfg", parts, 4), -EINVAL);
	CHECK_INT(wb_parse_setting_numbers("-1", parts, 4), -EINVAL);
	CHECK_INT(wb_parse_setting_numbers("18446744073709551616", parts, 4),
		  -EINVAL);
}

static void test_cpuid(void)
{
	check_fetchf("cpuvendor", "GenuineWire!");
	check_fetchf("cpuid/cpuvendor", "GenuineWire!");
	check_fetchf("cpumodel", "Fake CPU @ 1 Hz");
	/* ecx (register 2) of function 1; edx of 0x80000001. */
	check_fetchf("cpuid/2.1", "00000003");
	check_fetchf("cpuid/3.0x80000001", "80000002");
	check_fetchf("cpuid/3.0x80000001:hex", "80:00:00:02");
	check_fetchf("cpuid/0x80000001:uint32", "0x80000001");	/* eax */
	/* Subfunction 5 of function 1, register eax. */
	check_fetchf("cpuid/5.0x40.0.1", "00050001");
	/* Two registers (ebx, edx): count field 1, registers 1 | 3 << 2. */
	check_fetchf("cpuid/1.0x0d.1", "0000000000000002");
	check_fetchf("cpuid/0.2", NULL);	/* function 2 is beyond */
	check_fetchf("cpuid/x", NULL);
	check_fetchf("cpuid/1.2.3.4.5.6.7.8.9", NULL);
	check_fetchf("cpuid/0x100000000", NULL);
	check_fetchf("2.1", NULL);	/* numbers only when qualified */
	CHECK_INT(wb_storef_setting("cpuid/2.1", "1"), -ENOTSUP);
	CHECK_INT(wb_storef_setting("cpuid/2.1", ""), -ENOTSUP);
}

static void test_pci(void)
{
	check_fetchf("pci/0x18.0.2", "00:01");
	check_fetchf("pci/24.2.2", "02:03");
	check_fetchf("pci/24.0x10.4:hexraw", "10111213");
	check_fetchf("pci/24.0xfe.2", "fe:ff");
	check_fetchf("pci/24.0xff.2", NULL);	/* beyond the device's */
	check_fetchf("pci/24.0.0", "");
	check_fetchf("pci/0x20.0.2", NULL);	/* no such device */
	check_fetchf("pci/24.0", NULL);
	check_fetchf("pci/24.4096.1", NULL);
	check_fetchf("pci/24.0.4097", NULL);
	check_fetchf("pci/0x100000000.0.1", NULL);
	check_fetchf("nosuchscope/1.2.3", NULL);
}

int main(void)
{
	test_numbers();
	test_cpuid();
	test_pci();
	return unit_finish();
}
