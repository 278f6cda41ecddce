import Foundation

/// Wall-clock times of the whole-store check's phases, written to standard error when `DAIS_PHASES`
/// is set, for profiling (`DAIS_PHASES=1 dais check`); nothing is measured otherwise.
struct PhaseClock {
    static let enabled = ProcessInfo.processInfo.environment["DAIS_PHASES"] != nil
    private var last: UInt64

    init() { last = PhaseClock.enabled ? DispatchTime.now().uptimeNanoseconds : 0 }

    /// Reports the time since the last lap (or since the clock was made) under `phase`.
    mutating func lap(_ phase: StaticString) {
        guard PhaseClock.enabled else { return }
        let now = DispatchTime.now().uptimeNanoseconds
        FileHandle.standardError.write(Data("dais: check: \(phase) \(Double(now - last) / 1e6) ms\n".utf8))
        last = now
    }
}
