# SPDX-License-Identifier: GPL-2.0-or-later
# Tests: host unit tests, fuzz targets, and the check / run / bench targets.
#
# A test source names what it links on its first lines:
#   // HOST_SOURCES: util/foo.c ...       host code, built with the system libc
#   // FIRMWARE_SOURCES: src/core/bar.c   firmware code, built freestanding
#                                          against our own headers
#   // WOLFSSL_SOURCES: wolfcrypt/src/x.c  wolfSSL's files (paths in its tree,
#                                          see src/crypto/wolfssl.mk), built
#                                          as firmware code with our settings
# Firmware code is compiled for the host with sanitizers; when a test is
# linked, every symbol its firmware objects define is renamed with a "wb_"
# prefix (objcopy): a test calls our snprintf as wb_snprintf and compares it
# with the C library's own, and fakes what it does not link (plain names).

HOST_BIN := bin-host
UNIT_SRCS := $(sort $(wildcard tests/unit/test_*.c))
# A unit test whose first lines say "// ALSO_CLANG" is built a second time
# with clang, as bin-host/unit/<name>-clang: for code whose behaviour may
# depend on choices the C standard leaves to the compiler (evaluation order).
# tests/unit/misuse_*.c are programs that must die under the sanitizers
# (python tests in tests/sanitizer/ run them), built like the unit tests.
UNIT_MISUSE_SRCS := $(sort $(wildcard tests/unit/misuse_*.c))
UNIT_CLANG_SRCS := $(shell grep -l '^// ALSO_CLANG' $(UNIT_SRCS) $(UNIT_MISUSE_SRCS) /dev/null)
UNIT_BINS := $(patsubst tests/unit/%.c,$(HOST_BIN)/unit/%,$(UNIT_SRCS) $(UNIT_MISUSE_SRCS)) \
	$(UNIT_CLANG_SRCS:tests/unit/%.c=$(HOST_BIN)/unit/%-clang)
FUZZ_SRCS := $(sort $(wildcard tests/fuzz/fuzz_*.c))
FUZZ_BINS := $(FUZZ_SRCS:tests/fuzz/%.c=$(HOST_BIN)/fuzz/%)

SANITIZE := -fsanitize=address,undefined -fno-sanitize-recover=all
UNIT_CC := gcc
UNIT_CLANG_CC := clang
FUZZ_CC := clang
UNIT_CFLAGS := -std=c11 -g -O1 -Wall -Wextra $(WERROR) $(SANITIZE) \
	-D_DEFAULT_SOURCE -Itests/unit -Iutil -idirafter src/include \
	-idirafter src/arch/$(HOST_ARCH)/include -idirafter src
FUZZ_CFLAGS := -std=c11 -g -O1 -fsanitize=fuzzer,address,undefined -mllvm -asan-globals=0 \
	-D_DEFAULT_SOURCE -Itests/unit -Iutil -idirafter src/include \
	-idirafter src/arch/$(HOST_ARCH)/include -idirafter src
# Firmware sources as the firmware sees them: our headers, not the libc's
# (and the host's architecture, whatever ARCH the firmware is built for).
HOST_GCC_INCLUDE := $(shell $(UNIT_CC) -print-file-name=include)
FW_HOST_CFLAGS := -std=c11 -g -O1 -Wall -Wextra -Wno-unused-parameter $(WERROR) \
	-ffreestanding -nostdinc \
	-isystem $(HOST_GCC_INCLUDE) -Isrc/include -Isrc -Isrc/arch/$(HOST_ARCH)/include

# Keeps link-time tables contiguous in host programs too.
HOST_TABLES_LDS := src/platform/linux/tables.lds

test_sources = $(shell sed -n '1,20s|^// $(2):||p' $(1))

fw_objs_for = $(strip $(patsubst %.c,$(HOST_BIN)/$(1)obj/fw/%.o,$(call test_sources,$(2),FIRMWARE_SOURCES)) \
	$(patsubst %.c,$(HOST_BIN)/$(1)obj/wolfssl/%.o,$(call test_sources,$(2),WOLFSSL_SOURCES)))
host_objs_for = $(patsubst %.c,$(HOST_BIN)/$(1)obj/%.o,$(call test_sources,$(2),HOST_SOURCES))

