import CNcursesw
import DaisCore
import DaisTUI
import Dispatch
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// Runs the console: draws the state, reads keys, reduces, and performs effects until quit or a signal.
public enum Console {
    /// Runs until the user quits (exit status 0) or a signal stops the console (128 + signal); unsaved
    /// edits are kept in the recovery file beside the store when a signal stops it. `lock` is the
    /// store's lock when this console holds it (nil for a read-only console); it is released at the end.
    public static func run(_ initial: AppState, terminal: Terminal, lock: StoreLock?) -> Int32 {
        var state = initial
        let holder = LockHolder(lock)
        defer { holder.lock?.release() }
        let signals = SignalWatcher()
        var needsDraw = true
        let (w, h) = terminal.size
        let startup = reduce(&state, .resize(width: w, height: h))
        let mailbox = Mailbox()
        let recovery = RecoveryWriter(storePath: state.store.path, holder: holder, mailbox: mailbox)
        var pending: [Action] = []
        for effect in startup { pending += perform(effect, mailbox, holder) }
        while !state.quitting {
            // The terminal's size is checked directly too: a resize signal can reach another thread.
            let (width, height) = terminal.size
            if width != state.width || height != state.height {
                terminal.invalidate()
                _ = reduce(&state, .resize(width: width, height: height))
                needsDraw = true
            }
            if needsDraw {
                terminal.draw(ConsoleView.render(state))
                needsDraw = false
            }
            if let signal = signals.received {
                // What is typed in open dialogs is kept too, where it makes a valid record.
                var final = state
                let unkept = final.commitOpenForms()
                let problem = recovery.writeNow(final)
                terminal.end()
                Console.farewell(final, recoveryPath: recovery.path, problem: problem, unkept: unkept)
                return 128 + signal
            }
            // Unsaved edits go to the recovery file too, off the main thread, a moment after the last
            // edit: a crash or a lost machine then costs seconds of work, not a session.
            recovery.update(state)
            pending += mailbox.take()
            if pending.isEmpty, let event = terminal.readEvent() {
                switch event {
                case .key(let key): pending.append(.key(key))
                case .resize(let width, let height):
                    terminal.invalidate()
                    pending.append(.resize(width: width, height: height))
                }
            }
            guard !pending.isEmpty else { continue }
            while !pending.isEmpty {
                let effects = reduce(&state, pending.removeFirst())
                for effect in effects {
                    // Saving a large store takes a moment: say so on screen before starting.
                    if let text = effect.waitingText {
                        _ = reduce(&state, .waiting(text))
                        terminal.draw(ConsoleView.render(state))
                    }
                    pending += perform(effect, mailbox, holder)
                }
            }
            needsDraw = true
        }
        recovery.finish(state)
        terminal.end()
        return 0
    }

    /// What a console stopped by a signal says on standard error, once the terminal is back: where
    /// the unsaved edits are, or that they could not be kept, and what was typed and not kept.
    static func farewell(_ state: AppState, recoveryPath: String, problem: String?, unkept: [String]) {
        var lines: [String] = []
        if let problem {
            lines.append("dais: unsaved edits could NOT be kept in \(recoveryPath): \(problem)")
        } else if state.isModified {
            lines.append("dais: unsaved edits kept in \(recoveryPath); dais offers them next time")
        }
        for text in unkept { lines.append("dais: not kept: \(text)") }
        guard !lines.isEmpty else { return }
        let text = DisplayText.inert(lines.joined(separator: "\n"), singleLine: false) + "\n"
        _ = text.utf8CString.withUnsafeBufferPointer { write(2, $0.baseAddress, $0.count - 1) }
    }

