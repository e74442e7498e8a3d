#include "optrace_png.h"
#include <png.h>
#include <stdlib.h>
#include <string.h>

#include "optrace_library.h"

/* libpng, opened at the first picture (see optrace_library.h): every libpng function below is called through a
 * pointer of its own type, filled from libpng16.so.16 (the version of the headers this file is compiled with). */
#define OPTRACE_PNG_FUNCTIONS(X) \
    X(png_create_info_struct) X(png_create_read_struct) X(png_create_write_struct) X(png_destroy_read_struct) \
    X(png_destroy_write_struct) X(png_error) X(png_get_color_type) X(png_get_error_ptr) X(png_get_image_height) \
    X(png_get_image_width) X(png_get_io_ptr) X(png_get_rowbytes) X(png_get_valid) X(png_longjmp) X(png_read_end) \
    X(png_read_image) X(png_read_info) X(png_read_update_info) X(png_set_IHDR) X(png_set_compression_level) \
    X(png_set_compression_strategy) X(png_set_expand) X(png_set_filler) X(png_set_filter) X(png_set_gray_to_rgb) \
    X(png_set_interlace_handling) X(png_set_longjmp_fn) X(png_set_read_fn) X(png_set_strip_16) X(png_set_write_fn) \
    X(png_sig_cmp) X(png_write_end) X(png_write_info) X(png_write_rows)

OPTRACE_PNG_FUNCTIONS(OPTRACE_LIBRARY_POINTER)

#if defined(__APPLE__)
#define OPTRACE_PNG_FILE "libpng16.16.dylib"
#else
#define OPTRACE_PNG_FILE "libpng16.so.16"
#endif
OPTRACE_LIBRARY_LOADER(optrace_png_load, OPTRACE_PNG_FUNCTIONS, "libpng", OPTRACE_PNG_FILE, "OPTRACE_LIBPNG", "libpng16-16")

#define png_create_info_struct (*optrace_p_png_create_info_struct)
#define png_create_read_struct (*optrace_p_png_create_read_struct)
#define png_create_write_struct (*optrace_p_png_create_write_struct)
#define png_destroy_read_struct (*optrace_p_png_destroy_read_struct)
#define png_destroy_write_struct (*optrace_p_png_destroy_write_struct)
#define png_error (*optrace_p_png_error)
#define png_get_color_type (*optrace_p_png_get_color_type)
#define png_get_error_ptr (*optrace_p_png_get_error_ptr)
#define png_get_image_height (*optrace_p_png_get_image_height)
#define png_get_image_width (*optrace_p_png_get_image_width)
#define png_get_io_ptr (*optrace_p_png_get_io_ptr)
#define png_get_rowbytes (*optrace_p_png_get_rowbytes)
#define png_get_valid (*optrace_p_png_get_valid)
#define png_longjmp (*optrace_p_png_longjmp)
#define png_read_end (*optrace_p_png_read_end)
#define png_read_image (*optrace_p_png_read_image)
#define png_read_info (*optrace_p_png_read_info)
#define png_read_update_info (*optrace_p_png_read_update_info)
#define png_set_IHDR (*optrace_p_png_set_IHDR)
#define png_set_compression_level (*optrace_p_png_set_compression_level)
#define png_set_compression_strategy (*optrace_p_png_set_compression_strategy)
#define png_set_expand (*optrace_p_png_set_expand)
#define png_set_filler (*optrace_p_png_set_filler)
#define png_set_filter (*optrace_p_png_set_filter)
#define png_set_gray_to_rgb (*optrace_p_png_set_gray_to_rgb)
#define png_set_interlace_handling (*optrace_p_png_set_interlace_handling)
#define png_set_longjmp_fn (*optrace_p_png_set_longjmp_fn)
#define png_set_read_fn (*optrace_p_png_set_read_fn)
#define png_set_strip_16 (*optrace_p_png_set_strip_16)
#define png_set_write_fn (*optrace_p_png_set_write_fn)
#define png_sig_cmp (*optrace_p_png_sig_cmp)
#define png_write_end (*optrace_p_png_write_end)
#define png_write_info (*optrace_p_png_write_info)
#define png_write_rows (*optrace_p_png_write_rows)

