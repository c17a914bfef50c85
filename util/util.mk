# SPDX-License-Identifier: GPL-2.0-or-later
# Host tools (option ROM builder and inspector), included from the top-level
# Makefile; paths are relative to the repository root.

# NO_WERROR=1 keeps warnings from failing the build, even with a HOST_CFLAGS
# given on the command line. src/include goes last: it holds the firmware's
# own libc headers, which must not shadow the host's.
HOST_CC ?= gcc
HOST_CFLAGS ?= -O2 -g -std=c11 -Wall -Wextra $(if $(filter 1,$(NO_WERROR)),,-Werror)
# The file prefix map keeps the build directory out of the debug
# information, so two builds of one source in two places are identical.
HOST_TOOL_CFLAGS = $(if $(filter 1,$(NO_WERROR)),$(filter-out -Werror,$(HOST_CFLAGS)),$(HOST_CFLAGS)) \
	-ffile-prefix-map=$(CURDIR)=. -Iutil -idirafter src/include
# Quiet unless the including Makefile says otherwise (V=1 there).
QUIET_ECHO ?= @true

HOST_OBJDIR := bin-host/obj
HOST_TOOLS := bin-host/mkrom bin-host/rominfo bin-host/wbinfo bin-host/elf2pe

MKROM_SOURCES := util/mkrom.c util/rombuild.c util/eficompress.c util/huffman.c \
	util/peinfo.c util/readfile.c util/romlegacy.c util/romparse.c \
	util/efidecompress.c util/build_record.c
ROMINFO_SOURCES := util/rominfo.c util/romparse.c util/efidecompress.c \
	util/peinfo.c util/pesecurity.c util/build_record.c util/readfile.c

WBINFO_SOURCES := util/wbinfo.c util/build_record.c util/readfile.c util/peinfo.c \
	util/pesecurity.c
ELF2PE_SOURCES := util/elf2pe.c util/elfpe.c util/readfile.c

host_tool_objects = $(patsubst util/%.c,$(HOST_OBJDIR)/%.o,$(1))

# -MD: headers from -idirafter (build_info.h) must count as dependencies.
$(HOST_OBJDIR)/%.o: util/%.c
	$(QUIET_ECHO) HOSTCC $<
	@mkdir -p $(@D)
	$(Q)$(HOST_CC) $(HOST_TOOL_CFLAGS) -MD -MP -c -o $@ $<

bin-host/mkrom: $(call host_tool_objects,$(MKROM_SOURCES))
	$(QUIET_ECHO) HOSTLD $@
	$(Q)$(HOST_CC) $(HOST_TOOL_CFLAGS) -o $@ $^

bin-host/rominfo: $(call host_tool_objects,$(ROMINFO_SOURCES))
	$(QUIET_ECHO) HOSTLD $@
	$(Q)$(HOST_CC) $(HOST_TOOL_CFLAGS) -o $@ $^

bin-host/wbinfo: $(call host_tool_objects,$(WBINFO_SOURCES))
	$(QUIET_ECHO) HOSTLD $@
	$(Q)$(HOST_CC) $(HOST_TOOL_CFLAGS) -o $@ $^

bin-host/elf2pe: $(call host_tool_objects,$(ELF2PE_SOURCES))
	$(QUIET_ECHO) HOSTLD $@
	$(Q)$(HOST_CC) $(HOST_TOOL_CFLAGS) -o $@ $^

-include $(wildcard $(HOST_OBJDIR)/*.d)
