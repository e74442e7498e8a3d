/* Cairo loaded on first use: see include/optrace_cairo.h. */
#include "optrace_cairo.h"

#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#if defined(__APPLE__)
#define OPTRACE_CAIRO_LIBRARY "libcairo.2.dylib"
#else
#define OPTRACE_CAIRO_LIBRARY "libcairo.so.2"
#endif

/* Every Cairo function optrace calls: F(return type, name, parameters, arguments) for functions with a value,
 * V(name, parameters, arguments) for void ones. The list is both the forwarding definitions and the table of
 * symbols looked up when Cairo is loaded. */
#define OPTRACE_CAIRO_FUNCTIONS(F, V) \
    F(cairo_t *, cairo_create, (cairo_surface_t *target), (target)) \
    V(cairo_destroy, (cairo_t *cr), (cr)) \
    V(cairo_arc, (cairo_t *cr, double xc, double yc, double radius, double angle1, double angle2), (cr, xc, yc, radius, angle1, angle2)) \
    V(cairo_clip, (cairo_t *cr), (cr)) \
    V(cairo_close_path, (cairo_t *cr), (cr)) \
    V(cairo_fill, (cairo_t *cr), (cr)) \
    V(cairo_fill_preserve, (cairo_t *cr), (cr)) \
    V(cairo_font_extents, (cairo_t *cr, cairo_font_extents_t *extents), (cr, extents)) \
    V(cairo_font_face_destroy, (cairo_font_face_t *font_face), (font_face)) \
    F(cairo_status_t, cairo_font_face_set_user_data, (cairo_font_face_t *font_face, const cairo_user_data_key_t *key, void *user_data, cairo_destroy_func_t destroy), (font_face, key, user_data, destroy)) \
    F(cairo_font_options_t *, cairo_font_options_create, (void), ()) \
    V(cairo_font_options_destroy, (cairo_font_options_t *options), (options)) \
    V(cairo_font_options_set_antialias, (cairo_font_options_t *options, cairo_antialias_t antialias), (options, antialias)) \
    V(cairo_font_options_set_hint_metrics, (cairo_font_options_t *options, cairo_hint_metrics_t hint_metrics), (options, hint_metrics)) \
    V(cairo_font_options_set_hint_style, (cairo_font_options_t *options, cairo_hint_style_t hint_style), (options, hint_style)) \
    F(cairo_scaled_font_t *, cairo_get_scaled_font, (cairo_t *cr), (cr)) \
    V(cairo_identity_matrix, (cairo_t *cr), (cr)) \
    F(cairo_surface_t *, cairo_image_surface_create, (cairo_format_t format, int width, int height), (format, width, height)) \
    F(cairo_surface_t *, cairo_image_surface_create_for_data, (unsigned char *data, cairo_format_t format, int width, int height, int stride), (data, format, width, height, stride)) \
    F(unsigned char *, cairo_image_surface_get_data, (cairo_surface_t *surface), (surface)) \
    F(int, cairo_image_surface_get_stride, (cairo_surface_t *surface), (surface)) \
    V(cairo_line_to, (cairo_t *cr, double x, double y), (cr, x, y)) \
    V(cairo_move_to, (cairo_t *cr, double x, double y), (cr, x, y)) \
    V(cairo_new_path, (cairo_t *cr), (cr)) \
    V(cairo_new_sub_path, (cairo_t *cr), (cr)) \
    V(cairo_paint, (cairo_t *cr), (cr)) \
    V(cairo_rectangle, (cairo_t *cr, double x, double y, double width, double height), (cr, x, y, width, height)) \
    V(cairo_restore, (cairo_t *cr), (cr)) \
    V(cairo_rotate, (cairo_t *cr, double angle), (cr, angle)) \
    V(cairo_save, (cairo_t *cr), (cr)) \
    V(cairo_scale, (cairo_t *cr, double sx, double sy), (cr, sx, sy)) \
    F(cairo_font_type_t, cairo_scaled_font_get_type, (cairo_scaled_font_t *scaled_font), (scaled_font)) \
    V(cairo_select_font_face, (cairo_t *cr, const char *family, cairo_font_slant_t slant, cairo_font_weight_t weight), (cr, family, slant, weight)) \
    V(cairo_set_dash, (cairo_t *cr, const double *dashes, int num_dashes, double offset), (cr, dashes, num_dashes, offset)) \
    V(cairo_set_font_face, (cairo_t *cr, cairo_font_face_t *font_face), (cr, font_face)) \
    V(cairo_set_font_options, (cairo_t *cr, const cairo_font_options_t *options), (cr, options)) \
    V(cairo_set_font_size, (cairo_t *cr, double size), (cr, size)) \
    V(cairo_set_line_cap, (cairo_t *cr, cairo_line_cap_t line_cap), (cr, line_cap)) \
    V(cairo_set_line_join, (cairo_t *cr, cairo_line_join_t line_join), (cr, line_join)) \
    V(cairo_set_line_width, (cairo_t *cr, double width), (cr, width)) \
    V(cairo_set_source_rgba, (cairo_t *cr, double red, double green, double blue, double alpha), (cr, red, green, blue, alpha)) \
    V(cairo_set_source_surface, (cairo_t *cr, cairo_surface_t *surface, double x, double y), (cr, surface, x, y)) \
    V(cairo_show_text, (cairo_t *cr, const char *utf8), (cr, utf8)) \
    V(cairo_stroke, (cairo_t *cr), (cr)) \
    V(cairo_stroke_preserve, (cairo_t *cr), (cr)) \
    V(cairo_surface_destroy, (cairo_surface_t *surface), (surface)) \
    V(cairo_surface_finish, (cairo_surface_t *surface), (surface)) \
    V(cairo_surface_flush, (cairo_surface_t *surface), (surface)) \
    V(cairo_surface_mark_dirty, (cairo_surface_t *surface), (surface)) \
    V(cairo_text_extents, (cairo_t *cr, const char *utf8, cairo_text_extents_t *extents), (cr, utf8, extents)) \
    V(cairo_translate, (cairo_t *cr, double tx, double ty), (cr, tx, ty))

