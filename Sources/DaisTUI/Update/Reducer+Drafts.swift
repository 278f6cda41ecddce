import DaisCore

extension AppState {
    /// Saves what the open dialogs hold, topmost first, as if each were saved by its key: a panel,
    /// person, organization or series form whose fields are valid becomes an edit (so a console
    /// stopped by a signal keeps it in the recovery file). Every dialog is closed. Returns a line for
    /// each dialog whose typed text could not be kept, with why.
    public mutating func commitOpenForms() -> [String] {
        var unkept: [String] = []
        while let top = overlays.last {
            switch top {
            case .editor(let editor):
                saveEditor(editor)
                if case .editor(let refused)? = overlays.last {
                    let title = refused.text(.title).strippingSpaces
                    unkept.append("the panel form\(title.isEmpty ? "" : " '\(title)'"): \(refused.message ?? "it cannot be saved")")
                    overlays.removeLast()
                }
            case .form(let form):
                saveForm(form)
                if case .form(let refused)? = overlays.last {
                    let name = refused.fields.first?.text.strippingSpaces ?? ""
                    unkept.append("the \(refused.title.lowercased()) form\(name.isEmpty ? "" : " '\(name)'"): \(refused.message ?? "it cannot be saved")")
                    overlays.removeLast()
                }
            case .prompt(let prompt):
                if !prompt.field.text.isEmpty { unkept.append("\(prompt.title): \"\(prompt.field.text)\"") }
                overlays.removeLast()
            default:
                overlays.removeLast()
            }
        }
        return unkept
    }
}
