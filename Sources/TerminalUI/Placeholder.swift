// Placeholder so the target builds; see Sources/TerminalUI for the real types once they land.
enum TerminalUIPlaceholder {}
