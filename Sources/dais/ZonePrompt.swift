#if canImport(Glibc)
import Glibc
#endif
import DaisCore
import Foundation

/// The zone question of `dais init` on a terminal, typed ahead as in the console: under the line, the
/// zones the word being typed may mean (or the zone it names); Tab takes the first, Tab again the
/// next; Enter answers once every word names a zone. Core decides what a word means
/// (`ZoneAliases`); this only reads keys and draws two lines.
struct ZonePrompt {
    let question: String

    /// Why the question was not answered.
    enum Stop: Error { case interrupted, endOfInput }

    /// The words typed (empty for an empty line).
    func read() throws(Stop) -> [String] {
        var saved = termios()
        guard tcgetattr(STDIN_FILENO, &saved) == 0 else { return plainLine() }
        var raw = saved
        // Keys one by one, not echoed; Ctrl-C comes as a key, so that the terminal is put back first.
        raw.c_lflag &= ~tcflag_t(ICANON | ECHO | ISIG | IEXTEN)
        raw.c_iflag &= ~tcflag_t(ICRNL | IXON)
        guard tcsetattr(STDIN_FILENO, TCSAFLUSH, &raw) == 0 else { return plainLine() }
        defer { tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved) }
        // A line kept free under the question for the hint (scrolling now, not while drawing).
        put("\n\u{1B}[1A")
        var line: [Character] = [], pending: [UInt8] = []
        // The completions Tab goes through while it is pressed again and again, and which is shown.
        var cycle: (choices: [String], index: Int)?
        var problem: String?
        draw(line, problem)
        while true {
            let byte = readByte()
            switch byte {
            case nil:
                finish()
                throw .endOfInput
            case 0x04 where line.isEmpty:
                finish()
                throw .endOfInput
            case 0x03:
                finish()
                throw .interrupted
            case 0x0D, 0x0A:
                let words = String(line).split(separator: " ").map(String.init)
                if let bad = words.first(where: { ZoneAliases.lookup($0).zone == nil }) {
                    problem = ZoneAliases.lookup(bad).message
                } else {
                    finish()
                    return words
                }
            case 0x7F, 0x08:
                if !line.isEmpty { line.removeLast() }
            case 0x15:
                line.removeAll()
            case 0x17:
                while line.last == " " { line.removeLast() }
                while let last = line.last, last != " " { line.removeLast() }
            case 0x09:
                if let c = cycle {
                    cycle = (c.choices, (c.index + 1) % c.choices.count)
                } else {
                    let choices = ZoneAliases.completions(for: currentWord(line), limit: 5)
                    if !choices.isEmpty { cycle = (choices, 0) }
                }
                if let c = cycle { replaceWord(&line, with: c.choices[c.index]) }
            case 0x1B:
                // An escape sequence (arrows and the like): read and left alone.
                if readByte() == UInt8(ascii: "[") { while let b = readByte(), b < 0x40 {} }
            case let b? where b >= 0x20:
                pending.append(b)
                let text = String(decoding: pending, as: UTF8.self)
                if !text.contains("\u{FFFD}") || pending.count >= 4 {
                    line.append(contentsOf: text)
                    pending.removeAll()
                }
            default:
                break
            }
            if byte != 0x09 { cycle = nil }
            if byte != 0x0D && byte != 0x0A { problem = nil }
            draw(line, problem)
        }
    }

    /// Not a terminal after all: the answer as a plain line.
    private func plainLine() -> [String] {
        put("\(question): ")
        return (readLine() ?? "").split(separator: " ").map(String.init)
    }

    private func currentWord(_ line: [Character]) -> String {
        String(line.reversed().prefix { $0 != " " }.reversed())
    }

    private func replaceWord(_ line: inout [Character], with text: String) {
        while let last = line.last, last != " " { line.removeLast() }
        line.append(contentsOf: text)
    }

    /// The question and the line, and under it what the word being typed means.
    private func draw(_ line: [Character], _ problem: String?) {
        let word = currentWord(line)
        var hint: String
        if let problem {
            hint = problem
        } else if word.isEmpty {
            hint = "Type a zone: EST, AEDT, London, Asia/Tokyo; Tab completes; Enter answers"
        } else if let zone = ZoneAliases.lookup(word).zone {
            hint = zone.identifier == word ? "\(word) is a zone" : "\(word) = \(zone.identifier)"
        } else {
            let choices = ZoneAliases.completions(for: word, limit: 5)
            hint = choices.isEmpty ? "no zone starts with \(word)" : "Tab: " + choices.joined(separator: "  ")
        }
        let width = terminalWidth()
        if DisplayText.width(of: hint) > width - 3 { hint = String(hint.prefix(max(0, width - 4))) + "…" }
        // One row, never wrapped (a wrapped row could not be drawn again): a line too long for the
        // question beside it is shown alone, its end.
        var head = "\(question): ", shown = DisplayText.inert(String(line))
        if DisplayText.width(of: head + shown) > width - 1 {
            head = "…"
            var tail: [Character] = [], used = 1
            for character in shown.reversed() {
                used += DisplayText.width(of: character)
                if used > width - 1 { break }
                tail.insert(character, at: 0)
            }
            shown = String(tail)
        }
        // Save the cursor after the line, draw the hint under it, come back.
        put("\r\u{1B}[K\(head)\(shown)\u{1B}7\n\r\u{1B}[K  \(hint)\u{1B}8")
    }

    /// The hint line cleared, the cursor on the next line.
    private func finish() {
        put("\u{1B}7\n\r\u{1B}[K\u{1B}8\r\n")
    }

    private func readByte() -> UInt8? {
        var byte: UInt8 = 0
        while true {
            // read(2) fills the byte it is pointed at.
            let n = Glibc.read(STDIN_FILENO, &byte, 1)
            if n == 1 { return byte }
            if n < 0 && errno == EINTR { continue }
            return nil
        }
    }

    private func put(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }
}
