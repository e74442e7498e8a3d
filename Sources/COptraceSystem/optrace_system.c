#define _GNU_SOURCE
#include "optrace_system.h"

#include <errno.h>
#include <fcntl.h>
#include <sched.h>
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
