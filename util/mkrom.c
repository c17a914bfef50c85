/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * mkrom: wrap an EFI driver (PE32 or PE32+) into a PCI option ROM image.
 *
 *   mkrom -o OUT --vendor 0x8086 --device 0x100e [--device 0x100f ...]
 *         [--class 0x020000] [--max-size BYTES] [--no-compress]
 *         [--legacy ROM] IMAGE.efi
 *
 * IDs and the class code are hexadecimal (0x prefix optional). --legacy
 * puts the legacy BIOS images of an existing ROM file in front of ours
 * (a combined ROM as QEMU ships them); --max-size counts them. On any
 * failure no output file is left behind, so make never mistakes a failed
 * build for an up-to-date one.
 */

#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "readfile.h"
#include "rombuild.h"
#include "romlegacy.h"

#define MAX_PE_IMAGE (32u << 20)	/* a ROM cannot hold more */
#define MAX_LEGACY_ROM (16u << 20)

struct arguments {
	const char *output;
	const char *input;
	const char *legacy;		/* ROM file whose legacy images go first */
	uint16_t vendor_id;
	bool have_vendor;
	uint16_t devices[ROM_BUILD_MAX_DEVICES];
	size_t device_count;
	uint32_t class_code;
	unsigned long long max_size;	/* 0: no limit */
	bool compress;
};

static void usage(void)
{
	fprintf(stderr,
		"usage: mkrom -o OUT --vendor VVVV --device DDDD [--device DDDD ...]\n"
		"             [--class CCCCCC] [--max-size BYTES] [--no-compress]\n"
		"             [--legacy ROM] IMAGE.efi\n"
		"  IDs and class code in hex; the first --device goes in the PCI data\n"
		"  structure, all of them in its device list. --legacy ROM: the legacy\n"
		"  BIOS images of that ROM file come first.\n");
}

static bool parse_number(const char *text, int base, unsigned long long max,
			 unsigned long long *value)
{
	char *end;

	if (!*text || *text == '-' || *text == '+')
		return false;
	errno = 0;
	*value = strtoull(text, &end, base);
	return !errno && !*end && *value <= max;
}

static bool parse_hex(const char *option, const char *text,
		      unsigned long long max, unsigned long long *value)
{
	if (parse_number(text, 16, max, value))
		return true;
	fprintf(stderr, "mkrom: %s wants a hexadecimal number up to 0x%llx, not \"%s\"\n",
		option, max, text);
	return false;
}

/* The value after an option, or NULL (with a message) if there is none. */
static const char *option_value(int argc, char **argv, int *i)
{
	if (*i + 1 >= argc) {
		fprintf(stderr, "mkrom: %s needs a value\n", argv[*i]);
		return NULL;
	}
	return argv[++*i];
}

static bool parse_arguments(int argc, char **argv, struct arguments *args)
{
	unsigned long long value;
	const char *text;

	memset(args, 0, sizeof(*args));
	args->class_code = ROM_BUILD_DEFAULT_CLASS;
	args->compress = true;
	for (int i = 1; i < argc; i++) {
		const char *arg = argv[i];
		if (!strcmp(arg, "--no-compress")) {
			args->compress = false;
		} else if (!strcmp(arg, "-h") || !strcmp(arg, "--help")) {
			usage();
			exit(0);
		} else if (!strcmp(arg, "-o")) {
			if (!(args->output = option_value(argc, argv, &i)))
				return false;
		} else if (!strcmp(arg, "--legacy")) {
			if (!(args->legacy = option_value(argc, argv, &i)))
				return false;
		} else if (!strcmp(arg, "--vendor")) {
			if (!(text = option_value(argc, argv, &i)) ||
			    !parse_hex(arg, text, 0xffff, &value))
				return false;
			args->vendor_id = (uint16_t)value;
			args->have_vendor = true;
		} else if (!strcmp(arg, "--device")) {
			if (!(text = option_value(argc, argv, &i)) ||
			    !parse_hex(arg, text, 0xffff, &value))
				return false;
			if (args->device_count == ROM_BUILD_MAX_DEVICES) {
				fprintf(stderr, "mkrom: more than %d --device options\n",
					ROM_BUILD_MAX_DEVICES);
				return false;
			}
			args->devices[args->device_count++] = (uint16_t)value;
		} else if (!strcmp(arg, "--class")) {
			if (!(text = option_value(argc, argv, &i)) ||
			    !parse_hex(arg, text, 0xffffff, &value))
				return false;
			args->class_code = (uint32_t)value;
		} else if (!strcmp(arg, "--max-size")) {
			if (!(text = option_value(argc, argv, &i)))
				return false;
			if (!parse_number(text, 0, SIZE_MAX, &value) || !value) {
				fprintf(stderr, "mkrom: --max-size wants a positive byte count, not \"%s\"\n",
					text);
				return false;
			}
			args->max_size = value;
		} else if (arg[0] == '-' && arg[1]) {
			fprintf(stderr, "mkrom: unknown option %s\n", arg);
			return false;
		} else if (args->input) {
			fprintf(stderr, "mkrom: more than one input image (%s, %s)\n",
				args->input, arg);
			return false;
		} else {
			args->input = arg;
		}
	}
	if (!args->output || !args->input || !args->have_vendor ||
	    !args->device_count) {
		usage();
		return false;
	}
	return true;
}