typedef struct {
    char *error;
    size_t error_capacity;
} error_sink;

typedef struct {
    uint8_t *data;
    size_t size;
    size_t capacity;
    int failed;
} byte_buffer;

typedef struct {
    const uint8_t *data;
    size_t size;
    size_t offset;
} byte_reader;

/* Rows written between two looks at should_stop. */
#define OPTRACE_PNG_BAND_ROWS 16

static void record_error(png_structp png, png_const_charp message) {
    error_sink *sink = (error_sink *)png_get_error_ptr(png);
    if (sink && sink->error && sink->error_capacity > 0) {
        strncpy(sink->error, message ? message : "libpng error", sink->error_capacity - 1);
        sink->error[sink->error_capacity - 1] = 0;
    }
    png_longjmp(png, 1);
}

static void ignore_warning(png_structp png, png_const_charp message) {
    (void)png;
    (void)message;
}

static void write_bytes(png_structp png, png_bytep bytes, size_t length) {
    byte_buffer *buffer = (byte_buffer *)png_get_io_ptr(png);
    if (buffer->size + length > buffer->capacity) {
        size_t capacity = buffer->capacity ? buffer->capacity : 65536;
        while (capacity < buffer->size + length) capacity *= 2;
        uint8_t *grown = (uint8_t *)realloc(buffer->data, capacity);
        if (!grown) png_error(png, "out of memory while writing PNG");
        buffer->data = grown;
        buffer->capacity = capacity;
    }
    memcpy(buffer->data + buffer->size, bytes, length);
    buffer->size += length;
}

static void flush_nothing(png_structp png) { (void)png; }

static void read_bytes(png_structp png, png_bytep bytes, size_t length) {
    byte_reader *reader = (byte_reader *)png_get_io_ptr(png);
    if (reader->offset + length > reader->size) png_error(png, "truncated PNG data");
    memcpy(bytes, reader->data + reader->offset, length);
    reader->offset += length;
}