    /// Performs one effect; its outcome comes back as actions.
    static func perform(_ effect: Effect, _ mailbox: Mailbox, _ holder: LockHolder) -> [Action] {
        switch effect {
        case .sortFindings(let schedule, let version):
            DispatchQueue.global(qos: .utility).async {
                mailbox.post(.findingsSorted(schedule.findings, version: version))
            }
            return []
        case .takeLock(let path):
            let now = Instant(secondsSinceEpoch: Int64(time(nil)))
            let outcome = StoreLock.acquire(storePath: path, program: "dais console", now: now)
            if case .acquired(let lock, _) = outcome { holder.lock = lock }
            return [.lockAttempted(refusal: outcome.refusal)]
        case .buildSearchCorpora(let catalog, let panels, let people, let organizations, let version):
            DispatchQueue.global(qos: .utility).async {
                mailbox.post(.searchCorporaReady(SearchCorpora(catalog: catalog, panels: panels, people: people,
                                                               organizations: organizations, version: version)))
            }
            return []
        case .save(let catalog, let base, let store):
            do {
                let stamped = Revision.stamped(catalog, since: base, at: Instant(secondsSinceEpoch: Int64(time(nil))))
                let fingerprint = try StoreFile(path: store.path).save(stamped, expecting: store.fingerprint)
                RecoveryFile(storePath: store.path).remove()
                return [.saved(fingerprint, path: store.path, catalog: stamped)]
            } catch {
                return [.saveFailed(error)]
            }
        case .saveAs(let catalog, let path):
            do {
                return [.saved(try StoreFile(path: path).save(catalog, expecting: nil), path: path)]
            } catch {
                return [.saveFailed(error)]
            }
        case .loadChangesBase(let since, let storePath):
            do {
                let base = try ChangesBase.load(since, storePath: storePath)
                return [.changesBaseLoaded(base.catalog, label: base.label)]
            } catch {
                return [.changesBaseFailed(error.description)]
            }
        case .reload(let path):
            do {
                return [.reloaded(try StoreFile(path: path).load())]
            } catch {
                return [.reloadFailed(error)]
            }
        case .loadForMerge(let path):
            do {
                return [.mergeLoaded(try StoreFile(path: path).load())]
            } catch {
                return [.reloadFailed(error)]
            }
        case .discardRecovery(let storePath):
            RecoveryFile(storePath: storePath).remove()
            return [.recoveryDiscarded]
        case .export(let catalog, let format, let ids, let zones, let title, let path, let replacing):
            let now = Instant(secondsSinceEpoch: Int64(time(nil)))
            let agenda = Agenda(catalog: catalog, panels: ids.compactMap { catalog.panels[$0] }, zones: zones, title: title, now: now)
            do {
                try ExportFile.write(agenda.export(format), to: path, replacing: replacing)
                return [.exported(path: path, panels: ids.count)]
            } catch {
                return [.exportFailed(error, format, ids, path: path)]
            }
        case .quit:
            return []
        }
    }
}

/// The store's lock while this console holds it.
final class LockHolder {
    var lock: StoreLock?
    init(_ lock: StoreLock?) { self.lock = lock }
}

/// Keeps the recovery file beside the store in step with unsaved edits: written in the background
/// two seconds after the last edit (at least every 30 seconds while edits go on), removed when there
/// is nothing unsaved any more. A read-only console (another holds the store) writes none. A write
/// that fails (a full disk, a folder made read-only) is reported to the state (`recoveryWrite`) and
/// tried again every five seconds until one succeeds.
final class RecoveryWriter {
    private let file: RecoveryFile
    private let holder: LockHolder
    private let mailbox: Mailbox
    /// Only the console that holds the store writes its recovery file.
    private var enabled: Bool { holder.lock != nil }
    private let queue = DispatchQueue(label: "dais.recovery")
    private var seenVersion = -1
    private var lastChange: UInt64 = 0
    private var lastWrite: UInt64 = 0
    private var writtenVersion: Int?
    /// Whether the last write failed (set on the writer's queue, read on the main thread).
    private final class Flag: Sendable {
        let value = Atomic<Bool>(false)
    }

    private let failing = Flag()

