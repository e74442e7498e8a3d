/* Animated WebP through libwebp: see include/optrace_animation.h. */
#include "optrace_animation.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "optrace_library.h"

/* libwebp, opened at the first WebP (see optrace_library.h): the encoder's functions from libwebpmux (and the
 * libwebp it depends on), the decoder's from libwebpdemux. Each name is made a call through a pointer before the
 * headers are included, so that their inline functions (WebPConfigInit, WebPAnimEncoderNew, ...) call through the
 * pointers too; the headers then declare each pointer with its function's type. */
#define OPTRACE_WEBP_ENCODER_FUNCTIONS(X) \
    X(WebPAnimEncoderAdd) X(WebPAnimEncoderAssemble) X(WebPAnimEncoderDelete) X(WebPAnimEncoderGetError) \
    X(WebPAnimEncoderNewInternal) X(WebPAnimEncoderOptionsInitInternal) X(WebPConfigInitInternal) X(WebPFree) \
    X(WebPPictureFree) X(WebPPictureImportRGBA) X(WebPPictureInitInternal) X(WebPValidateConfig)
#define OPTRACE_WEBP_DECODER_FUNCTIONS(X) \
    X(WebPAnimDecoderDelete) X(WebPAnimDecoderGetInfo) X(WebPAnimDecoderGetNext) X(WebPAnimDecoderHasMoreFrames) \
    X(WebPAnimDecoderNewInternal) X(WebPAnimDecoderOptionsInitInternal)

#define WebPAnimEncoderAdd (*optrace_p_WebPAnimEncoderAdd)
#define WebPAnimEncoderAssemble (*optrace_p_WebPAnimEncoderAssemble)
#define WebPAnimEncoderDelete (*optrace_p_WebPAnimEncoderDelete)
#define WebPAnimEncoderGetError (*optrace_p_WebPAnimEncoderGetError)
#define WebPAnimEncoderNewInternal (*optrace_p_WebPAnimEncoderNewInternal)
#define WebPAnimEncoderOptionsInitInternal (*optrace_p_WebPAnimEncoderOptionsInitInternal)
#define WebPConfigInitInternal (*optrace_p_WebPConfigInitInternal)
#define WebPFree (*optrace_p_WebPFree)
#define WebPPictureFree (*optrace_p_WebPPictureFree)
#define WebPPictureImportRGBA (*optrace_p_WebPPictureImportRGBA)
#define WebPPictureInitInternal (*optrace_p_WebPPictureInitInternal)
#define WebPValidateConfig (*optrace_p_WebPValidateConfig)
#define WebPAnimDecoderDelete (*optrace_p_WebPAnimDecoderDelete)
#define WebPAnimDecoderGetInfo (*optrace_p_WebPAnimDecoderGetInfo)
#define WebPAnimDecoderGetNext (*optrace_p_WebPAnimDecoderGetNext)
#define WebPAnimDecoderHasMoreFrames (*optrace_p_WebPAnimDecoderHasMoreFrames)
#define WebPAnimDecoderNewInternal (*optrace_p_WebPAnimDecoderNewInternal)
#define WebPAnimDecoderOptionsInitInternal (*optrace_p_WebPAnimDecoderOptionsInitInternal)

#include <webp/demux.h>
#include <webp/encode.h>
#include <webp/mux.h>

OPTRACE_WEBP_ENCODER_FUNCTIONS(OPTRACE_LIBRARY_DEFINE)
OPTRACE_WEBP_DECODER_FUNCTIONS(OPTRACE_LIBRARY_DEFINE)

#if defined(__APPLE__)
#define OPTRACE_WEBP_MUX_FILE "libwebpmux.3.dylib"
#define OPTRACE_WEBP_DEMUX_FILE "libwebpdemux.2.dylib"
#else
#define OPTRACE_WEBP_MUX_FILE "libwebpmux.so.3"
#define OPTRACE_WEBP_DEMUX_FILE "libwebpdemux.so.2"
#endif
OPTRACE_LIBRARY_LOADER(optrace_webp_load, OPTRACE_WEBP_ENCODER_FUNCTIONS, "libwebpmux", OPTRACE_WEBP_MUX_FILE,
                       "OPTRACE_LIBWEBPMUX", "libwebpmux3")
OPTRACE_LIBRARY_LOADER(optrace_webp_decoder_load, OPTRACE_WEBP_DECODER_FUNCTIONS, "libwebpdemux", OPTRACE_WEBP_DEMUX_FILE,
                       "OPTRACE_LIBWEBPDEMUX", "libwebpdemux2")

struct optrace_webp_animation {
    WebPAnimEncoder *encoder;
    WebPConfig config;
    int width, height;
};

static void say(char *error, size_t capacity, const char *message, const char *detail) {
    if (!error || capacity == 0) return;
    if (detail && detail[0]) snprintf(error, capacity, "%s: %s", message, detail);
    else snprintf(error, capacity, "%s", message);
}

