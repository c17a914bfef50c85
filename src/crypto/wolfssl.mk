# SPDX-License-Identifier: GPL-2.0-or-later
# wolfSSL, the one outside library of the firmware, included from
# src/Makefile.firmware.
#
# The source is Debian's package with Debian's patches applied: by default
# util/fetch-wolfssl unpacks it into bin-host/deps/wolfssl-<version>/ the
# first time a build needs it; WOLFSSL_SRC=dir builds a given tree instead
# (offline packagers). wolfSSL is compiled with the firmware's own flags and
# headers and with our settings (src/crypto/user_settings.h), file by file:
# only the files listed here, into the firmware archive, so only images that
# reference what they define (random_bytes) link them.

WOLFSSL_DEPS := bin-host/deps
WOLFSSL_DIR_FILE := $(WOLFSSL_DEPS)/wolfssl.dir
# Goals that never compile anything need no wolfSSL tree.
WOLFSSL_NOT_NEEDED := $(if $(MAKECMDGOALS),$(if $(filter-out clean deps,$(MAKECMDGOALS)),,yes))

ifneq ($(WOLFSSL_SRC),)
WOLFSSL_DIR := $(patsubst %/,%,$(WOLFSSL_SRC))
ifeq ($(wildcard $(WOLFSSL_DIR)/wolfcrypt/src/random.c),)
$(error WOLFSSL_SRC=$(WOLFSSL_SRC): not a wolfSSL source tree (no wolfcrypt/src/random.c))
endif
else
# The tree fetched before, if it is still whole.
wolfssl_fetched = $(if $(wildcard $(WOLFSSL_DIR_FILE)),$(patsubst %/wolfcrypt/src/random.c,%,$(wildcard \
	$(WOLFSSL_DEPS)/$(shell cat $(WOLFSSL_DIR_FILE))/wolfcrypt/src/random.c)))
WOLFSSL_DIR := $(wolfssl_fetched)
ifeq ($(WOLFSSL_NOT_NEEDED)$(WOLFSSL_DIR),)
$(info   FETCH    wolfssl (util/fetch-wolfssl))
$(shell util/fetch-wolfssl $(WOLFSSL_DEPS) >&2)
ifneq ($(.SHELLSTATUS),0)
$(error util/fetch-wolfssl failed; give a wolfSSL source tree with WOLFSSL_SRC=dir)
endif
WOLFSSL_DIR := $(wolfssl_fetched)
endif
endif

# The version: Debian's (first line of debian/changelog) where the tree is
# Debian's, else upstream's (wolfssl/version.h).
ifneq ($(WOLFSSL_DIR),)
WOLFSSL_VERSION := $(or \
	$(shell dpkg-parsechangelog -l $(WOLFSSL_DIR)/debian/changelog -S Version 2>/dev/null),\
	$(shell sed -n 's/^\#define LIBWOLFSSL_VERSION_STRING "\(.*\)"/\1/p' $(WOLFSSL_DIR)/wolfssl/version.h 2>/dev/null))
WOLFSSL_MIN_VERSION := 5.5.4
ifneq ($(WOLFSSL_NOT_NEEDED),yes)
ifeq ($(WOLFSSL_VERSION),)
$(error $(WOLFSSL_DIR): cannot tell the wolfSSL version (no debian/changelog, no wolfssl/version.h))
endif
ifneq ($(shell dpkg --compare-versions '$(WOLFSSL_VERSION)' ge $(WOLFSSL_MIN_VERSION) && echo ok),ok)
$(error wolfSSL $(WOLFSSL_VERSION) in $(WOLFSSL_DIR) is older than $(WOLFSSL_MIN_VERSION))
endif
endif
endif

# What the build record says (see src/include/wireboot/build_info.h).
WOLFSSL_RECORD := wolfssl $(WOLFSSL_VERSION)

# Files compiled from the tree, relative to it: the SP 800-90A Hash_DRBG and
# the SHA-256 it runs on, MD5 and SHA-1 for the digest commands (MD5 also
# for HTTP Digest authentication), and the TLS client with what it needs.
WOLFSSL_FILES := wolfcrypt/src/random.c wolfcrypt/src/sha256.c \
	wolfcrypt/src/md5.c wolfcrypt/src/sha.c \
	src/ssl.c src/internal.c src/keys.c src/tls.c src/tls13.c src/wolfio.c \
	wolfcrypt/src/aes.c wolfcrypt/src/chacha.c wolfcrypt/src/poly1305.c \
	wolfcrypt/src/chacha20_poly1305.c wolfcrypt/src/curve25519.c \
	wolfcrypt/src/fe_operations.c wolfcrypt/src/ecc.c wolfcrypt/src/rsa.c \
	wolfcrypt/src/sp_int.c wolfcrypt/src/sp_c64.c wolfcrypt/src/sp_c32.c wolfcrypt/src/wolfmath.c wolfcrypt/src/asn.c \
	wolfcrypt/src/coding.c wolfcrypt/src/hmac.c wolfcrypt/src/hash.c \
	wolfcrypt/src/sha512.c wolfcrypt/src/kdf.c wolfcrypt/src/memory.c \
	wolfcrypt/src/wc_port.c wolfcrypt/src/wc_encrypt.c wolfcrypt/src/logging.c \
	wolfcrypt/src/error.c wolfcrypt/src/signature.c

# Signed images (src/crypto/cms.c): PKCS#7, over the X.509, RSA, ECC and
# SHA-2 files TLS builds; pkcs7.c is built without dates (see
# user_settings.h), in every build that compiles it.
WOLFSSL_FILES += wolfcrypt/src/pkcs7.c
%/wolfcrypt/src/pkcs7.o: WOLFSSL_CFLAGS += -DWIREBOOT_WOLFSSL_NO_DATES

# The bulk ciphers and MACs of TLS records at -O2 rather than the
# firmware's -Os: every byte of an HTTPS download goes through them, and
# -Os keeps their fixed-size loops (a ChaCha20 block, its XOR into the
# data) as loops.
WOLFSSL_FAST_FILES := wolfcrypt/src/chacha.c wolfcrypt/src/poly1305.c \
	wolfcrypt/src/chacha20_poly1305.c wolfcrypt/src/aes.c
$(addprefix %/,$(WOLFSSL_FAST_FILES:.c=.o)): WOLFSSL_CFLAGS += -O2 -fvect-cost-model=dynamic

# Flags for wolfSSL's files and for ours that include its headers. The
# tree's own path stays out of the objects, wherever it is.
WOLFSSL_CFLAGS := -DWOLFSSL_USER_SETTINGS -Isrc/crypto -I$(WOLFSSL_DIR) \
	-ffile-prefix-map=$(abspath $(WOLFSSL_DIR))/=wolfssl/ \
	-fwrapv
