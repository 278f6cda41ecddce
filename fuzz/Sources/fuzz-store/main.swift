#if canImport(Glibc)
import Glibc
#endif
import DaisCore
import DaisFuzzChecks
import FuzzDriver

/// The store loader: any bytes give a catalog or a StoreError, never a crash; what loads saves and
/// loads back to the same catalog, in the same bytes; and the checks and exporters run on it.
var argc = CommandLine.argc
var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
exit(LLVMFuzzerRunDriver(&argc, &argv) { data, size in
    // libFuzzer hands over a C buffer: copied into an array before anything reads it.
    let problems = FuzzChecks.store(data == nil || size == 0 ? [] : Array(UnsafeBufferPointer(start: data, count: size)))
    if !problems.isEmpty { fatalError(problems.joined(separator: "; ")) }
    return 0
})
