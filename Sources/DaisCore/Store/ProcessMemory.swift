#if canImport(Glibc)
import Glibc
#endif

/// What the process has asked of memory, for the profiling switches (`DAIS_PHASES`) and the benchmark.
public enum ProcessMemory {
    /// Page faults of the process so far that needed no disk: each is a page touched for the first
    /// time (fresh memory).
    public static var pageFaults: Int {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)  // a C API: the struct is filled in through its address
        return usage.ru_minflt
    }
}
