import DaisCore

extension AppState {
    /// Keys in the panel form: editing keys go to the focused text field; the rest are commands.
    mutating func handleEditor(_ editor: PanelEditor, _ key: Key) {
        var editor = editor
        let field = editor.focus
        if field.isText, var text = editor.texts[field], editsText(key, multiline: text.multiline) {
            text.apply(key)
            editor.texts[field] = text
            editor.message = nil
            if [.date, .start, .duration, .end].contains(field) { editor.syncDuration(from: field) }
            overlays[overlays.count - 1] = .editor(editor)
            return
        }
        let fields = PanelEditor.Field.allCases
        switch KeyMap.command(for: key, in: .editor) {
        case .nextField?, .accept?:
            if KeyMap.command(for: key, in: .editor) == .accept, !field.isText {
                chooseInEditor(&editor)
                return
            }
            if field == .zone, key == .tab, let first = editor.zoneCompletions.first {
                // Tab on a partly typed zone takes the first completion and goes on, as on any field.
                editor.texts[.zone] = TextField(first)
                editor.focus = fields[field.rawValue + 1]
            } else if field.rawValue == fields.count - 1 {
                // The last field: Enter saves, Tab goes round to the first.
                if key != .tab { return saveEditor(editor) }
                editor.focus = fields[0]
            } else {
                editor.focus = fields[field.rawValue + 1]
            }
        case .previousField?:
            editor.focus = fields[max(0, field.rawValue - 1)]
        case .cycleForward?, .cycleBackward?:
            let step = KeyMap.command(for: key, in: .editor) == .cycleForward ? 1 : -1
            switch field {
            case .format:
                let all = PanelFormat.allCases
                editor.format = all[(all.firstIndex(of: editor.format)! + step + all.count) % all.count]
            case .status:
                let all = PanelStatus.allCases
                editor.status = all[(all.firstIndex(of: editor.status)! + step + all.count) % all.count]
            default:
                chooseInEditor(&editor)
                return
            }
        case .removeEntry?:
            switch field {
            case .series: editor.series = nil
            case .host: editor.host = nil
            case .cosponsors: if !editor.cosponsors.isEmpty { editor.cosponsors.removeLast() }
            default: break
            }
        case .saveForm?:
            saveEditor(editor)
            return
        case .cancel?:
            overlays.removeLast()
            return
        default:
            return
        }
        overlays[overlays.count - 1] = .editor(editor)
    }

    /// Whether a key edits text (rather than moving between fields or commanding).
    func editsText(_ key: Key, multiline: Bool) -> Bool {
        switch key {
        case .character, .left, .right, .home, .end, .backspace, .delete:
            return true
        case .control("j"), .up, .down:
            return multiline
        case .control(let c):
            return "aeuwkdh".contains(c)
        default:
            return false
        }
    }

    /// Enter or Space on a choice field: cycle Format and Status, open a picker for the others.
    mutating func chooseInEditor(_ editor: inout PanelEditor) {
        switch editor.focus {
        case .format:
            let all = PanelFormat.allCases
            editor.format = all[(all.firstIndex(of: editor.format)! + 1) % all.count]
        case .status:
            let all = PanelStatus.allCases
            editor.status = all[(all.firstIndex(of: editor.status)! + 1) % all.count]
        case .series:
            overlays[overlays.count - 1] = .editor(editor)
            overlays.append(.picker(Picker(kind: .series, purpose: .editorSeries)))
            return
        case .host:
            overlays[overlays.count - 1] = .editor(editor)
            overlays.append(.picker(Picker(kind: .organization, purpose: .editorHost)))
            return
        case .cosponsors:
            overlays[overlays.count - 1] = .editor(editor)
            overlays.append(.picker(Picker(kind: .organization, purpose: .editorCosponsor)))
            return
        default:
            break
        }
        overlays[overlays.count - 1] = .editor(editor)
    }

    /// Saves the form as one edit, or says what is wrong and goes to the first bad field.
    mutating func saveEditor(_ editor: PanelEditor) {
        var editor = editor
        let problems = editor.problems()
        if let first = PanelEditor.Field.allCases.first(where: { problems[$0] != nil }) {
            editor.focus = first
            editor.message = "Cannot save: \(first.label): \(problems[first]!)"
            overlays[overlays.count - 1] = .editor(editor)
            return
        }
        let date = LocalDate(parsing: editor.text(.date).strippingSpaces)!
        let newID = Slug.panelID(date: date, title: editor.text(.title), in: catalog)
        guard let draft = editor.draft(id: newID) else { return }
        overlays.removeLast()
        if let original = editor.original {
            if original != draft {
                commit(Edit("Edit '\(draft.title)'", [.panel(old: original, new: draft)]))
                notice = Notice("Changed '\(draft.title)' (s saves it to the store file)", .success)
            }
        } else {
            commit(Edit("New panel '\(draft.title)'", [.panel(old: nil, new: draft)]))
            select(panel: draft.id)
            overlays.append(.roster(RosterEditor(panelID: draft.id)))
            notice = Notice("Panel created: add its moderator and panelists with a, or Esc", .success)
        }
    }

    /// The draft as the form stands, with its findings against the rest of the store (for the live view).
    public func editorPreview(_ editor: PanelEditor) -> (panel: Panel, findings: [Finding])? {
        let date = LocalDate(parsing: editor.text(.date).strippingSpaces) ?? LocalDate(year: 2000, month: 1, day: 1)!
        guard let draft = editor.draft(id: editor.original?.id ?? PanelID("panel-\(date)-new")) else { return nil }
        return (draft, schedule.preview(draft, in: catalog))
    }
}
