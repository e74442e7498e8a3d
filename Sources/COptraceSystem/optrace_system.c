#define _GNU_SOURCE
#include "optrace_system.h"

#include <errno.h>
#include <fcntl.h>
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
