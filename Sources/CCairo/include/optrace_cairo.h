#ifndef OPTRACE_CAIRO_H
#define OPTRACE_CAIRO_H

/* Cairo's API, loaded at the first drawing rather than at start-up.
 *
 * The functions optrace calls are defined in cairo_runtime.c under their own names; each forwards to the
 * function of the same name in libcairo.so.2, opened with dlopen the first time anything is drawn. Commands
 * that draw nothing (`--no-render`, `--version`, `tune merge`, ...) therefore never load Cairo, FreeType,
 * fontconfig and the X11 libraries Cairo links to, which took about 3 ms of every start. FreeType is reached
 * only through the two helpers below, so no FreeType header is needed. */

#include <stddef.h>
#include <cairo/cairo.h>

/* Loads Cairo if it is not loaded yet. Returns 0 when it is usable; otherwise -1 with a one-line reason
 * (the library that could not be opened or the symbol that is missing) in `message`. */
int optrace_cairo_load(char *message, size_t size);

/* A Cairo font face for the font file at `path`, from a FreeType face of its own (freed when Cairo releases
 * the font face), or NULL when FreeType cannot read the file. */
cairo_font_face_t *optrace_cairo_font_face_create_from_file(const char *path);

/* The family name FreeType reports for the face behind `scaled_font`, copied into `buffer` (NUL-terminated,
 * cut to `size` - 1 bytes). Returns its length, or 0 when the font is not a FreeType font. */
size_t optrace_cairo_scaled_font_family(cairo_scaled_font_t *scaled_font, char *buffer, size_t size);

#endif
