import Vocabulary

/// Parses the `--store` flag of `snowgate setup`: `file`, `env`, `ask` or `command:'CMD …'`.
///
/// The command text is split into words the way a shell would split plain quoting (single
/// quotes, double quotes, backslash) but nothing is expanded and no shell ever runs it:
/// `command:pass show "servicenow/my prod"` becomes `["pass", "show", "servicenow/my prod"]`.
public enum SecretStoreFlag {
  /// The store the flag names, or a `ProfileStoreError.invalidStoreFlag` saying what is accepted.
  public static func parse(_ text: String) throws -> SecretStore {
    switch text {
    case "file": return .file
    case "keyring": return .keyring
    case "env", "environment": return .environment
    case "ask": return .ask
    default: break
    }
    guard text.hasPrefix("command:") else { throw ProfileStoreError.invalidStoreFlag(text) }
    let argv = try words(String(text.dropFirst("command:".count)))
    guard let first = argv.first, !first.isEmpty else { throw ProfileStoreError.invalidStoreFlag(text) }
    return .command(argv)
  }

  /// Splits `text` into words with plain shell quoting and no expansion.
  static func words(_ text: String) throws -> [String] {
    var words: [String] = []
    var current = ""
    var inWord = false
    var quote: Character?
    var escaped = false
    for character in text {
      if escaped {
        current.append(character)
        escaped = false
        continue
      }
      if let open = quote {
        if character == open {
          quote = nil
        } else if character == "\\" && open == "\"" {
          escaped = true
        } else {
          current.append(character)
        }
        continue
      }
      switch character {
      case "\\":
        escaped = true
        inWord = true
      case "'", "\"":
        quote = character
        inWord = true
      case " ", "\t", "\n":
        if inWord { words.append(current) }
        current = ""
        inWord = false
      default:
        current.append(character)
        inWord = true
      }
    }
    if quote != nil || escaped { throw ProfileStoreError.invalidStoreFlag("command:" + text) }
    if inWord { words.append(current) }
    return words
  }
}