int optrace_png_encode(const uint8_t *pixels, int width, int height, size_t stride, int channels, int drop_alpha,
                       int level, int strategy, int filters, int (*should_stop)(void *), void *stop_context,
                       uint8_t **out, size_t *out_size, char *error, size_t error_capacity) {
    if (!optrace_png_load(error, error_capacity)) return 0;
    error_sink sink = {error, error_capacity};
    volatile int stopped = 0;
    byte_buffer buffer = {NULL, 0, 0, 0};
    png_bytep *volatile rows = NULL;
    png_structp png = png_create_write_struct(PNG_LIBPNG_VER_STRING, &sink, record_error, ignore_warning);
    if (!png) {
        if (error && error_capacity) { strncpy(error, "png_create_write_struct failed", error_capacity - 1); error[error_capacity - 1] = 0; }
        return 0;
    }
    png_infop info = png_create_info_struct(png);
    if (!info) {
        png_destroy_write_struct(&png, NULL);
        return 0;
    }
    if (setjmp(png_jmpbuf(png))) {
        png_destroy_write_struct(&png, &info);
        free(buffer.data);
        free(rows);
        return stopped ? -1 : 0;
    }
    if (channels != 3 && channels != 4) png_error(png, "channels must be 3 or 4");
    png_set_write_fn(png, &buffer, write_bytes, flush_nothing);
    png_set_IHDR(png, info, (png_uint_32)width, (png_uint_32)height, 8,
                 (channels == 4 && !drop_alpha) ? PNG_COLOR_TYPE_RGB_ALPHA : PNG_COLOR_TYPE_RGB,
                 PNG_INTERLACE_NONE, PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
    png_set_compression_level(png, level);
    png_set_compression_strategy(png, strategy);
    png_set_filter(png, PNG_FILTER_TYPE_BASE, filters);
    rows = (png_bytep *)malloc(sizeof(png_bytep) * (size_t)(height > 0 ? height : 1));
    if (!rows) png_error(png, "out of memory");
    for (int y = 0; y < height; y++) rows[y] = (png_bytep)(pixels + (size_t)y * stride);
    png_write_info(png, info);
    if (channels == 4 && drop_alpha) png_set_filler(png, 0, PNG_FILLER_AFTER); /* strip the 4th byte */
    /* Rows go in bands, with a look at should_stop between bands. */
    for (int y = 0; y < height; y += OPTRACE_PNG_BAND_ROWS) {
        if (should_stop && should_stop(stop_context)) {
            stopped = 1;
            png_error(png, "cancelled");
        }
        int band = height - y < OPTRACE_PNG_BAND_ROWS ? height - y : OPTRACE_PNG_BAND_ROWS;
        png_write_rows(png, rows + y, (png_uint_32)band);
    }
    png_write_end(png, info);
    png_destroy_write_struct(&png, &info);
    free(rows);
    *out = buffer.data;
    *out_size = buffer.size;
    return 1;
}

int optrace_png_decode(const uint8_t *data, size_t size, uint8_t **out_rgba, int *width, int *height,
                       char *error, size_t error_capacity) {
    if (!optrace_png_load(error, error_capacity)) return 0;
    error_sink sink = {error, error_capacity};
    byte_reader reader = {data, size, 0};
    uint8_t *volatile pixels = NULL;
    png_bytep *volatile rows = NULL;
    if (size < 8 || png_sig_cmp(data, 0, 8) != 0) {
        if (error && error_capacity) { strncpy(error, "not a PNG signature", error_capacity - 1); error[error_capacity - 1] = 0; }
        return 0;
    }
    png_structp png = png_create_read_struct(PNG_LIBPNG_VER_STRING, &sink, record_error, ignore_warning);
    if (!png) return 0;
    png_infop info = png_create_info_struct(png);
    if (!info) {
        png_destroy_read_struct(&png, NULL, NULL);
        return 0;
    }
    if (setjmp(png_jmpbuf(png))) {
        png_destroy_read_struct(&png, &info, NULL);
        free(pixels);
        free(rows);
        return 0;
    }
    png_set_read_fn(png, &reader, read_bytes);
    png_read_info(png, info);
    png_uint_32 w = png_get_image_width(png, info), h = png_get_image_height(png, info);
    int color = png_get_color_type(png, info);
    png_set_expand(png);
    png_set_strip_16(png);
    if (color == PNG_COLOR_TYPE_GRAY || color == PNG_COLOR_TYPE_GRAY_ALPHA) png_set_gray_to_rgb(png);
    if (!(color & PNG_COLOR_MASK_ALPHA) && !png_get_valid(png, info, PNG_INFO_tRNS))
        png_set_filler(png, 0xFF, PNG_FILLER_AFTER);
    png_set_interlace_handling(png);
    png_read_update_info(png, info);
    if (png_get_rowbytes(png, info) != (size_t)w * 4) png_error(png, "unexpected row size after transforms");
    pixels = (uint8_t *)malloc((size_t)w * h * 4 + 1);
    rows = (png_bytep *)malloc(sizeof(png_bytep) * (h ? h : 1));
    if (!pixels || !rows) png_error(png, "out of memory");
    for (png_uint_32 y = 0; y < h; y++) rows[y] = pixels + (size_t)y * w * 4;
    png_read_image(png, rows);
    png_read_end(png, NULL);
    png_destroy_read_struct(&png, &info, NULL);
    free(rows);
    *out_rgba = pixels;
    *width = (int)w;
    *height = (int)h;
    return 1;
}

void optrace_png_free(void *pointer) { free(pointer); }