    init(storePath: String, holder: LockHolder, mailbox: Mailbox) {
        file = RecoveryFile(storePath: storePath)
        self.holder = holder
        self.mailbox = mailbox
    }

    /// The recovery file's path.
    var path: String { file.path }

    private var now: UInt64 { DispatchTime.now().uptimeNanoseconds }

    func update(_ state: AppState) {
        guard enabled else { return }
        let time = now
        if state.version != seenVersion {
            seenVersion = state.version
            lastChange = time
        }
        if !state.isModified {
            if writtenVersion != nil {
                writtenVersion = nil
                let file = self.file
                queue.async { file.remove() }
            }
            return
        }
        let retrying = failing.value.load(ordering: .relaxed) && time - lastWrite >= 5_000_000_000
        guard retrying || writtenVersion != state.version,
              time - lastChange >= 2_000_000_000 || time - lastWrite >= 30_000_000_000 else { return }
        // A recovery file of an earlier session that the organizer has not restored or discarded yet
        // is never overwritten.
        if writtenVersion == nil && file.exists { return }
        writtenVersion = state.version
        lastWrite = time
        let catalog = state.catalog, file = self.file, mailbox = self.mailbox, failing = self.failing
        queue.async {
            do throws(StoreError) {
                try file.write(catalog)
                if failing.value.exchange(false, ordering: .relaxed) { mailbox.post(.recoveryWrite(problem: nil)) }
            } catch {
                failing.value.store(true, ordering: .relaxed)
                mailbox.post(.recoveryWrite(problem: RecoveryWriter.reason(error)))
            }
        }
    }

    /// On a signal: the edits now, after any write under way. Nil when they are kept (or there
    /// were none), else why they could not be.
    func writeNow(_ state: AppState) -> String? {
        guard enabled else { return state.isModified ? "this console was read-only" : nil }
        queue.sync {}
        guard state.isModified else { return nil }
        do {
            try file.write(state.catalog)
            return nil
        } catch {
            return RecoveryWriter.reason(error)
        }
    }

    /// On quitting: the organizer saved or chose to drop the edits; no recovery file stays.
    func finish(_ state: AppState) {
        guard enabled else { return }
        queue.sync {}
        if writtenVersion != nil { file.remove() }
    }

    /// The reason in a failed write ("No space left on device").
    static func reason(_ error: StoreError) -> String {
        if case .writeFailed(_, let reason) = error { return reason }
        return error.description
    }
}

/// Actions finished by background work, picked up by the loop between keys.
final class Mailbox: Sendable {
    private let actions = Mutex<[Action]>([])

    func post(_ action: Action) { actions.withLock { $0.append(action) } }

    func take() -> [Action] { actions.withLock { list in defer { list = [] }; return list } }
}

/// Watches SIGINT, SIGTERM and SIGHUP without letting them kill the process: the console polls
/// `received` between keys, keeps unsaved edits and gives the terminal back before exiting.
final class SignalWatcher {
    /// The signal number last received (0 for none), shared with the handlers.
    private final class Flag: Sendable {
        let value = Atomic<Int32>(0)
    }

    private let last = Flag()
    private let sources: [any DispatchSourceSignal]

    init() {
        dais_ignore_stop_signals()
        var sources: [any DispatchSourceSignal] = []
        let queue = DispatchQueue(label: "dais.signals")
        for sig in [SIGINT, SIGTERM, SIGHUP] {
            let source = DispatchSource.makeSignalSource(signal: sig, queue: queue)
            sources.append(source)
        }
        self.sources = sources
        for (source, sig) in zip(sources, [SIGINT, SIGTERM, SIGHUP]) {
            source.setEventHandler { [last] in last.value.store(sig, ordering: .relaxed) }
            source.resume()
        }
    }

    /// The last signal received, if any.
    var received: Int32? {
        let value = last.value.load(ordering: .relaxed)
        return value == 0 ? nil : value
    }
}
