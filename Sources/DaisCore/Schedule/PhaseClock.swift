import Foundation

/// Wall-clock times of a command's phases, written to standard error when `DAIS_PHASES` is set, for
/// profiling (`DAIS_PHASES=1 dais check`); nothing is measured otherwise.
public struct PhaseClock {
    public static let enabled = ProcessInfo.processInfo.environment["DAIS_PHASES"] != nil
    private let label: String
    private var last: UInt64
    private var lastFaults = PhaseClock.enabled ? ProcessMemory.pageFaults : 0

    public init(_ label: String) {
        self.label = label
        last = PhaseClock.enabled ? DispatchTime.now().uptimeNanoseconds : 0
    }

    /// Reports the time since the last lap (or since the clock was made) under `phase`.
    public mutating func lap(_ phase: StaticString) {
        guard PhaseClock.enabled else { return }
        let now = DispatchTime.now().uptimeNanoseconds, faults = ProcessMemory.pageFaults
        FileHandle.standardError.write(Data("dais: \(label): \(phase) \(Double(now - last) / 1e6) ms, \(faults - lastFaults) page faults\n".utf8))
        (last, lastFaults) = (now, faults)
    }
}
