/*
 * The application's main flow, independent of the platform it runs on: the
 * platform's entry point sets up console, heap and timer, then calls this.
 */

#include <wireboot/build.h>
#include <wireboot/main.h>

int wireboot_main(void)
{
	print_banner();
	return 0;
}
