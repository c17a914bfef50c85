# SPDX-License-Identifier: GPL-2.0-or-later
# wireboot: network boot firmware for UEFI.
#
# The one entry point of the build. Common use:
#   make                                   bin-x86_64-efi/ipxe.efi
#   make bin-x86_64-efi/<name>.efi         an application (ipxe, testprog, ...)
#   make bin-x86_64-efi/<name>.efidrv      a boot-service driver
#   make run                               boot ipxe.efi in QEMU + OVMF
#   make check                             every test; ends "N passed, N failed"
#   make bench                             sizes and timings beside the peers
#   make install [PREFIX=] [DESTDIR=]      what a distribution ships (src/Makefile.install)
#   make dist                              the source tarball (src/Makefile.dist)
#   make sign KEY= CERT=                   signed copies for Secure Boot (src/Makefile.sign)
#
# Variables (see README.md): CONFIG=name EMBED=file[,file] DEBUG=obj[:lvl],...
# V=1 NO_WERROR=1 VERSION= GITVERSION= SOURCE_DATE_EPOCH=
#
# The firmware rules live in src/Makefile.firmware, the host tools in
# util/util.mk, the tests in tests/tests.mk, installation and the source
# tarball in src/Makefile.install and src/Makefile.dist.

SHELL := /bin/bash
.DEFAULT_GOAL := all
.SUFFIXES:
.DELETE_ON_ERROR:

# The architecture: ARCH= when given, else the one the targets name by their
# directory (make bin-arm64-efi/ipxe.efi), else x86-64. One make run builds
# for one architecture; targets of several are built one architecture after
# the other by make runs of their own.
ARCHES := x86_64 arm64 i386
goal_arch = $(foreach a,$(ARCHES),$(if $(filter bin-$(a)-efi/%,$(1)),$(a)))
GOAL_ARCHES := $(strip $(call goal_arch,$(MAKECMDGOALS)))
ifeq ($(origin ARCH),command line)
else ifeq ($(words $(GOAL_ARCHES)),1)
ARCH := $(GOAL_ARCHES)
else ifneq ($(GOAL_ARCHES),)
MULTI_ARCH := 1
else
ARCH := x86_64
endif
ifdef MULTI_ARCH
# Targets of several architectures in one command line: each architecture's
# targets are built by a make run of its own, in turn, and then the rest.
OTHER_GOALS := $(filter-out $(foreach a,$(ARCHES),bin-$(a)-efi/%),$(MAKECMDGOALS))
$(sort $(MAKECMDGOALS)): multi-arch ; @true
.PHONY: multi-arch
multi-arch:
	@$(foreach a,$(GOAL_ARCHES),$(MAKE) --no-print-directory ARCH=$(a) $(filter bin-$(a)-efi/%,$(MAKECMDGOALS)) &&) true
	@$(if $(OTHER_GOALS),$(MAKE) --no-print-directory $(OTHER_GOALS))
else
ifeq ($(filter $(ARCH),$(ARCHES)),)
$(error ARCH=$(ARCH): not one of $(ARCHES))
endif
BIN := bin-$(ARCH)-efi
# The host tests, tools and the hosted Linux program are built for this
# machine (x86-64) whatever ARCH the firmware is built for.
HOST_ARCH := x86_64

# V=1 shows every command; otherwise one short line per step.
ifeq ($(V),1)
Q :=
QUIET_ECHO := @true
else
Q := @
QUIET_ECHO := @printf '  %-8s %s\n'
endif

ifeq ($(NO_WERROR),1)
WERROR :=
else
WERROR := -Werror
endif

comma := ,
empty :=
space := $(empty) $(empty)

# Writes $(2) into file $(1) only when it differs, so that a value given on
# the command line (version, EMBED list, ...) can be a make prerequisite that
# changes exactly when the value does.
define write_if_changed
$(shell mkdir -p $(dir $(1)); printf '%s\n' '$(2)' | cmp -s - $(1) 2>/dev/null || printf '%s\n' '$(2)' > $(1))
endef

# A source tarball (make dist) records its commit and date here.
-include dist.mk

include src/arch/$(ARCH)/Makefile.arch
include src/Makefile.firmware
include src/Makefile.media
include src/Makefile.rom
include src/Makefile.install
include src/Makefile.dist
include src/Makefile.sign
-include util/util.mk
include tests/tests.mk

.PHONY: all clean deps deps-packaging FORCE
all: $(BIN)/ipxe.efi

# Installs missing Debian packages when run as root; otherwise says what to
# install. Every user-facing target that needs outside tools calls it first.
# SKIP_DEPS=1 leaves the machine alone: a package build (make unit in
# %check) has its build dependencies installed by the packaging tools.
deps:
	$(Q)$(if $(filter 1,$(SKIP_DEPS)),:,util/install-deps)
deps-packaging:
	$(Q)$(if $(filter 1,$(SKIP_DEPS)),:,util/install-deps packaging)

clean:
	rm -rf bin-*
FORCE:

# The hosted build: the same core and stack as a Linux program (tests,
# fuzzing), for the host's architecture only.
ifeq ($(ARCH),$(HOST_ARCH))
-include src/Makefile.linux
endif

endif # MULTI_ARCH
