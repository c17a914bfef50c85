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
 * own (XTIME below is the wall clock). What is built:
 * - the Hash_DRBG of SP 800-90A over SHA-256, seeded from our entropy
 *   source (src/core/entropy.c) through the seed hook below, for
 *   random_bytes() and for every TLS session;
 * - MD5 and SHA-1 for the digest commands (src/crypto/digest.c) and HTTP
 *   Digest authentication;
 * - a TLS 1.3 and 1.2 client (src/crypto/tls.c): ECDHE over X25519, P-256
 *   and P-384, AES-GCM and ChaCha20-Poly1305, RSA (PKCS#1 v1.5 and PSS)
 *   and ECDSA signatures, SNI, certificate chains verified against our
 *   certificate store with validity checked against the wall clock;
 * - CMS SignedData (PKCS#7) verification for signed images
 *   (src/crypto/cms.c), over the same X.509, RSA, ECC and SHA-2 code.
 * Only C code: no assembly (WOLFSSL_NO_ASM), nothing that needs floating
 * point or vector registers (no DH, whose parameter checks use doubles).
 * An image links only the wolfSSL objects it references, so images
 * without https carry none of the TLS code.
 */

/* The environment. */
#define SINGLE_THREADED
#define NO_FILESYSTEM
#define NO_WRITEV
#define NO_DEV_RANDOM
#define WOLFSSL_NO_SOCK
#define WOLFSSL_USER_IO		/* records go through our callbacks */
#define NO_MAIN_DRIVER
#define NO_WOLFSSL_MEMORY	/* XMALLOC is our malloc() */
#define NO_ERROR_STRINGS	/* src/crypto/tls_error.c names them */
#define WOLFSSL_IGNORE_FILE_WARN
#define SIZEOF_LONG __SIZEOF_LONG__	/* 4 on i386: word64 must be 64 bits */
#define SIZEOF_LONG_LONG 8
#define WOLFSSL_GENERAL_ALIGNMENT 8
#define WOLFSSL_USER_CURRTIME
#define USER_TICKS
#define WOLFSSL_NO_ASM
#define TFM_NO_ASM
#define WC_NO_CACHE_RESISTANT
#define NO_STDIO_FILESYSTEM
#define NO_WOLFSSL_DIR
#define NO_SESSION_CACHE
#define NO_WOLFSSL_SERVER
#define NO_CERTS_LOAD_DIR
/* Room for a whole record in each connection's own input and output
 * buffers (some 33 KiB a connection): otherwise every record of 16 KiB
 * is read into a buffer allocated for it, which is cleared byte by byte
 * and freed again once the record is read, as costly as decrypting it
 * with ChaCha20 under emulation. */
#define LARGE_STATIC_BUFFERS

/* The time for certificate validity: seconds since 1970 from the wall
 * clock (src/core/wallclock.c); wolfSSL's own gmtime and struct tm. */
#define USER_TIME
#ifndef __ASSEMBLER__
long wireboot_tls_time(long *timer);
#endif
#define XTIME(t) wireboot_tls_time(t)

/* What is left out. */
#define NO_DSA
#define NO_DH
#define NO_MD4
#define NO_DES3
#define NO_RC4
#define NO_PSK
#define NO_OLD_TLS
#define NO_PWDBASED
#define NO_SIG_WRAPPER
#define WOLFSSL_NO_SHAKE256
#define WOLFSSL_NO_SHAKE128
#define NO_AES_CBC

/* TLS. */
#define WOLFSSL_TLS13
#define HAVE_TLS_EXTENSIONS
#define HAVE_SUPPORTED_CURVES
#define HAVE_SNI
#define HAVE_EXTENDED_MASTER
#define HAVE_ENCRYPT_THEN_MAC
#define HAVE_SERVER_RENEGOTIATION_INFO
#define HAVE_HKDF
#define WOLFSSL_SHA384
#define WOLFSSL_SHA512
#define HAVE_AESGCM
#define GCM_TABLE_4BIT
#define HAVE_CHACHA
#define HAVE_POLY1305
#define HAVE_ONE_TIME_AUTH
#define HAVE_ECC
#define ECC_USER_CURVES
#define HAVE_ECC256
#define HAVE_ECC384
#define ECC_TIMING_RESISTANT
#define ECC_SHAMIR
#define HAVE_CURVE25519
#define WC_RSA_PSS
#define WC_RSA_BLINDING
#define WOLFSSL_SP_MATH_ALL
#define WOLFSSL_HAVE_SP_RSA
#define WOLFSSL_HAVE_SP_ECC
#define WOLFSSL_SP_384
#define SP_INT_BITS 4096
/* The single-precision code in C for the machine's word (sp_c64.c or
 * sp_c32.c; the other compiles to nothing). */
#if defined(__x86_64__) || defined(__aarch64__)
#define SP_WORD_SIZE 64
#define HAVE___UINT128_T
#define WOLFSSL_SP_DIV_WORD_HALF	/* no 128-bit division (libgcc) */
#else
#define SP_WORD_SIZE 32
#endif
#define TFM_TIMING_RESISTANT
#define KEEP_PEER_CERT
#define WOLFSSL_ALWAYS_VERIFY_CB
#define WOLFSSL_VERIFY_CB_ALL_CERTS
/* Keys below these sizes are refused (handshake or chain): RSA 2048,
 * ECC 256 bits. */
#define WOLFSSL_MIN_RSA_BITS 2048
#define WOLFSSL_MIN_ECC_BITS 256

/*
 * Signed images: CMS SignedData (PKCS#7), verification only (no signing,
 * no enveloped, encrypted or compressed data). wolfSSL's PKCS#7 object
 * will not build without what enveloped data needs (AES key wrap, the
 * X9.63 KDF), though verification never calls it. It also calls a
 * function its asn.c leaves out under USER_TIME (the signing time of
 * signatures it would make): wolfssl.mk builds pkcs7.c alone with
 * WIREBOOT_WOLFSSL_NO_DATES, which takes dates out of that file only
 * (they change no structure); cms.c checks validity against the clock.
 */
#define HAVE_PKCS7
#define NO_PKCS7_ENCRYPTED_DATA
#define NO_PKCS7_COMPRESSED_DATA
#define WOLFSSL_AES_DIRECT
#define HAVE_AES_KEYWRAP
#define HAVE_X963_KDF
#ifdef WIREBOOT_WOLFSSL_NO_DATES
#define NO_ASN_TIME
#endif

/*
 * Reseed after this many requests. SP 800-90A allows 2^48 for the
 * Hash_DRBG and wolfSSL's default is 10^6, which a boot loader would never
 * reach: fresh entropy every 65536 requests bounds what a compromise of
 * the DRBG's state can predict, for the cost of a few hundred bytes of
 * entropy per run.
 */
#define HAVE_HASHDRBG
#define WC_RESEED_INTERVAL 65536

/* Seeds (and their nonces and reseeds) come from our entropy source. */
#define CUSTOM_RAND_GENERATE_SEED wireboot_drbg_seed
#ifndef __ASSEMBLER__
int wireboot_drbg_seed(unsigned char *output, unsigned int size);
#endif

#endif
