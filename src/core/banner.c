/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The start-up banner: what is running, from the image's build record. */

#include <stdio.h>
#include <wireboot/build.h>
#include <wireboot/embedded.h>
#include <wireboot/features.h>

void print_banner(void)
{
	const struct build_feature *feature;
	const struct embedded_image *image;

	printf("\nwireboot %.*s -- network boot firmware (%.*s, config: %.*s)\n",
	       (int)sizeof(build_info.version), build_info.version,
	       (int)sizeof(build_info.target), build_info.target,
	       (int)sizeof(build_info.config), build_info.config);
	printf("Features:");
	for_each_build_feature(feature)
		printf(" %.*s", (int)sizeof(feature->name), feature->name);
	printf("\n");
	for_each_table_entry(image, embedded_images)
		printf("Embedded: %s (%zu bytes)\n", image->name, image->len);
}
