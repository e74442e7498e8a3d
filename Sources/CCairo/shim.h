#ifndef OPTRACE_CCAIRO_SHIM_H
#define OPTRACE_CCAIRO_SHIM_H
#include <cairo/cairo.h>
#include <cairo/cairo-ft.h>
#endif
