import DaisCore

/// Something that happened: a key, a resize, or the outcome of an effect the shell performed.
public enum Action: Sendable {
    case key(Key)
    case resize(width: Int, height: Int)
    /// The store was written; `catalog` is what was written when it differs from the one given (the
    /// panels' revisions stamped).
    case saved(StoreFile.Fingerprint, path: String, catalog: Catalog? = nil)
    case saveFailed(StoreError)
    /// The store the Changes screen compares with, read (`label` names it), or why it could not be.
    case changesBaseLoaded(Catalog, label: String)
    case changesBaseFailed(String)
    case reloaded(StoreFile.Loaded)
    case reloadFailed(StoreError)
    /// The store as it is on disk, read to merge with the edits (after `loadForMerge`).
    case mergeLoaded(StoreFile.Loaded)
    case recoveryFound(RecoveryOffer)
    /// The shell is about to do file work that may take a moment (`Effect.waitingText`).
    case waiting(String)
    /// The outcome of `takeLock`: nil when this console now holds the store, else why not.
    case lockAttempted(refusal: String?)
    case recoveryDiscarded
    case exported(path: String, panels: Int)
    case searchCorporaReady(SearchCorpora)
    /// Every finding in order, gathered off the main thread for a state version (after `sortFindings`).
    case findingsSorted([Finding], version: Int)
    case exportFailed(StoreError, ExportFormat, [PanelID], path: String)
    /// The recovery file beside the store could not be written (nil: it was, after all).
    case recoveryWrite(problem: String?)
}

/// Work the shell does for the reducer; its outcome comes back as an action.
public enum Effect: Sendable {
    /// What the status line says while the shell does this (file work that can take a moment on a
    /// large store), or nil for work done in the background or at once.
    public var waitingText: String? {
        switch self {
        case .save(_, _, let store): return "Saving \(store.path)…"
        case .saveAs(_, let path): return "Saving \(path)…"
        case .reload(let path), .loadForMerge(let path): return "Reading \(path)…"
        case .loadChangesBase(let since, _): return "Reading \(since)…"
        case .export(_, let format, _, _, _, let path, _): return "Writing \(format.rawValue) to \(path)…"
        default: return nil
        }
    }

    /// Save the catalog to the store, expecting the file to be as loaded; `base` is the catalog the
    /// file holds, against which the panels' revisions are stamped (`Revision.stamped`).
    case save(Catalog, base: Catalog, StoreInfo)
    /// Try again to take the store's lock (a read-only console, before saving).
    case takeLock(path: String)
    /// Save the catalog to a new file (which must not exist).
    case saveAs(Catalog, path: String)
    /// Read the store file or git revision `since` of the store at `storePath` (`ChangesBase`); the
    /// outcome is `changesBaseLoaded` or `changesBaseFailed`.
    case loadChangesBase(since: String, storePath: String)
    /// Load the store again.
    case reload(path: String)
    /// Read the store on disk to merge it with the edits (the outcome is `mergeLoaded`).
    case loadForMerge(path: String)
    /// Fold the lists' search texts off the main thread (the outcome is `searchCorporaReady`).
    case buildSearchCorpora(Catalog, panels: [PanelID], people: [PersonID], organizations: [OrganizationID], version: Int)
    /// Gather and sort every finding off the main thread (the outcome is `findingsSorted`).
    case sortFindings(Schedule, version: Int)
    /// Remove the recovery file beside the store.
    case discardRecovery(storePath: String)
    /// Write the agenda of these panels (with the current time stamp) to a file.
    case export(Catalog, ExportFormat, [PanelID], zones: [Zone], title: String?, path: String, replacing: Bool)
    /// End the console.
    case quit
}
