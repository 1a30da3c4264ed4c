import Foundation
import Testing

@testable import App

/// The one command table: help, goldens, did-you-mean, completions and the man page from it.
@Suite struct CommandTableTests {
  @Test func everyCommandsHelpMatchesItsGolden() {
    for spec in CommandTable.commands {
      HelpGolden.check(spec.help + "\n", named: "\(spec.name).txt")
    }
    HelpGolden.check(CommandTable.usage + "\n", named: "snowgate.txt")
    HelpGolden.check(CommandTable.environmentHelp + "\n", named: "environment.txt")
  }

  /// The list of names and the specs made from them agree, both ways: every name has a spec,
  /// and every command with a help golden is in the list (a spec added to `spec(_:)` but not to
  /// `names` would be missing from help, completions and the man page).
  @Test func theNamesAreExactlyTheCommandsWithAHelpGolden() throws {
    #expect(CommandTable.commands.map(\.name) == CommandTable.names)
    let goldens = try FileManager.default.contentsOfDirectory(atPath: HelpGolden.directory.path)
      .filter { $0.hasSuffix(".txt") && $0 != "snowgate.txt" && $0 != "environment.txt" }
      .map { String($0.dropLast(4)) }
    #expect(Set(goldens) == Set(CommandTable.names))
  }

  @Test func everyOptionIsInItsCommandsHelpAndManPage() {
    let man = ManPage.render()
    for spec in CommandTable.commands {
      for option in spec.options {
        #expect(spec.help.contains(option.name), "\(spec.name) --help lacks \(option.name)")
        if option.name != "--help" {
          #expect(
            man.contains(option.name.replacingOccurrences(of: "-", with: "\\-")), "man lacks \(option.name)")
        }
      }
      #expect(spec.help.hasPrefix("Usage: snowgate \(spec.name)"), "\(spec.name)")
    }
  }

  @Test func everyVariableAHelpNamesIsDescribed() {
    for spec in CommandTable.commands {
      for name in spec.environment {
        #expect(CommandTable.variable(name) != nil, "\(spec.name) names \(name) without a description")
      }
    }
    for name in [
      "SNOWGATE_PROFILE", "SNOWGATE_INSTANCE", "SNOWGATE_DEBUG", "SNOWGATE_LOG", "NO_COLOR", "CLICOLOR",
    ] {
      #expect(CommandTable.environmentHelp.contains(name))
    }
  }

  /// Every `SNOWGATE_*` name the sources read is in `snowgate help environment`.
  @Test func helpEnvironmentListsEveryVariableTheSourcesRead() throws {
    let sources = HelpGolden.directory.deletingLastPathComponent().deletingLastPathComponent()
      .appendingPathComponent("Sources")
    let files =
      FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil)?
      .compactMap { $0 as? URL }.filter { $0.pathExtension == "swift" } ?? []
    #expect(files.count > 20)
    let read = try NSRegularExpression(pattern: #"(?:variables|environment)\["([A-Z_]+)"\]"#)
    var names: Set<String> = []
    for file in files {
      let text = try String(contentsOf: file, encoding: .utf8)
      for match in read.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
        if let range = Range(match.range(at: 1), in: text) { names.insert(String(text[range])) }
      }
    }
    #expect(names.contains("SNOWGATE_CONFIG_DIR"))
    let proxyAliases: Set<String> = ["HTTP_PROXY", "ALL_PROXY", "WAYLAND_DISPLAY", "XDG_RUNTIME_DIR"]
    for name in names.subtracting(proxyAliases) {
      #expect(CommandTable.environmentHelp.contains(name), "help environment does not list \(name)")
    }
  }

  @Test func aMistypedCommandOrOptionGetsTheClosestOne() {
    #expect(Suggestion.closest(to: "chek", among: CommandTable.commands.map(\.name)) == "check")
    #expect(Suggestion.closest(to: "tokne", among: CommandTable.commands.map(\.name)) == "token")
    #expect(Suggestion.closest(to: "frobnicate", among: CommandTable.commands.map(\.name)) == nil)
    #expect(CommandLineTool.unknownCommand("chek").message.contains("Did you mean 'check'?"))
    #expect(throws: UsageError.self) {
      try ParsedArguments.parse(["--verbos"], spec: CommandTable.command("check")!)
    }
    do {
      _ = try ParsedArguments.parse(["--paginat"], spec: CommandTable.command("api")!)
    } catch {
      #expect(error.message.contains("Did you mean --paginate?"), "\(error.message)")
    }
  }

  @Test func shortAliasesAndRepeatedOptionsAreReadAsTheTableSays() throws {
    let api = CommandTable.command("api")!
    let parsed = try ParsedArguments.parse(
      ["-X", "post", "-f", "a=1", "--field=b=2", "-H", "X-One: 1", "table/x", "-p", "prod"], spec: api)
    #expect(parsed.options["--method"] == "post")
    #expect(parsed.values["--field"] == ["a=1", "b=2"])
    #expect(parsed.options["--profile"] == "prod")
    #expect(parsed.positionals == ["table/x"])
    let remove = try ParsedArguments.parse(["-y", "old"], spec: CommandTable.command("remove")!)
    #expect(remove.flags.contains("--yes"))
  }

  @Test func profileFlagBecomesTheNameAndOnlyOnce() throws {
    let check = CommandTable.command("check")!
    #expect(try ParsedArguments.parse(["--profile", "prod"], spec: check).positionals == ["prod"])
    #expect(try ParsedArguments.parse(["-p", "prod", "--json"], spec: check).positionals == ["prod"])
    #expect(throws: UsageError.self) { try ParsedArguments.parse(["-p", "prod", "other"], spec: check) }
    let moved = try GlobalOptions.read(["-p", "prod", "token"]).get()
    #expect(moved.arguments == ["token", "--profile", "prod"])
    let colour = try GlobalOptions.read(["check", "--no-color", "x"]).get()
    #expect(colour.noColour && colour.arguments == ["check", "x"])
    #expect(throws: UsageError.self) { try GlobalOptions.read(["-p", "prod", "profiles"]).get() }
  }

  @Test func colourIsOffForEveryConvention() {
    #expect(ColourPolicy.allowed(["TERM": "xterm"]))
    #expect(ColourPolicy.allowed(["NO_COLOR": ""]))
    #expect(!ColourPolicy.allowed(["NO_COLOR": "1"]))
    #expect(!ColourPolicy.allowed(["CLICOLOR": "0"]))
    #expect(!ColourPolicy.allowed(["TERM": "dumb"]))
  }

  @Test func theManPageEscapesWhatRoffWouldRead() {
    let man = ManPage.render()
    #expect(man.hasPrefix(".TH SNOWGATE 1"))
    #expect(man.unicodeScalars.allSatisfy { $0.isASCII })
    for line in man.split(separator: "\n") where line.hasPrefix(".") {
      #expect(line.first == ".", "\(line)")
    }
    #expect(ManPage.escaped(".x -y 'z") == "\\&.x \\-y 'z")
    #expect(ManPage.escaped("a\\b ×") == "a\\eb \\[u00D7]")
  }

  @Test func completionsOfferCommandsOptionsAndProfileNames() {
    for shell in CompletionScript.shells {
      let script = CompletionScript.script(for: shell) ?? ""
      #expect(script.contains("snowgate profiles --names"), "\(shell)")
      #expect(script.contains(shell == "fish" ? "-l paginate" : "--paginate"), "\(shell)")
      #expect(script.contains("check"), "\(shell)")
    }
    #expect(CompletionScript.script(for: "tcsh") == nil)
  }
}
