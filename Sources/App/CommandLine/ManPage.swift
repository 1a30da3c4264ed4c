/// snowgate(1) in roff, made from the command table: `snowgate man`, installed by `make install`.
enum ManPage {
  /// Text made safe for roff: backslashes and dashes escaped, no line starting with a dot or quote.
  static func escaped(_ text: String) -> String {
    let plain = text.replacing("\\", with: "\\e").replacing("-", with: "\\-")
    return plain.unicodeScalars.map { scalar -> String in
      guard !scalar.isASCII else { return String(scalar) }
      let hex = String(scalar.value, radix: 16, uppercase: true)
      return "\\[u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex + "]"
    }.joined()
      .split(separator: "\n", omittingEmptySubsequences: false)
      .map { line in
        let trimmed = line.drop { $0 == " " }
        return trimmed.hasPrefix(".") || trimmed.hasPrefix("'") ? "\\&" + trimmed : String(trimmed)
      }
      .joined(separator: "\n")
  }

  static func render() -> String {
    var out: [String] = [
      ".TH SNOWGATE 1 \"\" \"snowgate \(CommandLineTool.version)\" \"User Commands\"",
      ".SH NAME",
      "snowgate \\- connect a terminal to ServiceNow",
      ".SH SYNOPSIS",
      ".B snowgate",
      "[\\fB\\-\\-profile\\fR \\fINAME\\fR] \\fICOMMAND\\fR [\\fIOPTIONS\\fR]",
      ".SH DESCRIPTION",
      "snowgate onboards a ServiceNow instance in a full\\-screen wizard, diagnoses a failing",
      "connection layer by layer, prints tokens for scripts and sends API requests with a saved",
      "sign\\-in. Secrets never go on the command line.",
      ".SH COMMANDS",
    ]
    for spec in CommandTable.commands where !spec.hidden {
      out.append(".SS \(escaped("snowgate " + spec.synopsis[0]))")
      for line in spec.synopsis.dropFirst() {
        out.append(".br")
        out.append(escaped("snowgate " + line))
      }
      out.append(".PP")
      out.append(escaped(spec.about).replacing("\n\n", with: "\n.PP\n"))
      for option in spec.options where option.name != "--help" {
        out.append(".TP")
        let names =
          (option.short.map { "\\fB\(escaped($0))\\fR, " } ?? "") + "\\fB\(escaped(option.name))\\fR"
        out.append(names + (option.value.map { " \\fI\(escaped($0.placeholder))\\fR" } ?? ""))
        out.append(escaped(option.help))
      }
      if let notes = spec.notes {
        out.append(".PP")
        out.append(escaped(notes).replacing("\n\n", with: "\n.PP\n"))
      }
    }
    out.append(".SH ENVIRONMENT")
    for variable in CommandTable.environment {
      out.append(".TP")
      out.append(".B \(escaped(variable.name))")
      out.append(escaped(variable.meaning))
    }
    out.append(".SH EXIT STATUS")
    out.append(".nf")
    out.append(escaped(CommandTable.checkExitStatus))
    out.append(".fi")
    out.append(".SH EXAMPLES")
    out.append(".nf")
    for spec in CommandTable.commands { out += spec.examples.map(escaped) }
    out.append(".fi")
    out.append(".SH FILES")
    out.append(".TP")
    out.append(".I ~/.config/snowgate/config.json")
    out.append("the saved profiles (no secret)")
    out.append(".TP")
    out.append(".I ~/.config/snowgate/credentials.json")
    out.append("secrets and tokens kept by snowgate (mode 0600)")
    return out.joined(separator: "\n") + "\n"
  }
}
