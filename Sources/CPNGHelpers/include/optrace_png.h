#ifndef OPTRACE_PNG_HELPERS_H
#define OPTRACE_PNG_HELPERS_H
#include <stddef.h>
#include <stdint.h>

/* libpng calls wrapped in C so that libpng's error longjmp never crosses Swift frames.
   Errors return 0 and copy libpng's message into `error` (NUL-terminated, at most error_capacity bytes). */

/* Encodes 8-bit rows (channels = 3 for RGB or 4 for straight RGBA) as a PNG in memory.
   With channels = 4 and drop_alpha = 1 the fourth byte of every pixel is skipped and an RGB PNG is written.
   `filters` is a PNG_FILTER_* mask (or PNG_ALL_FILTERS); level 0-9; strategy a Z_* constant.
   should_stop (may be NULL) is called with stop_context between bands of rows; when it returns nonzero the
   encoding stops and -1 is returned (nothing to free).
   On success (1) *out receives a malloc'd buffer that the caller frees with optrace_png_free. */
int optrace_png_encode(const uint8_t *pixels, int width, int height, size_t stride, int channels, int drop_alpha,
                       int level, int strategy, int filters, int (*should_stop)(void *), void *stop_context,
                       uint8_t **out, size_t *out_size, char *error, size_t error_capacity);

/* Decodes any PNG libpng reads into straight 8-bit RGBA (stride = 4 × width). */
int optrace_png_decode(const uint8_t *data, size_t size, uint8_t **out_rgba, int *width, int *height,
                       char *error, size_t error_capacity);

void optrace_png_free(void *pointer);

/* Opens libpng (libpng16.so.16, or the file OPTRACE_LIBPNG names) if it is not open yet. Returns 1 when it is usable;
   otherwise 0, with one line saying why in `error`. The functions above load it themselves; a command calls this
   before it writes anything, so that a missing libpng stops it at once. */
int optrace_png_load(char *error, size_t error_capacity);

#endif
