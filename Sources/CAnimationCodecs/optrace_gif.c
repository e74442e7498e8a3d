/* GIF through giflib: see include/optrace_animation.h. */
#include "optrace_animation.h"

#include <gif_lib.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "optrace_library.h"

/* giflib, opened at the first GIF (see optrace_library.h): every giflib function below is called through a pointer
 * of its own type. */
#define OPTRACE_GIF_FUNCTIONS(X) \
    X(DGifCloseFile) X(DGifOpen) X(DGifSavedExtensionToGCB) X(DGifSlurp) X(EGifCloseFile) X(EGifGCBToExtension) \
    X(EGifOpen) X(EGifPutExtension) X(EGifPutExtensionBlock) X(EGifPutExtensionLeader) X(EGifPutExtensionTrailer) \
    X(EGifPutImageDesc) X(EGifPutLine) X(EGifPutScreenDesc) X(EGifSetGifVersion) X(GifErrorString) \
    X(GifFreeMapObject) X(GifMakeMapObject)

OPTRACE_GIF_FUNCTIONS(OPTRACE_LIBRARY_POINTER)

#if defined(__APPLE__)
#define OPTRACE_GIF_FILE "libgif.dylib"
#else
#define OPTRACE_GIF_FILE "libgif.so.7"
#endif
OPTRACE_LIBRARY_LOADER(optrace_gif_load, OPTRACE_GIF_FUNCTIONS, "giflib", OPTRACE_GIF_FILE, "OPTRACE_GIFLIB", "libgif7")

#define DGifCloseFile (*optrace_p_DGifCloseFile)
#define DGifOpen (*optrace_p_DGifOpen)
#define DGifSavedExtensionToGCB (*optrace_p_DGifSavedExtensionToGCB)
#define DGifSlurp (*optrace_p_DGifSlurp)
#define EGifCloseFile (*optrace_p_EGifCloseFile)
#define EGifGCBToExtension (*optrace_p_EGifGCBToExtension)
#define EGifOpen (*optrace_p_EGifOpen)
#define EGifPutExtension (*optrace_p_EGifPutExtension)
#define EGifPutExtensionBlock (*optrace_p_EGifPutExtensionBlock)
#define EGifPutExtensionLeader (*optrace_p_EGifPutExtensionLeader)
#define EGifPutExtensionTrailer (*optrace_p_EGifPutExtensionTrailer)
#define EGifPutImageDesc (*optrace_p_EGifPutImageDesc)
#define EGifPutLine (*optrace_p_EGifPutLine)
#define EGifPutScreenDesc (*optrace_p_EGifPutScreenDesc)
#define EGifSetGifVersion (*optrace_p_EGifSetGifVersion)
#define GifErrorString (*optrace_p_GifErrorString)
#define GifFreeMapObject (*optrace_p_GifFreeMapObject)
#define GifMakeMapObject (*optrace_p_GifMakeMapObject)

void optrace_animation_free(void *pointer) { free(pointer); }

/* Bytes giflib writes, kept while `recording` is set. */
typedef struct {
    uint8_t *data;
    size_t count, capacity;
    int recording, failed;
} byte_sink;

static int sink_write(GifFileType *gif, const GifByteType *bytes, int length) {
    byte_sink *sink = (byte_sink *)gif->UserData;
    if (!sink->recording) return length;
    if (sink->count + (size_t)length > sink->capacity) {
        size_t capacity = sink->capacity ? sink->capacity : 4096;
        while (capacity < sink->count + (size_t)length) capacity *= 2;
        uint8_t *grown = realloc(sink->data, capacity);
        if (!grown) { sink->failed = 1; return 0; }
        sink->data = grown;
        sink->capacity = capacity;
    }
    memcpy(sink->data + sink->count, bytes, (size_t)length);
    sink->count += (size_t)length;
    return length;
}

static void set_error(char *error, size_t capacity, const char *what, int code) {
    if (!error || capacity == 0) return;
    const char *reason = GifErrorString(code);
    snprintf(error, capacity, "%s: %s", what, reason ? reason : "unknown giflib error");
}

/* Opens an encoder writing into `sink` (not recording) and puts the screen descriptor with the palette. */
static GifFileType *open_screen(byte_sink *sink, int width, int height, const uint8_t *palette,
                                char *error, size_t error_capacity) {
    int code = 0;
    GifFileType *gif = EGifOpen(sink, sink_write, &code);
    if (!gif) { set_error(error, error_capacity, "giflib cannot open an encoder", code); return NULL; }
    EGifSetGifVersion(gif, true);
    ColorMapObject *map = GifMakeMapObject(256, NULL);
    if (!map) {
        EGifCloseFile(gif, &code);
        set_error(error, error_capacity, "giflib cannot make a colour map", D_GIF_ERR_NOT_ENOUGH_MEM);
        return NULL;
    }
    for (int i = 0; i < 256; i++) {
        map->Colors[i].Red = palette[3 * i];
        map->Colors[i].Green = palette[3 * i + 1];
        map->Colors[i].Blue = palette[3 * i + 2];
    }
    int ok = EGifPutScreenDesc(gif, width, height, 8, 0, map);
    GifFreeMapObject(map);
    if (ok != GIF_OK) {
        code = gif->Error;
        EGifCloseFile(gif, NULL);
        set_error(error, error_capacity, "giflib cannot write the screen descriptor", code);
        return NULL;
    }
    return gif;
}

