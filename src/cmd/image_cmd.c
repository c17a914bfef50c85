/* Images from scripts: imgfetch, chain, imgexec, imgfree, imgstat. */

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wireboot/command.h>
#include <usr/imgmgmt.h>
#include <wireboot/image.h>

PROVIDE_OBJECT(image_cmd);

/* "[--name NAME] URI [args...]": fetches and sets the arguments. */
static int fetch_with_args(int argc, char **argv, struct image **image)
{
	const char *name = NULL;
	char *cmdline;
	int first = 1, rc;

	if (argc > 2 && (strcmp(argv[1], "--name") == 0 ||
			 strcmp(argv[1], "-n") == 0)) {
		name = argv[2];
		first = 3;
	}
	if (argc <= first)
		return command_usage(argv[0], "[--name <name>] <uri> [args...]");
	cmdline = concat_args(argc - first - 1, argv + first + 1);
	if (!cmdline)
		return -ENOMEM;
	rc = image_fetch(argv[first], name, image);
	if (rc == 0)
		rc = image_set_cmdline(*image, cmdline);
	free(cmdline);
	return rc;
}

static int imgfetch_exec(int argc, char **argv)
{
	struct image *image;

	return fetch_with_args(argc, argv, &image);
}

/* Fetches and runs; the image goes away if it returns. */
static int chain_exec(int argc, char **argv)
{
	struct image *image;
	int rc = fetch_with_args(argc, argv, &image);

	return rc ? rc : image_run_once(image);
}

static int imgexec_exec(int argc, char **argv)
{
	struct image *image;
	char *cmdline;
	int rc;

	if (argc < 2)
		return command_usage(argv[0], "<name> [args...]");
	image = find_image(argv[1]);
	if (!image) {
		printf("%s: no such image\n", argv[1]);
		return -ENOENT;
	}
	if (argc > 2) {
		cmdline = concat_args(argc - 2, argv + 2);
		if (!cmdline)
			return -ENOMEM;
		rc = image_set_cmdline(image, cmdline);
		free(cmdline);
		if (rc)
			return rc;
	}
	return image_run(image);
}

/* Without a name: every image. */
static int imgfree_exec(int argc, char **argv)
{
	struct image *image, *tmp;

	if (argc > 2)
		return command_usage(argv[0], "[name]");
	if (argc == 2) {
		image = find_image(argv[1]);
		if (!image) {
			printf("%s: no such image\n", argv[1]);
			return -ENOENT;
		}
		unregister_image(image);
		return 0;
	}
	list_for_each_entry_safe(image, tmp, &images, list)
		unregister_image(image);
	return 0;
}

static int imgstat_exec(int argc, char **argv)
{
	struct image *image;

	if (argc != 1)
		return command_usage(argv[0], "");
	for_each_image(image) {
		printf("%s: %zu bytes", image->name, image->len);
		if (image->type)
			printf(" [%s]", image->type->name);
		if (image->cmdline)
			printf(" \"%s\"", image->cmdline);
		printf("\n");
	}
	return 0;
}

COMMAND(imgfetch_command) = { .name = "imgfetch", .exec = imgfetch_exec };
COMMAND(chain_command) = { .name = "chain", .exec = chain_exec };
COMMAND(imgexec_command) = { .name = "imgexec", .exec = imgexec_exec };
COMMAND(imgfree_command) = { .name = "imgfree", .exec = imgfree_exec };
COMMAND(imgstat_command) = { .name = "imgstat", .exec = imgstat_exec };
