/* SPDX-License-Identifier: GPL-2.0-or-later */
// FIRMWARE_SOURCES: src/core/cpio.c src/core/initrd.c src/core/image.c src/core/uri.c src/core/string.c src/core/strtoul.c src/core/vsprintf.c
/*
 * The cpio "newc" writer and the initramfs built from images: records
 * read back field by field (directories first, the file, the trailer,
 * every record 4-byte aligned), counting equal to writing, paths that
 * must be refused (empty names, ".", "..", control characters, too long),
 * a buffer one byte short (exact-size allocations, so the sanitizer sees
 * any overrun), and the concatenation of raw and wrapped images at 4-byte
 * boundaries with the kernel left out.
 */

#include <errno.h>
#include <stdlib.h>
#include <wireboot/cpio.h>
#include <wireboot/image.h>
#include <wireboot/initrd.h>
#include "unit.h"

long wb_cpio_wrap(void *buf, size_t max, const char *path, unsigned mode,
		  const void *data, size_t len);
long wb_initrd_build(const struct image *kernel, void *buf, size_t max);
struct image *wb_alloc_image(const char *name);
int wb_image_write(struct image *image, size_t offset, const void *data, size_t len);
int wb_image_set_cmdline(struct image *image, const char *cmdline);
int wb_register_image(struct image *image);
void wb_unregister_image(struct image *image);

void *zalloc(size_t size) { return calloc(1, size); }
void *umalloc(size_t len) { return malloc(len); }
void ufree(void *ptr, size_t len) { (void)len; free(ptr); }

struct record {
	unsigned mode;
	size_t size;
	char name[300];
	const unsigned char *data;
};

static unsigned field(const unsigned char *header, int index)
{
	char text[9];

	memcpy(text, header + 6 + 8 * index, 8);
	text[8] = '\0';
	return (unsigned)strtoul(text, NULL, 16);
}

/* Reads the record at *offset; false at a malformed one. */
static bool next_record(const unsigned char *buf, size_t len, size_t *offset,
			struct record *rec)
{
	const unsigned char *header = buf + *offset;
	size_t namesize;

	if (*offset % 4 || *offset + 110 > len || memcmp(header, "070701", 6))
		return false;
	rec->mode = field(header, 1);
	rec->size = field(header, 6);
	namesize = field(header, 11);
	if (namesize == 0 || namesize > sizeof(rec->name) ||
	    *offset + 110 + namesize > len || header[110 + namesize - 1])
		return false;
	memcpy(rec->name, header + 110, namesize);
	*offset += (110 + namesize + 3) & ~(size_t)3;
	rec->data = buf + *offset;
	*offset += (rec->size + 3) & ~(size_t)3;
	return *offset <= len;
}

static void test_file_with_directories(void)
{
	static const char data[] = "key=value\n";
	long len = wb_cpio_wrap(NULL, 0, "/etc/wb/x.conf", 0600, data, 10);
	unsigned char *buf = malloc((size_t)len);
	struct record rec;
	size_t offset = 0;

	CHECK(len > 0 && len % 4 == 0);
	CHECK_INT(wb_cpio_wrap(buf, (size_t)len, "/etc/wb/x.conf", 0600, data, 10), len);
	CHECK(next_record(buf, (size_t)len, &offset, &rec));
	CHECK_STR(rec.name, "etc");
	CHECK_INT(rec.mode, 040755);
	CHECK_INT(rec.size, 0);
	CHECK(next_record(buf, (size_t)len, &offset, &rec));
	CHECK_STR(rec.name, "etc/wb");
	CHECK(next_record(buf, (size_t)len, &offset, &rec));
	CHECK_STR(rec.name, "etc/wb/x.conf");
	CHECK_INT(rec.mode, 0100600);
	CHECK_INT(rec.size, 10);
	CHECK(memcmp(rec.data, data, 10) == 0);
	CHECK(next_record(buf, (size_t)len, &offset, &rec));
	CHECK_STR(rec.name, "TRAILER!!!");
	CHECK_INT(offset, len);
	free(buf);
}

static void test_relative_name_and_empty_file(void)
{
	long len = wb_cpio_wrap(NULL, 0, "x", 0644, NULL, 0);
	unsigned char *buf = malloc((size_t)len);
	struct record rec;
	size_t offset = 0;

	CHECK_INT(wb_cpio_wrap(buf, (size_t)len, "x", 01777644, NULL, 0), len);
	CHECK(next_record(buf, (size_t)len, &offset, &rec));
	CHECK_STR(rec.name, "x");
	/* Only the permission bits of mode count. */
	CHECK_INT(rec.mode, 0107644);
	CHECK(next_record(buf, (size_t)len, &offset, &rec));
	CHECK_STR(rec.name, "TRAILER!!!");
	CHECK_INT(offset, len);
	free(buf);
}