/* Gives up an encoder after a failed call: closes it, drops what was recorded, says what failed. */
static int abandon(GifFileType *gif, byte_sink *sink, const char *what, char *error, size_t error_capacity) {
    int code = gif->Error;
    sink->recording = 0;
    EGifCloseFile(gif, NULL);
    free(sink->data);
    set_error(error, error_capacity, what, code);
    return 0;
}

/* Closes the encoder without keeping its trailer and hands the recorded bytes out. */
static int finish(GifFileType *gif, byte_sink *sink, uint8_t **out, size_t *out_size, char *error, size_t error_capacity) {
    sink->recording = 0;
    int code = 0;
    if (EGifCloseFile(gif, &code) != GIF_OK && !sink->failed) {
        free(sink->data);
        set_error(error, error_capacity, "giflib cannot close the encoder", code);
        return 0;
    }
    if (sink->failed) {
        free(sink->data);
        set_error(error, error_capacity, "out of memory", E_GIF_ERR_NOT_ENOUGH_MEM);
        return 0;
    }
    *out = sink->data;
    *out_size = sink->count;
    return 1;
}

int optrace_gif_header(int width, int height, const uint8_t *palette, int loop_count,
                       uint8_t **out, size_t *out_size, char *error, size_t error_capacity) {
    if (!optrace_gif_load(error, error_capacity)) return 0;
    byte_sink sink = {0};
    sink.recording = 1;
    GifFileType *gif = open_screen(&sink, width, height, palette, error, error_capacity);
    if (!gif) { free(sink.data); return 0; }
    unsigned char loop[3] = {1, (unsigned char)(loop_count & 0xff), (unsigned char)((loop_count >> 8) & 0xff)};
    if (EGifPutExtensionLeader(gif, APPLICATION_EXT_FUNC_CODE) != GIF_OK
        || EGifPutExtensionBlock(gif, 11, "NETSCAPE2.0") != GIF_OK
        || EGifPutExtensionBlock(gif, 3, loop) != GIF_OK
        || EGifPutExtensionTrailer(gif) != GIF_OK) {
        return abandon(gif, &sink, "giflib cannot write the loop extension", error, error_capacity);
    }
    return finish(gif, &sink, out, out_size, error, error_capacity);
}

int optrace_gif_frame(int canvas_width, int canvas_height, const uint8_t *palette,
                      int left, int top, int width, int height, const uint8_t *indices,
                      int delay_centiseconds, int disposal, int transparent_index,
                      uint8_t **out, size_t *out_size, char *error, size_t error_capacity) {
    if (!optrace_gif_load(error, error_capacity)) return 0;
    byte_sink sink = {0};
    GifFileType *gif = open_screen(&sink, canvas_width, canvas_height, palette, error, error_capacity);
    if (!gif) { free(sink.data); return 0; }
    sink.recording = 1;
    GraphicsControlBlock control = {0};
    control.DisposalMode = disposal;
    control.UserInputFlag = false;
    control.DelayTime = delay_centiseconds;
    control.TransparentColor = transparent_index;
    GifByteType extension[4];
    size_t length = EGifGCBToExtension(&control, extension);
    int ok = EGifPutExtension(gif, GRAPHICS_EXT_FUNC_CODE, (int)length, extension) == GIF_OK
        && EGifPutImageDesc(gif, left, top, width, height, false, NULL) == GIF_OK;
    for (int y = 0; ok && y < height; y++) {
        ok = EGifPutLine(gif, (GifPixelType *)(indices + (size_t)y * (size_t)width), width) == GIF_OK;
    }
    if (!ok) return abandon(gif, &sink, "giflib cannot encode the frame", error, error_capacity);
    return finish(gif, &sink, out, out_size, error, error_capacity);
}

/* ---- decoding ---- */

typedef struct {
    const uint8_t *data;
    size_t size, offset;
} byte_source;

static int source_read(GifFileType *gif, GifByteType *bytes, int length) {
    byte_source *source = (byte_source *)gif->UserData;
    size_t left = source->size - source->offset;
    size_t n = (size_t)length < left ? (size_t)length : left;
    memcpy(bytes, source->data + source->offset, n);
    source->offset += n;
    return (int)n;
}

