/// Whole milliseconds of a duration, the unit of every elapsed time in a report.
extension Duration {
  var wholeMilliseconds: Int {
    Int(components.seconds * 1000 + components.attoseconds / 1_000_000_000_000_000)
  }
}
