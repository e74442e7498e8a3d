#ifndef OPTRACE_ANIMATION_CODECS_H
#define OPTRACE_ANIMATION_CODECS_H
#include <stddef.h>
#include <stdint.h>

/* giflib and libwebp calls wrapped in C, with their output collected in memory.
   Every function returns 1 on success; on failure 0, with the library's message copied into `error`
   (NUL-terminated, at most error_capacity bytes). Buffers returned through `out` are malloc'd: free them
   with optrace_animation_free. */

void optrace_animation_free(void *pointer);

/* Open giflib (libgif.so.7, or the file OPTRACE_GIFLIB names), libwebp's encoder (libwebpmux.so.3 with the libwebp
   it needs, or OPTRACE_LIBWEBPMUX's file) and its decoder (libwebpdemux.so.2, or OPTRACE_LIBWEBPDEMUX's file) if they
   are not open yet. Each returns 1 when its library is usable; otherwise 0 with one line saying why in `error`. The
   functions below load their library themselves; a command calls these before it writes anything, so that a
   missing library stops it at once. */
int optrace_gif_load(char *error, size_t error_capacity);
int optrace_webp_load(char *error, size_t error_capacity);
int optrace_webp_decoder_load(char *error, size_t error_capacity);

/* ---- GIF (giflib) ---- */

/* The start of a GIF89a file: the logical screen (width × height), the 256-entry global colour table
   (`palette`: 768 bytes, R G B per entry) and the NETSCAPE2.0 extension with `loop_count` (0: forever). */
int optrace_gif_header(int width, int height, const uint8_t *palette, int loop_count,
                       uint8_t **out, size_t *out_size, char *error, size_t error_capacity);

/* One frame of that file: a graphics control extension (delay in hundredths of a second, disposal mode,
   transparent index or -1) and the image (its rectangle on the canvas and one palette index per pixel,
   row-major, LZW-compressed by giflib). Frames encode independently of each other, so they may be
   encoded on any thread and concatenated in order; the file ends with the byte 0x3B. */
int optrace_gif_frame(int canvas_width, int canvas_height, const uint8_t *palette,
                      int left, int top, int width, int height, const uint8_t *indices,
                      int delay_centiseconds, int disposal, int transparent_index,
                      uint8_t **out, size_t *out_size, char *error, size_t error_capacity);

/* Decodes a GIF with giflib and composites its frames as a viewer shows them (disposal modes and
   transparency honoured, the canvas transparent at first): `*frames` receives frame_count images of
   straight RGBA (width × height × 4 bytes each), `*delays` their delays in hundredths of a second,
   `*loop_count` the NETSCAPE2.0 loop count (-1 without one). */
int optrace_gif_decode(const uint8_t *data, size_t size, int *width, int *height, int *frame_count,
                       uint8_t **frames, int **delays, int *loop_count, char *error, size_t error_capacity);

/* ---- Animated WebP (libwebp's WebPAnimEncoder / WebPAnimDecoder) ---- */

typedef struct optrace_webp_animation optrace_webp_animation;

/* A lossless animation of width × height: `method` 0–6 and `quality` 0–100 set the encoder's effort,
   `threads` nonzero lets libwebp use a second thread. */
optrace_webp_animation *optrace_webp_begin(int width, int height, int method, float quality, int threads,
                                           char *error, size_t error_capacity);

/* Adds a frame (straight RGBA, width × height × 4 bytes) shown from `timestamp_ms`. */
int optrace_webp_add(optrace_webp_animation *animation, const uint8_t *rgba, int timestamp_ms,
                     char *error, size_t error_capacity);

/* Ends the animation at `end_ms` (the last frame's display ends there) and assembles the file.
   Frees the animation whatever the outcome. */
int optrace_webp_end(optrace_webp_animation *animation, int end_ms, uint8_t **out, size_t *out_size,
                     char *error, size_t error_capacity);

/* Frees an animation that will not be ended. */
void optrace_webp_abandon(optrace_webp_animation *animation);

/* Decodes an animated (or still) WebP into straight RGBA frames, each as shown (composited), with the
   timestamp (ms) at which each frame's display ends, and the loop count. */
int optrace_webp_decode(const uint8_t *data, size_t size, int *width, int *height, int *frame_count,
                        uint8_t **frames, int **end_timestamps, int *loop_count, char *error, size_t error_capacity);

#endif
