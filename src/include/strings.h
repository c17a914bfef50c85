#ifndef STRINGS_H
#define STRINGS_H

#include <string.h>

#endif
