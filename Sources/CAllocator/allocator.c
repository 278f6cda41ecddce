#include "allocator.h"
#include <limits.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif

int dais_keep_freed_memory(void) {
#ifdef __GLIBC__
    // M_MMAP_MAX 0: no block gets a mapping of its own. M_TRIM_THRESHOLD: the free top of the heap
    // is given back only past 2 GB.
    return mallopt(M_MMAP_MAX, 0) == 1 && mallopt(M_TRIM_THRESHOLD, INT_MAX) == 1;
#else
    return 0;
#endif
}

unsigned long dais_mapped_block_bytes(void) {
#ifdef __GLIBC__
    return (unsigned long)mallinfo2().hblkhd;
#else
    return 0;
#endif
}
