/// "Did you mean": the known word closest to a mistyped one, when it is close enough.
enum Suggestion {
  /// The candidate within two edits of `word` (or one that starts with it), the closest first.
  static func closest(to word: String, among candidates: [String]) -> String? {
    let typed = Array(word.lowercased().prefix(64))
    guard !typed.isEmpty else { return nil }
    var best: (word: String, distance: Int)?
    for candidate in candidates {
      let distance = editDistance(typed, Array(candidate.lowercased()))
      let limit = max(1, min(2, typed.count / 3))
      guard distance <= limit || (typed.count >= 3 && candidate.hasPrefix(word)) else { continue }
      if best == nil || distance < best!.distance {
        best = (candidate, distance)
      }
    }
    return best?.word
  }

  /// Levenshtein distance, with a swap of two neighbours counted as one edit.
  static func editDistance(_ a: [Character], _ b: [Character]) -> Int {
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var previousPrevious = [Int](repeating: 0, count: b.count + 1)
    var previous = Array(0...b.count)
    for i in 1...a.count {
      var current = [i] + [Int](repeating: 0, count: b.count)
      for j in 1...b.count {
        let cost = a[i - 1] == b[j - 1] ? 0 : 1
        current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
        if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
          current[j] = min(current[j], previousPrevious[j - 2] + 1)
        }
      }
      previousPrevious = previous
      previous = current
    }
    return previous[b.count]
  }
}
