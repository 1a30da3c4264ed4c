import Platform

/// `snowgate completion bash|zsh|fish`: completion scripts made from the command table.
///
/// They offer the commands, each command's options, the words of choice options, files for
/// file options, and the saved profile names (asked of `snowgate profiles --names` at the
/// moment of completing, so a new profile is offered at once).
enum CompletionScript {
  static let shells = ["bash", "zsh", "fish"]

  static func run(_ arguments: [String]) -> Int32 {
    guard arguments.count == 1, let shell = arguments.first, let text = script(for: shell) else {
      let given = arguments.first.map { " not '\($0)'" } ?? ""
      return CommandLineTool.fail(
        UsageError(
          "completion needs the shell: bash, zsh or fish\(given).",
          hint: "For example: source <(snowgate completion bash)"))
    }
    print(text, terminator: "")
    return 0
  }

  static func script(for shell: String) -> String? {
    switch shell {
    case "bash": bash
    case "zsh": zsh
    case "fish": fish
    default: nil
    }
  }

  static var visible: [CommandSpec] { CommandTable.commands.filter { !$0.hidden } }

  /// Single-quoted for every shell here: a quote inside becomes '\''.
  static func quoted(_ text: String) -> String {
    PlainString.shellQuoted(text)
  }

  static var bash: String {
    var cases: [String] = []
    for spec in visible {
      let names = spec.options.flatMap { [$0.name] + ($0.short.map { [$0] } ?? []) }
      var valueCases: [String] = []
      for option in spec.options {
        guard let value = option.value else { continue }
        let pattern = ([option.name] + (option.short.map { [$0] } ?? [])).joined(separator: "|")
        switch value {
        case .profile:
          valueCases.append(
            "        \(pattern)) COMPREPLY=($(compgen -W \"$(_snowgate_profiles)\" -- \"$cur\")); return ;;")
        case .file: valueCases.append("        \(pattern)) COMPREPLY=($(compgen -f -- \"$cur\")); return ;;")
        case .choice(_, let words):
          valueCases.append(
            "        \(pattern)) COMPREPLY=($(compgen -W \(quoted(words.joined(separator: " "))) -- \"$cur\")); return ;;"
          )
        default: valueCases.append("        \(pattern)) return ;;")
        }
      }
      var positional = ""
      if spec.takesProfile { positional = "COMPREPLY=($(compgen -W \"$(_snowgate_profiles)\" -- \"$cur\"))" }
      if spec.name == "help" {
        positional =
          "COMPREPLY=($(compgen -W \(quoted((visible.map(\.name) + ["environment"]).joined(separator: " "))) -- \"$cur\"))"
      }
      if spec.name == "completion" { positional = "COMPREPLY=($(compgen -W 'bash zsh fish' -- \"$cur\"))" }
      cases.append(
        """
            \(spec.name))
              case "$prev" in
        \(valueCases.joined(separator: "\n"))
              esac
              if [[ "$cur" == -* ]]; then
                COMPREPLY=($(compgen -W \(quoted(names.joined(separator: " "))) -- "$cur"))
              else
                \(positional.isEmpty ? ":" : positional)
              fi
              ;;
        """)
    }
    return """
      # bash completion for snowgate (snowgate completion bash)
      _snowgate_profiles() {
        snowgate profiles --names 2>/dev/null
      }
      _snowgate() {
        local cur prev command
        cur="${COMP_WORDS[COMP_CWORD]}"
        prev="${COMP_WORDS[COMP_CWORD-1]}"
        command=""
        local i
        for ((i = 1; i < COMP_CWORD; i++)); do
          case "${COMP_WORDS[i]}" in
            -p|--profile) ((i++)) ;;
            -*) ;;
            *) command="${COMP_WORDS[i]}"; break ;;
          esac
        done
        if [[ -z "$command" ]]; then
          if [[ "$prev" == "-p" || "$prev" == "--profile" ]]; then
            COMPREPLY=($(compgen -W "$(_snowgate_profiles)" -- "$cur"))
          else
            COMPREPLY=($(compgen -W \(quoted(visible.map(\.name).joined(separator: " ") + " --profile --no-color --help --version")) -- "$cur"))
          fi
          return
        fi
        case "$command" in
      \(cases.joined(separator: "\n"))
        esac
      }
      complete -F _snowgate snowgate

      """
  }

