#define _GNU_SOURCE
#include "optrace_system.h"
#include "optrace_library.h"

#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#if defined(__linux__)
#include <linux/falloc.h>
#endif

int optrace_reserve_file(int fd, long long size) {
#if defined(__linux__)
    if (size <= 0) return 0;
    return fallocate(fd, FALLOC_FL_KEEP_SIZE, 0, (off_t)size) == 0 ? 0 : errno;
#else
    (void)fd;
    (void)size;
    return EOPNOTSUPP;
#endif
}

int optrace_processor_count(void) {
#if defined(__linux__)
    cpu_set_t set;
    if (sched_getaffinity(0, sizeof set, &set) == 0) {
        int count = CPU_COUNT(&set);
        if (count > 0) return count;
    }
#endif
    long online = sysconf(_SC_NPROCESSORS_ONLN);
    return online > 0 ? (int)online : 1;
}

int optrace_library_load(optrace_library_state *state, const optrace_library *library, char *message, size_t size) {
    pthread_mutex_lock(&state->lock);
    if (state->status == 0) {
        const char *file = getenv(library->variable);
        if (file == NULL || file[0] == '\0') file = library->file;
        void *handle = dlopen(file, RTLD_NOW | RTLD_LOCAL);
        if (handle == NULL) {
            const char *reason = dlerror();
            snprintf(state->message, sizeof state->message, "cannot load %s (%s); install it (Debian: apt-get install %s)",
                     library->name, reason ? reason : file, library->package);
            state->status = -1;
        } else {
            state->status = 1;
            for (size_t i = 0; i < library->count; i++) {
                /* A handle's lookup covers the library and the libraries it depends on. */
                *library->slots[i] = dlsym(handle, library->symbols[i]);
                if (*library->slots[i] == NULL) {
                    snprintf(state->message, sizeof state->message, "cannot load %s: %s has no function %s (a newer version is needed)",
                             library->name, file, library->symbols[i]);
                    state->status = -1;
                    break;
                }
            }
        }
    }
    int status = state->status;
    pthread_mutex_unlock(&state->lock);
    if (status != 1 && message != NULL && size > 0) snprintf(message, size, "%s", state->message);
    return status == 1;
}
