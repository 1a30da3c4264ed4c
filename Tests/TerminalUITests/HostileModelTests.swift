import Testing
import WizardCore

@testable import TerminalUI

/// Layout must hold for anything a model can carry: huge, empty, control-laden or wide text,
/// at every size, without crashing and without drawing past the frame.
@Suite struct HostileModelTests {
  /// A small deterministic generator, so a failure can be replayed.
  private struct Generator {
    var state: UInt64
    mutating func next(_ bound: Int) -> Int {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Int((state >> 33) % UInt64(max(1, bound)))
    }
  }

  private static let texts = [
    "", " ", "plain words that wrap around the edge of a narrow terminal window again and again",
    String(repeating: "x", count: 2000), "日本語のテキストと🙂絵文字", "tab\tand\u{1B}[2J escape\u{7}bell",
    "new\nlines\n\nhere", "e\u{301}\u{301}\u{301} stacked marks", "\u{200B}\u{200B}", "עברית ומספרים 123",
    "https://user:pw@dev12345.service-now.com/now/nav/ui/classic/params/target/sys_user_list.do",
  ]

  private func text(_ g: inout Generator) -> String { Self.texts[g.next(Self.texts.count)] }

  private func model(_ g: inout Generator) -> ScreenModel {
    var items: [ScreenItem] = []
    for _ in 0..<g.next(25) {
      switch g.next(5) {
      case 0:
        let display = text(&g)
        items.append(
          .field(
            FieldModel(
              label: text(&g), display: display, cursor: g.next(display.count + 3) - 1, placeholder: text(&g),
              note: g.next(2) == 0 ? nil : text(&g), error: g.next(2) == 0 ? nil : text(&g))))
      case 1:
        items.append(
          .choice(
            ChoiceModel(
              label: text(&g), detail: text(&g), isEnabled: g.next(2) == 0, isSelected: g.next(2) == 0)))
      case 2: items.append(.text(text(&g), .warning))
      case 3:
        let statuses: [CheckLineModel.Status] = [.pending, .running, .pass, .warn, .fail, .skip]
        items.append(
          .check(
            CheckLineModel(
              status: statuses[g.next(6)], title: text(&g), detail: text(&g), remedy: text(&g),
              elapsedMilliseconds: g.next(2) == 0 ? nil : g.next(10_000_000))))
      default: items.append(.action(ActionModel(label: text(&g), isEnabled: g.next(2) == 0)))
      }
    }
    return ScreenModel(
      id: "hostile", title: text(&g), step: g.next(2) == 0 ? nil : text(&g), intro: [text(&g), text(&g)],
      items: items, focus: items.isEmpty ? nil : g.next(items.count + 2) - 1,
      messages: g.next(2) == 0 ? [] : [ScreenMessage(kind: .error, title: text(&g), lines: [text(&g)])],
      progress: g.next(2) == 0
        ? nil : ScreenProgress(label: text(&g), elapsedSeconds: g.next(100_000), frame: g.next(1000) - 500),
      hints: [KeyHint(text(&g), text(&g)), KeyHint("Esc", "Back")],
      help: g.next(4) == 0 ? HelpOverlay(title: text(&g), lines: [text(&g), text(&g)]) : nil,
      dialog: g.next(4) == 0
        ? Dialog(
          title: text(&g), lines: [text(&g)], options: [KeyHint(text(&g), text(&g)), KeyHint("n", text(&g))])
        : nil)
  }

  @Test(arguments: 0..<4) func anyModelAtAnySizeStaysInsideTheFrame(seed: Int) {
    var g = Generator(state: UInt64(seed) &* 7919 &+ 1)
    let sizes = [(0, 0), (1, 1), (20, 5), (59, 19), (60, 20), (80, 24), (100, 30), (133, 41)]
    for _ in 0..<40 {
      let model = model(&g)
      for (width, height) in sizes {
        let frame = ScreenRenderer.render(model, width: width, height: height)
        let lines = frame.lines()
        #expect(lines.count == height)
        #expect(lines.allSatisfy { DisplayWidth.of($0) <= width })
        #expect(lines.allSatisfy { !$0.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F } })
        if let cursor = frame.cursor {
          #expect(cursor.x >= 0 && cursor.x < width && cursor.y >= 0 && cursor.y < height)
        }
      }
      let plain = PlainTerminal(width: 80).render(model)
      #expect(!plain.isEmpty)
      #expect(!plain.unicodeScalars.contains { ($0.value < 0x20 && $0 != "\n") || $0.value == 0x7F })
    }
  }
}
