#ifndef OPTRACE_SYSTEM_H
#define OPTRACE_SYSTEM_H

/* System calls that Swift cannot reach through its C library module. */

/* Allocates disk blocks for the first `size` bytes of the open file `fd` without changing its size (Linux
   fallocate with FALLOC_FL_KEEP_SIZE). Returns 0, or an errno value (EOPNOTSUPP where the file system or platform
   has no such call); nothing is written and the file's contents and size stay as they are, so a failure can be
   ignored. */
int optrace_reserve_file(int fd, long long size);

/* The number of processors this process may run on (its CPU affinity mask; the online processors where that cannot
   be read), at least 1. A system call, no file reads. */
int optrace_processor_count(void);

#endif
