#if canImport(Glibc)
import Glibc
#endif
import DaisCore
import DaisFuzzChecks
import FuzzDriver

/// The iCalendar importer: any bytes give a plan or a failure naming the line, never a crash; a plan
/// applies to the demo store and the result saves and loads back.
var argc = CommandLine.argc
var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
exit(LLVMFuzzerRunDriver(&argc, &argv) { data, size in
    // libFuzzer hands over a C buffer: copied into an array before anything reads it.
    let problems = FuzzChecks.ics(data == nil || size == 0 ? [] : Array(UnsafeBufferPointer(start: data, count: size)))
    if !problems.isEmpty { fatalError(problems.joined(separator: "; ")) }
    return 0
})
