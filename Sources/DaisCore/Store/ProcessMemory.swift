import CAllocator
#if canImport(Glibc)
import Glibc
#endif

/// How the process treats memory it frees.
public enum ProcessMemory {
    /// Keeps freed memory in the process for its next allocations, instead of handing it back to the
    /// kernel and faulting it in again (`dais_keep_freed_memory`). Loading a 100,000-panel store
    /// frees its 126 MB file buffer; the full check that follows then needs 32 MB, which it took as
    /// 8,000 fresh pages (a few microseconds each on this VM) and now mostly finds in the heap.
    /// The `dais` command and the benchmark's processes call it first thing. Returns whether the
    /// allocator took it.
    @discardableResult
    public static func keepFreedMemory() -> Bool { dais_keep_freed_memory() == 1 }

    /// Bytes held in blocks mapped one by one, which go back to the kernel when freed. Once freed
    /// memory is kept, no new block is mapped except one too large for a worker thread's heap (64 MB).
    /// Page faults of the process so far that needed no disk: each is a page touched for the first
    /// time (fresh memory), which costs a microsecond or more on this VM.
    public static var pageFaults: Int {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return usage.ru_minflt
    }

    static var mappedBlockBytes: Int { Int(dais_mapped_block_bytes()) }
}
