#if canImport(Glibc)
import Glibc
#endif
import DaisCore
import DaisFuzzChecks
import FuzzDriver

/// The zone and time parser: a zone (alias, abbreviation, IANA id, offset) on the first line, a local
/// date and time on the second; lookups, resolution and conversion never crash.
var argc = CommandLine.argc
var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
exit(LLVMFuzzerRunDriver(&argc, &argv) { data, size in
    // libFuzzer hands over a C buffer: copied into an array before anything reads it.
    let problems = FuzzChecks.time(data == nil || size == 0 ? [] : Array(UnsafeBufferPointer(start: data, count: size)))
    if !problems.isEmpty { fatalError(problems.joined(separator: "; ")) }
    return 0
})
