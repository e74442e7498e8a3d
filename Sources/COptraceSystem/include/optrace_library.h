#ifndef OPTRACE_LIBRARY_H
#define OPTRACE_LIBRARY_H

#include <pthread.h>
#include <stddef.h>

/* A shared library opened at its first use rather than at start-up, and the functions optrace calls in it.
 *
 * The image libraries (libpng, giflib, libwebp) are reached this way, as Cairo is: a command that writes no picture
 * (`tune --no-render`, `--version`, `tune merge`, ...) never maps them, which took about 0.6 ms of every start.
 * Each library's functions are called through the pointers `optrace_library_load` fills. */
typedef struct {
    /* The library's name in messages ("libpng"). */
    const char *name;
    /* The file to open (a soname the dynamic loader searches for), and the environment variable that names another
     * copy instead (a path, or a name the dynamic loader searches for). */
    const char *file;
    const char *variable;
    /* The Debian package that installs it. */
    const char *package;
    /* The functions to look up, and the pointer variable each one's address goes to (`count` of each). */
    const char *const *symbols;
    void **const *slots;
    size_t count;
} optrace_library;

/* Whether a library is loaded yet, and the outcome once it is (one per library, statically initialised with
 * OPTRACE_LIBRARY_STATE_INIT). */
typedef struct {
    pthread_mutex_t lock;
    int status; /* 0: not tried, 1: loaded, -1: failed */
    char message[512];
} optrace_library_state;

#define OPTRACE_LIBRARY_STATE_INIT { PTHREAD_MUTEX_INITIALIZER, 0, { 0 } }

/* For a list of functions X(name) ... in a C file: a pointer variable of each function's own type (optrace_p_name),
 * declared from the library's header after it is included (OPTRACE_LIBRARY_POINTER), or defined as the header
 * declared it when each name was made `(*optrace_p_name)` before the header was included (OPTRACE_LIBRARY_DEFINE,
 * for headers whose inline functions call the library); each function's name; its variable's address. */
#define OPTRACE_LIBRARY_POINTER(name) static __typeof__(&name) optrace_p_##name;
#define OPTRACE_LIBRARY_DEFINE(name) __typeof__(optrace_p_##name) optrace_p_##name;
#define OPTRACE_LIBRARY_SYMBOL(name) #name,
#define OPTRACE_LIBRARY_SLOT(name) (void **)&optrace_p_##name,

/* Defines `int load(char *error, size_t error_capacity)`, which opens the library (`name` in messages, `file`, or
 * the file the environment variable `variable` names; Debian's `package` installs it) with the functions of the
 * list LIST, through optrace_library_load. */
#define OPTRACE_LIBRARY_LOADER(load, LIST, name, file, variable, package) \
    static const char *const load##_symbols[] = { LIST(OPTRACE_LIBRARY_SYMBOL) }; \
    static void **const load##_slots[] = { LIST(OPTRACE_LIBRARY_SLOT) }; \
    static optrace_library_state load##_state = OPTRACE_LIBRARY_STATE_INIT; \
    int load(char *error, size_t error_capacity) { \
        static const optrace_library library = { \
            name, file, variable, package, load##_symbols, load##_slots, sizeof load##_symbols / sizeof load##_symbols[0] \
        }; \
        return optrace_library_load(&load##_state, &library, error, error_capacity); \
    }

/* Opens `library` the first time it is asked for (any thread) and looks up its functions. Returns 1 when every
 * function was found; otherwise 0, with one line saying why (the file that could not be opened and the package to
 * install, or the function that is missing) copied into `message` (NUL-terminated, at most `size` bytes). */
int optrace_library_load(optrace_library_state *state, const optrace_library *library, char *message, size_t size);

#endif
