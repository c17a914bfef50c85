/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef WIREBOOT_DOWNLOADER_H
#define WIREBOOT_DOWNLOADER_H

/*
 * Downloads into an image, as a job: create_downloader() opens the image's
 * URI and writes what arrives into the image; the job interface is closed
 * when the transfer ends (0 or its error, preceded by the reason text the
 * protocol gave). The job reports progress (bytes so far, total when
 * announced); closing the job cancels the download. A protocol may
 * redirect the download to another URI (HTTP 3xx).
 */

#include <wireboot/image.h>
#include <wireboot/interface.h>

int create_downloader(struct interface *job, struct image *image);

#endif