  static func zshValue(_ value: ValueKind?) -> String {
    switch value {
    case nil: ""
    case .profile?: ":profile:_snowgate_profiles"
    case .file?: ":file:_files"
    case .choice(let name, let words)?: ":\(name.lowercased()):(\(words.joined(separator: " ")))"
    case let other?: ":\(other.placeholder.lowercased()): "
    }
  }

  static func zshEscaped(_ text: String) -> String {
    let firstLine = text.split(separator: "\n").first.map(String.init) ?? ""
    var escaped = PlainString.replacing("'", with: "'\\''", in: firstLine)
    for (scalar, replacement) in [("[", "\\["), ("]", "\\]"), (":", "\\:")] as [(Unicode.Scalar, String)] {
      escaped = PlainString.replacing(scalar, with: replacement, in: escaped)
    }
    return escaped
  }

  static var zsh: String {
    var functions: [String] = []
    for spec in visible {
      var specs: [String] = []
      for option in spec.options {
        let help = zshEscaped(option.help)
        let names = [option.name] + (option.short.map { [$0] } ?? [])
        for name in names {
          specs.append("    '\(option.repeats ? "*" : "")\(name)[\(help)]\(zshValue(option.value))'")
        }
      }
      if spec.takesProfile { specs.append("    '1:profile:_snowgate_profiles'") }
      if spec.name == "help" {
        specs.append("    '1:command:(\((visible.map(\.name) + ["environment"]).joined(separator: " ")))'")
      }
      if spec.name == "completion" { specs.append("    '1:shell:(bash zsh fish)'") }
      functions.append(
        """
        _snowgate_\(spec.name)() {
          _arguments -s \\
        \(specs.joined(separator: " \\\n"))
        }
        """)
    }
    let commandList = visible.map { "    '\($0.name):\(zshEscaped($0.summary))'" }.joined(separator: "\n")
    return """
      #compdef snowgate
      # zsh completion for snowgate (snowgate completion zsh)
      _snowgate_profiles() {
        local -a names
        names=(${(f)"$(snowgate profiles --names 2>/dev/null)"})
        compadd -a names
      }
      \(functions.joined(separator: "\n"))
      _snowgate() {
        local -a commands
        commands=(
      \(commandList)
        )
        if (( CURRENT == 2 )); then
          _describe 'command' commands
          return
        fi
        local command="${words[2]}"
        shift words
        (( CURRENT-- ))
        if (( $+functions[_snowgate_$command] )); then
          _snowgate_$command
        fi
      }
      if [[ "$funcstack[1]" == "_snowgate" ]]; then
        _snowgate "$@"
      else
        compdef _snowgate snowgate
      fi

      """
  }

  static var fish: String {
    var lines = [
      "# fish completion for snowgate (snowgate completion fish)",
      "function __snowgate_profiles",
      "    snowgate profiles --names 2>/dev/null",
      "end",
      "complete -c snowgate -f",
    ]
    let names = visible.map(\.name).joined(separator: " ")
    for spec in visible {
      lines.append(
        "complete -c snowgate -n \(quoted("not __fish_seen_subcommand_from \(names)")) -a \(spec.name) -d \(quoted(spec.summary))"
      )
      let seen = quoted("__fish_seen_subcommand_from \(spec.name)")
      if spec.takesProfile {
        lines.append("complete -c snowgate -n \(seen) -a '(__snowgate_profiles)'")
      }
      if spec.name == "completion" { lines.append("complete -c snowgate -n \(seen) -a 'bash zsh fish'") }
      if spec.name == "help" {
        lines.append("complete -c snowgate -n \(seen) -a \(quoted(names + " environment"))")
      }
      for option in spec.options {
        var line = "complete -c snowgate -n \(seen) -l \(option.name.dropFirst(2))"
        if let short = option.short { line += " -s \(short.dropFirst())" }
        switch option.value {
        case nil: break
        case .profile?: line += " -r -a '(__snowgate_profiles)'"
        case .file?: line += " -r -F"
        case .choice(_, let words)?: line += " -r -a \(quoted(words.joined(separator: " ")))"
        default: line += " -r"
        }
        line += " -d \(quoted(option.help.split(separator: "\n").first.map(String.init) ?? ""))"
        lines.append(line)
      }
    }
    return lines.joined(separator: "\n") + "\n"
  }
}
