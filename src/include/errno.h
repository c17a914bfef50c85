/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef ERRNO_H
#define ERRNO_H

/*
 * Error numbers. Functions return 0 on success or a negative error number
 * (e.g. -ENOMEM); strerror() turns one into a message. The values are this
 * project's own and only need to be stable within one binary.
 */

#define EPERM 1
#define ENOENT 2
#define EIO 5
#define ENXIO 6
#define E2BIG 7
#define ENOEXEC 8
#define EAGAIN 11
#define ENOMEM 12
#define EACCES 13
#define EFAULT 14
#define EBUSY 16
#define EEXIST 17
#define ENODEV 19
#define EINVAL 22
#define EFBIG 27
#define ENOSPC 28
#define EPIPE 32
#define ERANGE 34
#define ENOTSUP 95
#define EADDRINUSE 98
#define ENETDOWN 100
#define ENETUNREACH 101
#define ECONNABORTED 103
#define ECONNRESET 104
#define ENOBUFS 105
#define ENOTCONN 107
#define ETIMEDOUT 110
#define ECONNREFUSED 111
#define EHOSTUNREACH 113
#define EALREADY 114
#define EINPROGRESS 115
#define ECANCELED 125
#define EPROTO 71
#define EBADMSG 74
#define EMSGSIZE 90
#define EPROTONOSUPPORT 93
#define EAFNOSUPPORT 97
#define ELOOP 40

/*
 * Failure sites. Every base number above is below 256; a failure site adds
 * a number of its own above that: the file it is in (ERRFILE, see
 * wireboot/errfile.h) and a place in that file (1..31). Messages show both
 * ("ETIMEDOUT at tftp.2"), so a report names the exact place that failed,
 * and code that only cares about the kind of error compares
 * errno_base(rc).
 *
 *   #define ERRFILE ERRFILE_tftp      (once, at the top of the file)
 *   return -EUNIQ(ETIMEDOUT, 2);
 */
#define ERRNO_BASE_MASK 0xff
#define ERRNO_SITE_SHIFT 8
#define ERRNO_FILE_SHIFT 13
#define EUNIQ(base, site) \
	((base) | ((site) << ERRNO_SITE_SHIFT) | (ERRFILE << ERRNO_FILE_SHIFT))

/* The plain error number of a (negative or positive) return code. */
static inline int errno_base(int rc)
{
	return rc < 0 ? -(-rc & ERRNO_BASE_MASK) : (rc & ERRNO_BASE_MASK);
}

#endif