# $(1): kind (unit|fuzz), $(2): compiler variable, $(3): extra flags for
# firmware code, $(4): flags variable for host code
define host_test_rules
$(HOST_BIN)/$(1)obj/fw/src/crypto/%.o: FILE_CFLAGS = $$(WOLFSSL_CFLAGS)
$(HOST_BIN)/$(1)obj/fw/%.o: %.c tests/tests.mk
	$$(QUIET_ECHO) HOSTCC "$$< ($(1))"
	@mkdir -p $$(dir $$@)
	$$(Q)$$($(2)) $$(FW_HOST_CFLAGS) $$(FILE_CFLAGS) $(3) -MMD -MP -c $$< -o $$@

$(HOST_BIN)/$(1)obj/wolfssl/%.o: $$(WOLFSSL_DIR)/%.c tests/tests.mk src/crypto/wolfssl.mk
	$$(QUIET_ECHO) HOSTCC "wolfssl/$$*.c ($(1))"
	@mkdir -p $$(dir $$@)
	$$(Q)$$($(2)) $$(FW_HOST_CFLAGS) $$(filter-out -fvect-cost-model=%,$$(WOLFSSL_CFLAGS)) $(3) -MMD -MP -c $$< -o $$@

# (-MD, not -MMD: our headers come in through -idirafter, a system
# directory to the compiler, and must still count as dependencies.)
$(HOST_BIN)/$(1)obj/%.o: %.c tests/tests.mk
	$$(QUIET_ECHO) HOSTCC "$$< ($(1))"
	@mkdir -p $$(dir $$@)
	$$(Q)$$($(2)) $$($(4)) -MD -MP -c $$< -o $$@
endef

# gcc would turn the byte loops of memcpy and friends back into calls to
# themselves; clang does not under -ffreestanding. Firmware objects in fuzz
# targets get coverage instrumentation, and no address-sanitizer red zones
# around globals, which would split the link-time tables apart.
UNIT_FW_FLAGS := $(SANITIZE) -fno-tree-loop-distribute-patterns
# clang also warns where a driver takes a packed descriptor field's address
# with an explicit cast (at the field's natural alignment), which gcc, the
# firmware's compiler, accepts.
FUZZ_FW_FLAGS := -fsanitize=address$(comma)undefined$(comma)fuzzer-no-link -mllvm -asan-globals=0 \
	-Wno-address-of-packed-member
$(eval $(call host_test_rules,unit,UNIT_CC,$(UNIT_FW_FLAGS),UNIT_CFLAGS))
# clang's sanitizer pads globals with red zones too, unless told not to
# (gcc does not pad the zero-length table markers).
UNIT_CLANG_FW_FLAGS := $(SANITIZE) -mllvm -asan-globals=0
$(eval $(call host_test_rules,unitclang,UNIT_CLANG_CC,$(UNIT_CLANG_FW_FLAGS),UNIT_CFLAGS))
$(eval $(call host_test_rules,fuzz,FUZZ_CC,$(FUZZ_FW_FLAGS),FUZZ_CFLAGS))

