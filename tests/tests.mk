# Tests: host unit tests, fuzz targets, and the check / run / bench targets.
#
# A test source names what it links on its first lines:
#   // HOST_SOURCES: util/foo.c ...       host code, built with the system libc
#   // FIRMWARE_SOURCES: src/core/bar.c   firmware code, built freestanding
#                                          against our own headers
# Firmware code is compiled for the host with sanitizers, then every symbol
# it defines is renamed with a "wb_" prefix (objcopy): tests can then call
# our snprintf as wb_snprintf and compare it with the C library's own.

HOST_BIN := bin-host
UNIT_SRCS := $(sort $(wildcard tests/unit/test_*.c))
UNIT_BINS := $(UNIT_SRCS:tests/unit/%.c=$(HOST_BIN)/unit/%)
FUZZ_SRCS := $(sort $(wildcard tests/fuzz/fuzz_*.c))
FUZZ_BINS := $(FUZZ_SRCS:tests/fuzz/%.c=$(HOST_BIN)/fuzz/%)

SANITIZE := -fsanitize=address,undefined -fno-sanitize-recover=all
UNIT_CC := gcc
FUZZ_CC := clang
UNIT_CFLAGS := -std=c11 -g -O1 -Wall -Wextra $(WERROR) $(SANITIZE) \
	-D_DEFAULT_SOURCE -Itests/unit -Iutil -idirafter src/include
FUZZ_CFLAGS := -std=c11 -g -O1 -fsanitize=fuzzer,address,undefined \
	-D_DEFAULT_SOURCE -Itests/unit -Iutil -idirafter src/include
# Firmware sources as the firmware sees them: our headers, not the libc's.
FW_HOST_CFLAGS := -std=c11 -g -O1 -Wall -Wextra -Wno-unused-parameter $(WERROR) \
	-ffreestanding -fno-tree-loop-distribute-patterns -nostdinc \
	-isystem $(GCC_INCLUDE) -Isrc/include -Isrc -Isrc/arch/$(ARCH)/include

test_sources = $(shell sed -n '1,20s|^// $(2):||p' $(1))
all_test_sources = $(sort $(foreach t,$(UNIT_SRCS) $(FUZZ_SRCS),$(call test_sources,$(t),$(1))))

# $(1): kind (unit|fuzz)
FW_TEST_SRCS := $(call all_test_sources,FIRMWARE_SOURCES)
fw_raw_objs = $(FW_TEST_SRCS:%.c=$(HOST_BIN)/$(1)obj/fw/%.o)
fw_objs_for = $(patsubst %.c,$(HOST_BIN)/$(1)obj/fw/%.wb.o,$(call test_sources,$(2),FIRMWARE_SOURCES))
host_objs_for = $(patsubst %.c,$(HOST_BIN)/$(1)obj/%.o,$(call test_sources,$(2),HOST_SOURCES))

define host_test_rules
$(HOST_BIN)/$(1)obj/fw/%.o: %.c tests/tests.mk
	$$(QUIET_ECHO) HOSTCC "$$< ($(1))"
	@mkdir -p $$(dir $$@)
	$$(Q)$$($(2)) $$(FW_HOST_CFLAGS) $(3) -MMD -MP -c $$< -o $$@

$(HOST_BIN)/$(1)obj/fw/renames: $$(call fw_raw_objs,$(1))
	$$(Q)nm -g --defined-only $$^ | awk 'NF == 3 { print $$$$3 " wb_" $$$$3 }' | sort -u > $$@

$(HOST_BIN)/$(1)obj/fw/%.wb.o: $(HOST_BIN)/$(1)obj/fw/%.o $(HOST_BIN)/$(1)obj/fw/renames
	$$(Q)objcopy --redefine-syms=$(HOST_BIN)/$(1)obj/fw/renames $$< $$@

$(HOST_BIN)/$(1)obj/%.o: %.c tests/tests.mk
	$$(QUIET_ECHO) HOSTCC "$$< ($(1))"
	@mkdir -p $$(dir $$@)
	$$(Q)$$($(2)) $$($(4)) -MMD -MP -c $$< -o $$@
endef

$(eval $(call host_test_rules,unit,UNIT_CC,$(SANITIZE),UNIT_CFLAGS))
$(eval $(call host_test_rules,fuzz,FUZZ_CC,-fsanitize=address$(comma)undefined,FUZZ_CFLAGS))

$(HOST_BIN)/unit/%: $(HOST_BIN)/unitobj/tests/unit/%.o $$(call host_objs_for,unit,tests/unit/$$*.c) $$(call fw_objs_for,unit,tests/unit/$$*.c)
	$(QUIET_ECHO) HOSTLD $@
	@mkdir -p $(dir $@)
	$(Q)$(UNIT_CC) $(SANITIZE) $^ -o $@

$(HOST_BIN)/fuzz/%: $(HOST_BIN)/fuzzobj/tests/fuzz/%.o $$(call host_objs_for,fuzz,tests/fuzz/$$*.c) $$(call fw_objs_for,fuzz,tests/fuzz/$$*.c)
	$(QUIET_ECHO) HOSTLD $@
	@mkdir -p $(dir $@)
	$(Q)$(FUZZ_CC) -fsanitize=fuzzer,address,undefined $^ -o $@

-include $(shell find $(HOST_BIN) -name '*.d' 2>/dev/null)

# ---- check, fuzz, run, bench ----------------------------------------------------

# What the tests use from this tree; the tests build other configurations
# in scratch copies of the tree themselves.
CHECK_ARTIFACTS := $(BIN)/ipxe.efi $(BIN)/ipxe.iso $(BIN)/ipxe.usb $(BIN)/testprog.efi $(BIN)/testdrv.efidrv \
	$(HOST_TOOLS) $(UNIT_BINS) $(FUZZ_BINS)
FUZZ_SECONDS ?= 10
TESTS ?=

.PHONY: check check-artifacts unit fuzz run bench
check-artifacts: $(CHECK_ARTIFACTS)

check: deps
	$(Q)$(MAKE) --no-print-directory check-artifacts
	$(Q)python3 tests/run.py --fuzz-seconds $(FUZZ_SECONDS) $(TESTS)

unit: deps
	$(Q)$(MAKE) --no-print-directory $(UNIT_BINS)
	$(Q)python3 tests/run.py unit/

# Longer fuzzing than make check does: FUZZ_SECONDS per target.
fuzz: deps
	$(Q)$(MAKE) --no-print-directory $(FUZZ_BINS)
	$(Q)python3 tests/run.py --jobs 1 --fuzz-seconds $(or $(filter-out 10,$(FUZZ_SECONDS)),600) fuzz/

# Boots ipxe.efi in QEMU + OVMF on this terminal (Ctrl-A X quits).
run: deps
	$(Q)$(MAKE) --no-print-directory $(BIN)/ipxe.efi
	$(Q)util/qemu-run $(BIN)/ipxe.efi

bench: deps
	$(Q)$(MAKE) --no-print-directory check-artifacts
	$(Q)python3 tests/bench.py