/* FreeType and cairo-ft, declared here with FreeType's own types reduced to what optrace needs, so that the
 * build needs no FreeType header. FT_FaceRec's first fields have had this layout since FreeType 2.0. */
typedef struct optrace_ft_library *FT_Library;
typedef struct {
    long num_faces, face_index, face_flags, style_flags, num_glyphs;
    const char *family_name;
} *FT_Face;

#define OPTRACE_FT_FUNCTIONS(F, V) \
    F(int, FT_Init_FreeType, (FT_Library *library), (library)) \
    F(int, FT_New_Face, (FT_Library library, const char *path, long index, FT_Face *face), (library, path, index, face)) \
    F(int, FT_Done_Face, (FT_Face face), (face)) \
    F(cairo_font_face_t *, cairo_ft_font_face_create_for_ft_face, (FT_Face face, int load_flags), (face, load_flags)) \
    F(FT_Face, cairo_ft_scaled_font_lock_face, (cairo_scaled_font_t *scaled_font), (scaled_font)) \
    V(cairo_ft_scaled_font_unlock_face, (cairo_scaled_font_t *scaled_font), (scaled_font))

#define POINTER_F(type, name, params, args) static type (*p_##name) params;
#define POINTER_V(name, params, args) static void (*p_##name) params;
OPTRACE_CAIRO_FUNCTIONS(POINTER_F, POINTER_V)
OPTRACE_FT_FUNCTIONS(POINTER_F, POINTER_V)

struct symbol { const char *name; void **pointer; };
#define SYMBOL_F(type, name, params, args) { #name, (void **)&p_##name },
#define SYMBOL_V(name, params, args) { #name, (void **)&p_##name },
static const struct symbol symbols[] = {
    OPTRACE_CAIRO_FUNCTIONS(SYMBOL_F, SYMBOL_V)
    OPTRACE_FT_FUNCTIONS(SYMBOL_F, SYMBOL_V)
};

static pthread_once_t load_once = PTHREAD_ONCE_INIT;
static int load_status = -1;
static char load_message[512];

