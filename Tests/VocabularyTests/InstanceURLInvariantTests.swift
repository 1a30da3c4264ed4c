import Testing
import Vocabulary

/// Thousands of generated addresses, built from the pieces people and attackers type, through
/// the one parser: whatever it accepts keeps the rules that matter for where a password goes.
@Suite struct InstanceURLInvariantTests {
  /// SplitMix64: a small seeded generator, so a failure names an input that can be replayed.
  struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
      state &+= 0x9E37_79B9_7F4A_7C15
      var z = state
      z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
      z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
      return z ^ (z >> 31)
    }
  }

  static let schemes = [
    "", "", "", "http://", "http://", "https://", "https://", "HTTP://", "HtTpS://", "ftp://", "https:/",
    "https:/\\", "http:", "https:\\\\",
    "//",
  ]
  static let userinfos = ["", "", "", "", "", "", "", "", "u@", "admin:S3CR3T@", ":@", "@"]
  static let hosts = [
    "dev12345", "dev12345.", "DEV12345", "localhost", "LOCALHOST", "localhost.", "foo.localhost",
    "localhost.example.com", "127.0.0.1", "127.1.2.3", "127.000.0.1", "127.attacker.example",
    "127.0.0.1.nip.io",
    "128.0.0.1", "10.0.0.5", "[::1]", "[::ffff:127.0.0.1]", "[2001:db8::1]", "::1", "xn--mnchen-3ya.de",
    "xn--dev-8ya.example.com", "itsm.example.com", "service-now.com", "dev-.example.com", "a..b", "", ".",
    "2130706433", "0x7f.0.0.1", "münchen.de", "dev_1.example.com",
  ]
  static let ports = ["", "", "", "", ":8080", ":8080", ":443", ":80", ":0", ":65536", ":", ":08443"]
  static let paths = [
    "", "", "/", "/api/now/v2", "/api/now/v1/table/incident", "/API/NOW/V3/", "/api/now/v0", "/now/nav/ui",
    "/login.do", "?q=1", "#top", "/x/y?z#w", "/api/now/table/x",
  ]
  /// Characters slipped in at a random place: invisible, control, separators.
  static let intruders: [String] = [
    "\u{200B}", "\u{200C}", "\u{200D}", "\u{2060}", "\u{FEFF}", "\u{00AD}", "\\", "\u{0}", "\u{1B}", "\u{7F}",
    "\u{85}", "\t", " ", "@", ":", "/", ".", "-", "_", "%2e", "é",
  ]

  static func generate(count: Int, seed: UInt64) -> [String] {
    var random = SeededGenerator(state: seed)
    var inputs: [String] = []
    for _ in 0..<count {
      var text =
        schemes.randomElement(using: &random)! + userinfos.randomElement(using: &random)!
        + hosts.randomElement(using: &random)! + ports.randomElement(using: &random)!
        + paths.randomElement(using: &random)!
      if Int.random(in: 0..<4, using: &random) == 0 {
        var characters = Array(text)
        let at = Int.random(in: 0...characters.count, using: &random)
        characters.insert(contentsOf: intruders.randomElement(using: &random)!, at: at)
        text = String(characters)
      }
      inputs.append(text)
    }
    return inputs
  }

  static let inputs = generate(count: 3000, seed: 0x5EED_0009)

  /// Characters a normalised host may hold: lower-case ASCII letters, digits, `-`, `.` and `:`.
  static func isCleanHost(_ host: String) -> Bool {
    !host.isEmpty
      && host.unicodeScalars.allSatisfy { scalar in
        ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) || scalar == "-" || scalar == "."
          || scalar == ":"
      }
  }

  /// Exactly the hosts plain http may go to.
  static func isThisComputer(_ host: String) -> Bool {
    if host == "localhost" || host == "::1" { return true }
    let parts = host.split(separator: ".", omittingEmptySubsequences: false)
    return parts.count == 4 && parts[0] == "127"
      && parts.allSatisfy { part in Int(part).map { (0...255).contains($0) } ?? false }
  }

  @Test func theGeneratorIsSeededAndVaried() {
    #expect(Self.inputs.count >= 2000)
    #expect(Self.generate(count: 50, seed: 0x5EED_0009) == Array(Self.inputs.prefix(50)))
    let accepted = Self.inputs.filter { (try? InstanceURL.normalise($0).get()) != nil }
    // Both sides of the rules are exercised: many accepted, many refused.
    #expect(accepted.count > 300)
    #expect(Self.inputs.count - accepted.count > 300)
    #expect(accepted.contains { $0.lowercased().hasPrefix("http://") })
  }

  @Test func neverPlainHTTPToAHostThatIsNotThisComputer() throws {
    for input in Self.inputs {
      guard case .success(let instance) = InstanceURL.normalise(input) else { continue }
      if instance.scheme == "http" {
        #expect(Self.isThisComputer(instance.host), "input: \(input.debugDescription) → \(instance.address)")
        #expect(instance.isLoopback)
      }
      #expect(instance.isLoopback == Self.isThisComputer(instance.host), "input: \(input.debugDescription)")
    }
  }

  @Test func neverAHostWithControlZeroWidthOrBackslashCharacters() {
    for input in Self.inputs {
      guard case .success(let instance) = InstanceURL.normalise(input) else { continue }
      #expect(
        Self.isCleanHost(instance.host),
        "input: \(input.debugDescription) → \(instance.host.debugDescription)")
      #expect(
        !instance.address.unicodeScalars.contains { $0 == "\\" || $0.value < 0x21 || $0.value > 0x7E },
        "input: \(input.debugDescription)")
    }
  }

  @Test func normalisingTwiceGivesTheSameAddress() {
    for input in Self.inputs {
      guard case .success(let instance) = InstanceURL.normalise(input) else { continue }
      #expect(
        InstanceURL.normalise(instance.display) == .success(instance), "input: \(input.debugDescription)")
      let again = try? InstanceURL.normalise(instance.address).get()
      #expect(again?.address == instance.address, "input: \(input.debugDescription)")
    }
  }

  @Test func aRefusalIsASentenceThatNeverRepeatsTheSecret() {
    for input in Self.inputs {
      guard case .failure(let error) = InstanceURL.normalise(input) else { continue }
      #expect(error.message.hasSuffix("."), "input: \(input.debugDescription)")
      #expect(!error.message.contains("S3CR3T"), "input: \(input.debugDescription)")
      #expect(
        !error.message.unicodeScalars.contains {
          $0.value < 0x20 || $0.properties.generalCategory == .format
        },
        "input: \(input.debugDescription)")
    }
  }
}
