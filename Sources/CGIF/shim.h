#ifndef OPTRACE_CGIF_SHIM_H
#define OPTRACE_CGIF_SHIM_H
#include <gif_lib.h>
#endif
