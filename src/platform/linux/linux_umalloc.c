/* Large buffers in the hosted build: the C library's heap, where the
 * sanitizers see every overrun (see wireboot/umalloc.h). */

#include <stdlib.h>
#include <wireboot/umalloc.h>

void *umalloc(size_t len)
{
	return len ? malloc(len) : NULL;
}

void ufree(void *ptr, size_t len)
{
	(void)len;
	free(ptr);
}