static int loop_count_in(const ExtensionBlock *blocks, int count) {
    for (int i = 0; i + 1 < count; i++) {
        if (blocks[i].Function == APPLICATION_EXT_FUNC_CODE && blocks[i].ByteCount == 11
            && memcmp(blocks[i].Bytes, "NETSCAPE2.0", 11) == 0
            && blocks[i + 1].Function == CONTINUE_EXT_FUNC_CODE && blocks[i + 1].ByteCount >= 3
            && blocks[i + 1].Bytes[0] == 1) {
            return blocks[i + 1].Bytes[1] | (blocks[i + 1].Bytes[2] << 8);
        }
    }
    return -1;
}

int optrace_gif_decode(const uint8_t *data, size_t size, int *width, int *height, int *frame_count,
                       uint8_t **frames, int **delays, int *loop_count, char *error, size_t error_capacity) {
    if (!optrace_gif_load(error, error_capacity)) return 0;
    byte_source source = {data, size, 0};
    int code = 0;
    GifFileType *gif = DGifOpen(&source, source_read, &code);
    if (!gif) { set_error(error, error_capacity, "giflib cannot read the file", code); return 0; }
    if (DGifSlurp(gif) != GIF_OK) {
        code = gif->Error;
        DGifCloseFile(gif, NULL);
        set_error(error, error_capacity, "giflib cannot decode the file", code);
        return 0;
    }
    int w = gif->SWidth, h = gif->SHeight, n = gif->ImageCount;
    size_t frame_bytes = (size_t)w * (size_t)h * 4;
    uint8_t *canvas = calloc(frame_bytes ? frame_bytes : 1, 1);
    uint8_t *saved = malloc(frame_bytes ? frame_bytes : 1);
    uint8_t *all = malloc(frame_bytes * (size_t)(n > 0 ? n : 1) + 1);
    int *all_delays = calloc((size_t)(n > 0 ? n : 1), sizeof(int));
    if (!canvas || !saved || !all || !all_delays) {
        free(canvas); free(saved); free(all); free(all_delays);
        DGifCloseFile(gif, NULL);
        set_error(error, error_capacity, "out of memory", D_GIF_ERR_NOT_ENOUGH_MEM);
        return 0;
    }
    int loops = -1;
    for (int k = 0; k < n; k++) {
        SavedImage *image = &gif->SavedImages[k];
        if (loops < 0) loops = loop_count_in(image->ExtensionBlocks, image->ExtensionBlockCount);
        GraphicsControlBlock control = {DISPOSAL_UNSPECIFIED, false, 0, NO_TRANSPARENT_COLOR};
        DGifSavedExtensionToGCB(gif, k, &control);
        ColorMapObject *map = image->ImageDesc.ColorMap ? image->ImageDesc.ColorMap : gif->SColorMap;
        if (control.DisposalMode == DISPOSE_PREVIOUS) memcpy(saved, canvas, frame_bytes);
        GifImageDesc *d = &image->ImageDesc;
        for (int y = 0; y < d->Height; y++) {
            int cy = d->Top + y;
            if (cy < 0 || cy >= h) continue;
            for (int x = 0; x < d->Width; x++) {
                int cx = d->Left + x;
                if (cx < 0 || cx >= w) continue;
                int index = image->RasterBits[(size_t)y * (size_t)d->Width + (size_t)x];
                if (index == control.TransparentColor) continue;
                uint8_t *p = canvas + ((size_t)cy * (size_t)w + (size_t)cx) * 4;
                if (map && index < map->ColorCount) {
                    p[0] = map->Colors[index].Red; p[1] = map->Colors[index].Green; p[2] = map->Colors[index].Blue;
                } else {
                    p[0] = p[1] = p[2] = 0;
                }
                p[3] = 255;
            }
        }
        memcpy(all + frame_bytes * (size_t)k, canvas, frame_bytes);
        all_delays[k] = control.DelayTime;
        if (control.DisposalMode == DISPOSE_BACKGROUND) {
            for (int y = 0; y < d->Height; y++) {
                int cy = d->Top + y;
                if (cy < 0 || cy >= h) continue;
                for (int x = 0; x < d->Width; x++) {
                    int cx = d->Left + x;
                    if (cx >= 0 && cx < w) memset(canvas + ((size_t)cy * (size_t)w + (size_t)cx) * 4, 0, 4);
                }
            }
        } else if (control.DisposalMode == DISPOSE_PREVIOUS) {
            memcpy(canvas, saved, frame_bytes);
        }
    }
    if (loops < 0) loops = loop_count_in(gif->ExtensionBlocks, gif->ExtensionBlockCount);
    free(canvas);
    free(saved);
    DGifCloseFile(gif, NULL);
    *width = w; *height = h; *frame_count = n;
    *frames = all; *delays = all_delays; *loop_count = loops;
    return 1;
}