static void load_library(void) {
    /* OPTRACE_CAIRO names another copy of the library (a path, or a name the dynamic loader searches for). */
    const char *name = getenv("OPTRACE_CAIRO");
    if (name == NULL || name[0] == '\0') name = OPTRACE_CAIRO_LIBRARY;
    void *handle = dlopen(name, RTLD_NOW | RTLD_LOCAL);
    if (handle == NULL) {
        const char *reason = dlerror();
        snprintf(load_message, sizeof load_message, "cannot load Cairo (%s); install it (Debian: apt-get install libcairo2) or draw nothing with --no-render",
                 reason ? reason : name);
        return;
    }
    for (size_t i = 0; i < sizeof symbols / sizeof symbols[0]; i++) {
        /* A handle's lookup covers the library and its dependencies: FreeType comes with Cairo. */
        *symbols[i].pointer = dlsym(handle, symbols[i].name);
        if (*symbols[i].pointer == NULL) {
            snprintf(load_message, sizeof load_message, "cannot load Cairo: %s has no %s (Cairo 1.16 or later with FreeType is needed)",
                     name, symbols[i].name);
            return;
        }
    }
    load_status = 0;
}

int optrace_cairo_load(char *message, size_t size) {
    pthread_once(&load_once, load_library);
    if (load_status != 0 && message != NULL && size > 0) {
        snprintf(message, size, "%s", load_message);
    }
    return load_status;
}

/* Drawing without Cairo cannot go on: callers check optrace_cairo_load first, so this is the last resort. */
static inline void require_library(void) {
    if (__builtin_expect(optrace_cairo_load(NULL, 0) != 0, 0)) {
        fprintf(stderr, "optrace: %s\n", load_message);
        exit(1);
    }
}

#define FORWARD_F(type, name, params, args) type name params { require_library(); return p_##name args; }
#define FORWARD_V(name, params, args) void name params { require_library(); p_##name args; }
OPTRACE_CAIRO_FUNCTIONS(FORWARD_F, FORWARD_V)

/* FreeType's library object and faces are shared by the threads that draw: `ft_lock` guards them. It is held
 * around FreeType calls only, never while calling into Cairo, since Cairo runs a face's destroy callback
 * (which takes the lock) with its own font mutex held. */
static pthread_mutex_t ft_lock = PTHREAD_MUTEX_INITIALIZER;
static FT_Library ft_library;
static const cairo_user_data_key_t ft_face_key;

static void release_face(void *face) {
    pthread_mutex_lock(&ft_lock);
    p_FT_Done_Face((FT_Face)face);
    pthread_mutex_unlock(&ft_lock);
}

cairo_font_face_t *optrace_cairo_font_face_create_from_file(const char *path) {
    require_library();
    FT_Face face = NULL;
    pthread_mutex_lock(&ft_lock);
    int ok = ft_library != NULL || p_FT_Init_FreeType(&ft_library) == 0;
    if (ok && p_FT_New_Face(ft_library, path, 0, &face) != 0) face = NULL;
    pthread_mutex_unlock(&ft_lock);
    if (face == NULL) return NULL;
    cairo_font_face_t *font_face = p_cairo_ft_font_face_create_for_ft_face(face, 0);
    if (font_face == NULL) {
        release_face(face);
        return NULL;
    }
    /* The FT_Face lives as long as Cairo holds the font face. */
    if (p_cairo_font_face_set_user_data(font_face, &ft_face_key, face, release_face) != CAIRO_STATUS_SUCCESS) {
        p_cairo_font_face_destroy(font_face);
        release_face(face);
        return NULL;
    }
    return font_face;
}

size_t optrace_cairo_scaled_font_family(cairo_scaled_font_t *scaled_font, char *buffer, size_t size) {
    require_library();
    if (size == 0 || scaled_font == NULL || p_cairo_scaled_font_get_type(scaled_font) != CAIRO_FONT_TYPE_FT) return 0;
    FT_Face face = p_cairo_ft_scaled_font_lock_face(scaled_font);
    if (face == NULL) return 0;
    size_t length = 0;
    if (face->family_name != NULL) {
        length = strlen(face->family_name);
        if (length > size - 1) length = size - 1;
        memcpy(buffer, face->family_name, length);
    }
    buffer[length] = '\0';
    p_cairo_ft_scaled_font_unlock_face(scaled_font);
    return length;
}
