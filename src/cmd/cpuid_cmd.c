/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * "cpuid [--ext] [--ecx] <bit>": succeeds if the CPU has the feature bit
 * of function 1 (--ext: 0x80000001), in edx unless --ecx says ecx, as in
 * the established language ("cpuid --ext 29 && set arch x86_64"). --amd is
 * the older name of --ext.
 */

#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <wireboot/command.h>
#include <wireboot/compiler.h>
#include <wireboot/cpuid.h>
#include <wireboot/parseopt.h>

PROVIDE_OBJECT(cpuid_cmd);

struct cpuid_options {
	bool ext;
	bool ecx;
};

static const struct option_descriptor cpuid_opts[] = {
	OPTION("ext", 'e', parseopt_flag, struct cpuid_options, ext, NULL),
	OPTION("amd", 'a', parseopt_flag, struct cpuid_options, ext, NULL),
	OPTION("ecx", 'c', parseopt_flag, struct cpuid_options, ecx, NULL),
};

static const struct command_descriptor cpuid_cmd =
	COMMAND_DESCRIPTOR(cpuid_opts, 1, 1, "<bit>");

static int cpuid_exec(int argc, char **argv)
{
	struct cpuid_options opts = { 0 };
	int first = parse_options(argc, argv, &cpuid_cmd, &opts);
	uint32_t regs[4];
	unsigned int bit;

	if (first <= 0)
		return first;
	if (parse_integer(argv[first], &bit) || bit > 31) {
		printf("%s: invalid bit '%s'\n", argv[0], argv[first]);
		print_usage(argv[0], &cpuid_cmd);
		return -EINVAL;
	}
	if (cpu_cpuid(opts.ext ? 0x80000001u : 1, 0, regs))
		return -ENOTSUP;
	return (regs[opts.ecx ? CPUID_ECX : CPUID_EDX] >> bit) & 1 ? 0 : -ENOENT;
}

COMMAND(cpuid_command) = { .name = "cpuid", .exec = cpuid_exec };
