#ifndef DAIS_ALLOCATOR_H
#define DAIS_ALLOCATOR_H

/// Asks the C library's allocator (glibc's malloc) to keep the memory this process frees for the
/// process's next allocations: large blocks come from the heap instead of being mapped and unmapped
/// one by one, and the heap's free top is not handed back to the kernel. A page handed back and
/// taken again costs a page fault (a few microseconds on a virtual machine); a store's load frees
/// its file buffer just before the check needs tens of megabytes. Call it first thing, before any
/// other thread runs. Returns 1 when the allocator took both settings, 0 otherwise (another C
/// library: nothing changes).
int dais_keep_freed_memory(void);

/// Bytes the allocator holds in blocks mapped one by one (glibc's mallinfo2 hblkhd); 0 elsewhere.
unsigned long dais_mapped_block_bytes(void);

#endif