optrace_webp_animation *optrace_webp_begin(int width, int height, int method, float quality, int threads,
                                           char *error, size_t error_capacity) {
    if (!optrace_webp_load(error, error_capacity)) return NULL;
    optrace_webp_animation *animation = calloc(1, sizeof *animation);
    if (!animation) { say(error, error_capacity, "out of memory", NULL); return NULL; }
    WebPAnimEncoderOptions options;
    if (!WebPAnimEncoderOptionsInit(&options) || !WebPConfigInit(&animation->config)) {
        free(animation);
        say(error, error_capacity, "libwebp's headers and library disagree on their version", NULL);
        return NULL;
    }
    options.anim_params.loop_count = 0;
    options.anim_params.bgcolor = 0xffffffff;
    options.minimize_size = 0;
    options.allow_mixed = 0;
    animation->config.lossless = 1;
    animation->config.method = method;
    animation->config.quality = quality;
    animation->config.thread_level = threads ? 1 : 0;
    if (!WebPValidateConfig(&animation->config)) {
        free(animation);
        say(error, error_capacity, "libwebp refuses the encoder settings", NULL);
        return NULL;
    }
    animation->encoder = WebPAnimEncoderNew(width, height, &options);
    if (!animation->encoder) {
        free(animation);
        say(error, error_capacity, "libwebp cannot start an animation", NULL);
        return NULL;
    }
    animation->width = width;
    animation->height = height;
    return animation;
}

int optrace_webp_add(optrace_webp_animation *animation, const uint8_t *rgba, int timestamp_ms,
                     char *error, size_t error_capacity) {
    WebPPicture picture;
    if (!WebPPictureInit(&picture)) { say(error, error_capacity, "libwebp cannot make a picture", NULL); return 0; }
    picture.use_argb = 1;
    picture.width = animation->width;
    picture.height = animation->height;
    if (!WebPPictureImportRGBA(&picture, rgba, animation->width * 4)) {
        WebPPictureFree(&picture);
        say(error, error_capacity, "libwebp cannot import a frame", NULL);
        return 0;
    }
    int ok = WebPAnimEncoderAdd(animation->encoder, &picture, timestamp_ms, &animation->config);
    WebPPictureFree(&picture);
    if (!ok) {
        say(error, error_capacity, "libwebp cannot encode a frame", WebPAnimEncoderGetError(animation->encoder));
        return 0;
    }
    return 1;
}

int optrace_webp_end(optrace_webp_animation *animation, int end_ms, uint8_t **out, size_t *out_size,
                     char *error, size_t error_capacity) {
    WebPData data;
    WebPDataInit(&data);
    int ok = WebPAnimEncoderAdd(animation->encoder, NULL, end_ms, NULL)
        && WebPAnimEncoderAssemble(animation->encoder, &data);
    if (!ok) say(error, error_capacity, "libwebp cannot assemble the animation", WebPAnimEncoderGetError(animation->encoder));
    WebPAnimEncoderDelete(animation->encoder);
    free(animation);
    if (!ok) { WebPDataClear(&data); return 0; }
    uint8_t *copy = malloc(data.size ? data.size : 1);
    if (!copy) { WebPDataClear(&data); say(error, error_capacity, "out of memory", NULL); return 0; }
    memcpy(copy, data.bytes, data.size);
    *out = copy;
    *out_size = data.size;
    WebPDataClear(&data);
    return 1;
}

void optrace_webp_abandon(optrace_webp_animation *animation) {
    if (!animation) return;
    WebPAnimEncoderDelete(animation->encoder);
    free(animation);
}

int optrace_webp_decode(const uint8_t *data, size_t size, int *width, int *height, int *frame_count,
                        uint8_t **frames, int **end_timestamps, int *loop_count, char *error, size_t error_capacity) {
    if (!optrace_webp_decoder_load(error, error_capacity)) return 0;
    WebPAnimDecoderOptions options;
    if (!WebPAnimDecoderOptionsInit(&options)) {
        say(error, error_capacity, "libwebp's headers and library disagree on their version", NULL);
        return 0;
    }
    options.color_mode = MODE_RGBA;
    options.use_threads = 0;
    WebPData input = {data, size};
    WebPAnimDecoder *decoder = WebPAnimDecoderNew(&input, &options);
    if (!decoder) { say(error, error_capacity, "libwebp cannot read the file", NULL); return 0; }
    WebPAnimInfo info;
    if (!WebPAnimDecoderGetInfo(decoder, &info)) {
        WebPAnimDecoderDelete(decoder);
        say(error, error_capacity, "libwebp cannot read the animation's header", NULL);
        return 0;
    }
    size_t frame_bytes = (size_t)info.canvas_width * info.canvas_height * 4;
    int n = (int)info.frame_count;
    uint8_t *all = malloc(frame_bytes * (size_t)(n > 0 ? n : 1) + 1);
    int *stamps = calloc((size_t)(n > 0 ? n : 1), sizeof(int));
    if (!all || !stamps) {
        free(all); free(stamps);
        WebPAnimDecoderDelete(decoder);
        say(error, error_capacity, "out of memory", NULL);
        return 0;
    }
    int k = 0;
    while (k < n && WebPAnimDecoderHasMoreFrames(decoder)) {
        uint8_t *pixels = NULL;
        int timestamp = 0;
        if (!WebPAnimDecoderGetNext(decoder, &pixels, &timestamp)) {
            free(all); free(stamps);
            WebPAnimDecoderDelete(decoder);
            say(error, error_capacity, "libwebp cannot decode a frame", NULL);
            return 0;
        }
        memcpy(all + frame_bytes * (size_t)k, pixels, frame_bytes);
        stamps[k] = timestamp;
        k++;
    }
    WebPAnimDecoderDelete(decoder);
    *width = (int)info.canvas_width; *height = (int)info.canvas_height; *frame_count = k;
    *frames = all; *end_timestamps = stamps; *loop_count = (int)info.loop_count;
    return 1;
}