static void test_bad_paths(void)
{
	static const char *const bad[] = {
		"", "/", "//x", "a//b", "a/", "./a", "a/./b", "a/.", "../x",
		"a/../b", "a/..", "..", "a\nb", "tab\there", "del\x7f",
	};
	char longest[CPIO_PATH_MAX + 2];
	size_t i;

	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		if (!CHECK_ERR(wb_cpio_wrap(NULL, 0, bad[i], 0644, "x", 1), -EINVAL))
			printf("     path \"%s\"\n", bad[i]);
	}
	memset(longest, 'a', sizeof(longest));
	longest[CPIO_PATH_MAX] = '\0';
	CHECK(wb_cpio_wrap(NULL, 0, longest, 0644, "x", 1) > 0);
	longest[CPIO_PATH_MAX] = 'a';
	longest[CPIO_PATH_MAX + 1] = '\0';
	CHECK_ERR(wb_cpio_wrap(NULL, 0, longest, 0644, "x", 1), -EINVAL);
	/* Names that only look odd are fine. */
	CHECK(wb_cpio_wrap(NULL, 0, "/a/.hidden/..x/...", 0644, "x", 1) > 0);
	CHECK_ERR(wb_cpio_wrap(NULL, 0, "big", 0644, "x", (size_t)1 << 32), -EFBIG);
}

static void test_short_buffer(void)
{
	long len = wb_cpio_wrap(NULL, 0, "/a/b", 0644, "data", 4);
	unsigned char *buf = malloc((size_t)len - 1);

	CHECK_ERR(wb_cpio_wrap(buf, (size_t)len - 1, "/a/b", 0644, "data", 4), -ENOSPC);
	CHECK_ERR(wb_cpio_wrap(buf, 0, "/a/b", 0644, "data", 4), -ENOSPC);
	free(buf);
}

static struct image *add_image(const char *name, const char *data,
			       const char *cmdline)
{
	struct image *image = wb_alloc_image(name);

	wb_image_write(image, 0, data, strlen(data));
	wb_image_set_cmdline(image, cmdline);
	wb_register_image(image);
	image_put(image);
	return image;
}

static void test_initramfs_of_images(void)
{
	struct image *kernel = add_image("vmlinuz", "MZkernel", "console=ttyS0");
	struct image *odd = add_image("odd", "12345", NULL);
	struct image *conf = add_image("conf", "k=v", "/etc/k.conf mode=0600");
	struct image *last = add_image("last", "end", "");
	long len = wb_initrd_build(kernel, NULL, 0);
	unsigned char *buf = malloc((size_t)len);
	struct record rec;
	size_t offset = 8;

	/* odd (5 bytes, padded to 8), conf's archive, then last at 4n. */
	CHECK_INT(wb_initrd_build(kernel, buf, (size_t)len), len);
	CHECK(memcmp(buf, "12345\0\0\0", 8) == 0);
	CHECK(next_record(buf, (size_t)len, &offset, &rec));
	CHECK_STR(rec.name, "etc");
	CHECK(next_record(buf, (size_t)len, &offset, &rec));
	CHECK_STR(rec.name, "etc/k.conf");
	CHECK_INT(rec.mode, 0100600);
	CHECK(memcmp(rec.data, "k=v", 3) == 0);
	CHECK(next_record(buf, (size_t)len, &offset, &rec));
	CHECK_STR(rec.name, "TRAILER!!!");
	CHECK_INT(offset + 3, len);
	CHECK(memcmp(buf + offset, "end", 3) == 0);
	CHECK_ERR(wb_initrd_build(kernel, buf, (size_t)len - 1), -ENOSPC);
	free(buf);

	/* A path that cannot be archived fails the whole initramfs. */
	wb_image_set_cmdline(last, "/bad/../path");
	CHECK_ERR(wb_initrd_build(kernel, NULL, 0), -EINVAL);
	wb_unregister_image(last);
	wb_unregister_image(conf);
	wb_unregister_image(odd);
	/* The kernel alone: nothing to offer. */
	CHECK_INT(wb_initrd_build(kernel, NULL, 0), 0);
	wb_unregister_image(kernel);
}

int main(void)
{
	test_file_with_directories();
	test_relative_name_and_empty_file();
	test_bad_paths();
	test_short_buffer();
	test_initramfs_of_images();
	return unit_finish();
}
