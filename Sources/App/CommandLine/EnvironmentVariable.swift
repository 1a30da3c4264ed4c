/// One environment variable snowgate reads, for `snowgate help environment` and the man page.
struct EnvironmentVariable: Equatable, Sendable {
  var name: String
  var meaning: String

  init(_ name: String, _ meaning: String) {
    self.name = name
    self.meaning = meaning
  }
}