# Links a test program. The firmware objects it lists get every symbol they
# define renamed with a "wb_" prefix (references included), per program, so
# that what a test fakes depends only on what it lists itself.
# $(1): compiler and flags, $(2): firmware objects, $(3): other objects
define link_host_test
	$(QUIET_ECHO) HOSTLD $@
	@rm -rf $@.fw && mkdir -p $@.fw
	$(Q)nm -g --defined-only $(2) 2>/dev/null | awk 'NF == 3 { print $$3 " wb_" $$3 }' | sort -u > $@.fw/renames
	$(Q)for object in $(2); do objcopy --redefine-syms=$@.fw/renames $$object $@.fw/$$(echo $$object | tr / _); done
	$(Q)$(1) -Wl,-T,$(HOST_TABLES_LDS) $(3) $(if $(2),$@.fw/*.o) -o $@
endef

$(HOST_BIN)/unit/%: $(HOST_TABLES_LDS) $(HOST_BIN)/unitobj/tests/unit/%.o $$(call host_objs_for,unit,tests/unit/$$*.c) $$(call fw_objs_for,unit,tests/unit/$$*.c)
	$(call link_host_test,$(UNIT_CC) $(SANITIZE),$(call fw_objs_for,unit,tests/unit/$*.c),$(filter-out $(call fw_objs_for,unit,tests/unit/$*.c),$(filter %.o,$^)))

$(HOST_BIN)/unit/%-clang: $(HOST_TABLES_LDS) $(HOST_BIN)/unitclangobj/tests/unit/%.o $$(call host_objs_for,unitclang,tests/unit/$$*.c) $$(call fw_objs_for,unitclang,tests/unit/$$*.c)
	$(call link_host_test,$(UNIT_CLANG_CC) $(SANITIZE),$(call fw_objs_for,unitclang,tests/unit/$*.c),$(filter-out $(call fw_objs_for,unitclang,tests/unit/$*.c),$(filter %.o,$^)))

$(HOST_BIN)/fuzz/%: $(HOST_TABLES_LDS) $(HOST_BIN)/fuzzobj/tests/fuzz/%.o $$(call host_objs_for,fuzz,tests/fuzz/$$*.c) $$(call fw_objs_for,fuzz,tests/fuzz/$$*.c)
	$(call link_host_test,$(FUZZ_CC) -fsanitize=fuzzer$(comma)address$(comma)undefined,$(call fw_objs_for,fuzz,tests/fuzz/$*.c),$(filter-out $(call fw_objs_for,fuzz,tests/fuzz/$*.c),$(filter %.o,$^)))

# (Not into bin-host/fixtures/: unpacked Debian packages, not build output.)
-include $(shell find $(HOST_BIN) -path $(HOST_BIN)/fixtures -prune -o -name '*.d' -type f -print 2>/dev/null)

# ---- check, fuzz, run, bench ----------------------------------------------------

# What the tests use from this tree; the tests build other configurations
# in scratch copies of the tree themselves.
CHECK_ARTIFACTS := $(BIN)/ipxe.efi $(BIN)/ipxe.iso $(BIN)/ipxe.usb $(BIN)/testprog.efi $(BIN)/keytest.efi $(BIN)/randtest.efi $(BIN)/testdrv.efidrv $(BIN)/testdrv.efirom $(BIN)/shimlock.efirom all-drivers all-roms \
	$(HOST_TOOLS) $(UNIT_BINS) $(FUZZ_BINS)
# make check fuzzes each target briefly (its seeds and a few seconds more);
# make fuzz is for long runs.
FUZZ_SECONDS ?= 3
TESTS ?=

.PHONY: check check-artifacts check-packaging unit fuzz run bench
check-artifacts: $(CHECK_ARTIFACTS)

check: deps
	$(Q)$(MAKE) --no-print-directory check-artifacts
	$(Q)python3 tests/run.py --fuzz-seconds $(FUZZ_SECONDS) $(TESTS)

# The distribution packages (tests/packaging/): make dist, rpmbuild and
# dpkg-buildpackage twice each, lintian. Minutes, so not in make check.
check-packaging: deps-packaging
	$(Q)$(MAKE) --no-print-directory $(BIN)/testprog.efi $(HOST_TOOLS)
	$(Q)python3 tests/run.py --suite packaging $(TESTS)

unit: deps
	$(Q)$(MAKE) --no-print-directory $(UNIT_BINS)
	$(Q)python3 tests/run.py unit/

# Longer fuzzing than make check does: FUZZ_SECONDS per target.
fuzz: deps
	$(Q)$(MAKE) --no-print-directory $(FUZZ_BINS)
	$(Q)python3 tests/run.py --jobs 1 --fuzz-seconds $(or $(filter-out 3,$(FUZZ_SECONDS)),600) fuzz/

# Boots ipxe.efi in QEMU + OVMF on this terminal (Ctrl-A X quits), with
# examples/ and the EFI test program served by TFTP and examples/menu.ipxe
# as the DHCP boot file.
RUN_ARGS := -t examples -f $(BIN)/testprog.efi -b menu.ipxe $(BIN)/ipxe.efi
run: deps
	$(Q)$(MAKE) --no-print-directory $(BIN)/ipxe.efi $(BIN)/testprog.efi
	$(Q)util/qemu-run $(RUN_ARGS)

bench: deps
	$(Q)$(MAKE) --no-print-directory check-artifacts
	$(Q)python3 tests/bench.py
