/*
 * The chain-load test program: proves that an image we started really ran
 * and what it was given. It prints a fixed marker with its load options,
 * then powers the machine off so that the test ends by itself.
 */

#include <stdio.h>
#include <stdlib.h>
#include <wireboot/efi.h>
#include <wireboot/main.h>

int wireboot_main(void)
{
	char *options = efi_load_options();

	printf("\nWIREBOOT-TESTPROG: started, load options: [%s]\n",
	       options ? options : "");
	free(options);
	efi_poweroff();
	return 0;
}