/* Write to a temporary name and rename, so OUT is complete or absent. */
static int write_output(const char *path, const uint8_t *data, size_t len)
{
	size_t tmp_len = strlen(path) + sizeof(".tmp");
	char *tmp = malloc(tmp_len);
	FILE *file;
	int ok;

	if (!tmp) {
		fprintf(stderr, "mkrom: out of memory\n");
		return -1;
	}
	snprintf(tmp, tmp_len, "%s.tmp", path);
	file = fopen(tmp, "wb");
	if (!file) {
		fprintf(stderr, "mkrom: %s: %s\n", tmp, strerror(errno));
		free(tmp);
		return -1;
	}
	ok = fwrite(data, 1, len, file) == len;
	ok = (fclose(file) == 0) && ok;
	if (!ok || rename(tmp, path)) {
		fprintf(stderr, "mkrom: cannot write %s: %s\n", path,
			strerror(errno));
		remove(tmp);
		free(tmp);
		return -1;
	}
	free(tmp);
	return 0;
}

/* Replaces *rom with the legacy images of args->legacy followed by it. */
static int prepend_legacy(const struct arguments *args, uint8_t **rom,
			  size_t *rom_len)
{
	char error[256];
	uint8_t *legacy, *combined;
	size_t legacy_len, prefix_len;

	if (read_whole_file(args->legacy, MAX_LEGACY_ROM, &legacy, &legacy_len,
			    error, sizeof(error))) {
		fprintf(stderr, "mkrom: %s\n", error);
		return -1;
	}
	if (rom_legacy_prefix(legacy, legacy_len, &prefix_len, error,
			      sizeof(error))) {
		fprintf(stderr, "mkrom: %s: %s\n", args->legacy, error);
		free(legacy);
		return -1;
	}
	combined = malloc(prefix_len + *rom_len);
	if (!combined) {
		fprintf(stderr, "mkrom: out of memory\n");
		free(legacy);
		return -1;
	}
	memcpy(combined, legacy, prefix_len);
	memcpy(combined + prefix_len, *rom, *rom_len);
	free(legacy);
	free(*rom);
	*rom = combined;
	*rom_len += prefix_len;
	return 0;
}

static int run(const struct arguments *args)
{
	struct rom_build_options options = {
		.vendor_id = args->vendor_id,
		.device_ids = args->devices,
		.device_count = args->device_count,
		.class_code = args->class_code,
		.compress = args->compress,
	};
	char error[256];
	uint8_t *pe, *rom;
	size_t pe_len, rom_len;
	int rc;

	if (read_whole_file(args->input, MAX_PE_IMAGE, &pe, &pe_len, error,
			    sizeof(error))) {
		fprintf(stderr, "mkrom: %s\n", error);
		return -1;
	}
	rc = rom_build_efi(pe, pe_len, &options, &rom, &rom_len, error,
			   sizeof(error));
	free(pe);
	if (rc) {
		fprintf(stderr, "mkrom: %s: %s\n", args->input, error);
		return -1;
	}
	if (args->legacy && prepend_legacy(args, &rom, &rom_len)) {
		free(rom);
		return -1;
	}
	if (args->max_size && rom_len > args->max_size) {
		fprintf(stderr, "mkrom: ROM %s is %zu bytes, over the limit ROM_MAX=%llu bytes\n",
			args->output, rom_len, args->max_size);
		free(rom);
		return -1;
	}
	rc = write_output(args->output, rom, rom_len);
	free(rom);
	return rc;
}

int main(int argc, char **argv)
{
	struct arguments args;

	if (!parse_arguments(argc, argv, &args))
		return 1;
	if (run(&args)) {
		remove(args.output);	/* no stale ROM from an earlier build */
		return 1;
	}
	return 0;
}
