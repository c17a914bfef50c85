/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef WIREBOOT_WOLFSSL_USER_SETTINGS_H
#define WIREBOOT_WOLFSSL_USER_SETTINGS_H

/*
 * wolfSSL's configuration for the firmware (wolfSSL reads this file when
 * WOLFSSL_USER_SETTINGS is defined; src/crypto/wolfssl.mk does that).
 *
 * wolfSSL runs here the way the rest of the firmware does: freestanding,
 * against our own libc headers (src/include), memory from our heap
 * (malloc/free), no file system, no sockets, no threads, no clock of its
 * own. Only what is built is enabled: today the Hash_DRBG of SP 800-90A
 * over SHA-256, seeded from our entropy source (src/core/entropy.c)
 * through the seed hook below, and MD5 and SHA-1 for the digest commands
 * (src/crypto/digest.c); for signed images (src/crypto/cms.c), the
 * CMS SignedData verification of PKCS#7 with X.509, RSA, ECC and
 * SHA-256/384/512. TLS will add its algorithms here.
 */

/* The environment. */
#define WOLFCRYPT_ONLY
#define SINGLE_THREADED
#define NO_FILESYSTEM
#define NO_WRITEV
#define NO_DEV_RANDOM
#define WOLFSSL_NO_SOCK
#define NO_MAIN_DRIVER
#define NO_WOLFSSL_MEMORY	/* XMALLOC is our malloc() */
#define NO_ERROR_STRINGS
#define WOLFSSL_IGNORE_FILE_WARN
#define SIZEOF_LONG __SIZEOF_LONG__	/* 4 on i386: word64 must be 64 bits */
#define SIZEOF_LONG_LONG 8
#define WOLFSSL_GENERAL_ALIGNMENT 8
#define WOLFSSL_USER_CURRTIME
#define USER_TICKS
#define NO_ASN_TIME

/* The DRBG and what it needs (SHA-256), the digests of md5sum and
 * sha1sum, and MD5 for HTTP Digest authentication (src/crypto/md5.c). */
#define HAVE_HASHDRBG
#define NO_DSA
#define NO_DH
#define NO_MD4
#define NO_DES3
#define NO_RC4
#define NO_HMAC
#define NO_PWDBASED
#define NO_PSK
#define NO_OLD_TLS
#define NO_SIG_WRAPPER
#define WOLFSSL_NO_SHAKE256
#define WOLFSSL_NO_SHAKE128

/*
 * Signed images: CMS SignedData (PKCS#7) over X.509 certificates with RSA
 * or ECDSA keys and SHA-256/384/512 digests (and SHA-1, which old
 * signatures use). Verification only: no signing, no enveloped data. The
 * big-number code is wolfSSL's sp_int (every key size the certificates
 * use) with its constant-time paths. wolfSSL reads no clock (NO_ASN_TIME):
 * certificate dates are checked by src/crypto/x509_time.c against ours.
 */
#define HAVE_PKCS7
#define HAVE_ECC
#define ECC_TIMING_RESISTANT
#define WC_RSA_BLINDING
#define WOLFSSL_SHA384
#define WOLFSSL_SHA512
#define WOLFSSL_SP_MATH_ALL
#define WOLFSSL_SMALL_STACK
#define SP_INT_BITS 4096
#define WOLFSSL_NO_ASM
#define WOLFSSL_ASN_TEMPLATE
/* wolfSSL's PKCS#7 will not build without what enveloped data needs,
 * though verification never calls it. */
#define WOLFSSL_AES_DIRECT
#define HAVE_AES_KEYWRAP
#define HAVE_X963_KDF
#define NO_PKCS7_ENCRYPTED_DATA
#define NO_PKCS7_COMPRESSED_DATA
#define WOLFSSL_NO_PEM

/*
 * Reseed after this many requests. SP 800-90A allows 2^48 for the
 * Hash_DRBG and wolfSSL's default is 10^6, which a boot loader would never
 * reach: fresh entropy every 65536 requests bounds what a compromise of
 * the DRBG's state can predict, for the cost of a few hundred bytes of
 * entropy per run.
 */
#define WC_RESEED_INTERVAL 65536

/* Seeds (and their nonces and reseeds) come from our entropy source. */
#define CUSTOM_RAND_GENERATE_SEED wireboot_drbg_seed
#ifndef __ASSEMBLER__
int wireboot_drbg_seed(unsigned char *output, unsigned int size);
#endif

#endif
