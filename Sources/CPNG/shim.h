#ifndef OPTRACE_CPNG_SHIM_H
#define OPTRACE_CPNG_SHIM_H
#include <png.h>
#include <zlib.h>
#endif
