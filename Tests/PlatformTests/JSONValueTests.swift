import Foundation
import Testing

@testable import Platform

/// Our JSON reader and writer against Foundation's JSONSerialization, which they replace: the
/// tests may link Foundation, the product does not.
@Suite struct JSONValueTests {
  static let documents = [
    #"{"b":1,"a":[true,false,null,"x\/y"],"c":{"d":-12,"e":1.5,"f":"tab\there \"q\" \u00e9 \ud83d\ude00"}}"#,
    #"[]"#, #"{}"#, #"[[],{},[{}]]"#, #"{"n":0,"max":9223372036854775807,"exp":1e3,"neg":-0.25}"#,
    #"{"ctl":"\u0001\u001f\b\f\n\r","slash":"/","unicode":"日本"}"#,
  ]

  @Test(arguments: documents) func parsesAsJSONSerializationDoes(document: String) throws {
    let ours = try #require(JSONValue.parse(Data(document.utf8)))
    let theirs = try JSONSerialization.jsonObject(with: Data(document.utf8))
    // Written back by Foundation from our parse and from its own, sorted: the same text.
    #expect(try foundationText(ours.foundationObject) == foundationText(theirs))
  }

  @Test(arguments: documents) func writesAsJSONSerializationDoes(document: String) throws {
    let value = try #require(JSONValue.parse(Data(document.utf8)))
    let object = try JSONSerialization.jsonObject(with: Data(document.utf8))
    for pretty in [false, true] {
      for slashes in [false, true] {
        var options: JSONSerialization.WritingOptions = [.sortedKeys]
        if pretty { options.insert(.prettyPrinted) }
        if !slashes { options.insert(.withoutEscapingSlashes) }
        let theirs = String(
          decoding: try JSONSerialization.data(withJSONObject: object, options: options), as: UTF8.self)
        let ours = value.serialized(sortedKeys: true, pretty: pretty, escapingSlashes: slashes)
        #expect(ours == theirs, "pretty \(pretty), slashes \(slashes)")
      }
    }
  }

  /// Keys JSONSerialization's `sortedKeys` put in an order plain `<` does not.
  static let keySets: [[String]] = [
    ["a1", "a9", "a10", "a09", "A1", "a"],
    ["sys_id", "sys-id", "sys.id", "sysid", "sys id", "Sys_id", "SYS_ID"],
    ["user_name", "username", "userName", "user_id", "User", "e", "E", "f"], ["_x", "a", "B", "x", "Z"],
    printableASCII,
    [
      "access_token", "access_token_expires_at", "api_version", "client_certificate", "has_refresh_token",
      "key_file",
    ],
  ]

  /// Every printable ASCII character but the quote and the backslash, each a key of its own.
  static let printableASCII: [String] = (0x21...0x7E).compactMap { (code: Int) -> String? in
    code == 0x22 || code == 0x5C ? nil : String(UnicodeScalar(UInt8(code)))
  }

  @Test(arguments: keySets)
  func sortsKeysAsJSONSerializationDoes(keys: [String]) throws {
    let value = JSONValue.object(keys.map { ($0, .number(1)) })
    let object = Dictionary(keys.map { ($0, 1) }, uniquingKeysWith: { a, _ in a })
    let theirs = String(
      decoding: try JSONSerialization.data(
        withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes]),
      as: UTF8.self)
    #expect(value.serialized(sortedKeys: true, escapingSlashes: false) == theirs)
  }

  @Test func keepsMemberOrderUnlessSorted() throws {
    let value = try #require(JSONValue.parse(Data(#"{"z":1,"a":2}"#.utf8)))
    #expect(value.serialized == #"{"z":1,"a":2}"#)
    #expect(value.serialized(sortedKeys: true) == #"{"a":2,"z":1}"#)
    #expect(value["a"]?.int == 2)
    #expect(value.dictionary?.keys.sorted() == ["a", "z"])
  }

  /// JSONSerialization also accepts a trailing comma (`[1,]`); RFC 8259 does not, nor do we.
  @Test(arguments: ["[1,]", "{\"a\":1,}"]) func refusesATrailingComma(text: String) {
    #expect(JSONValue.parse(Data(text.utf8)) == nil)
  }

  @Test(arguments: [
    "", "{", "{\"a\"}", "[1] x", "\"unterminated", "[01]", "[1.]", "[-]", "[\"\\ud800\"]",
    "[\"a\u{01}\"]", "[tru]", "{\"a\" 1}", "[\"\\x\"]",
  ])
  func refusesWhatIsNotJSON(text: String) {
    #expect(JSONValue.parse(Data(text.utf8)) == nil)
    #expect((try? JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed])) == nil)
  }

  @Test func fragmentsOnlyWhenAllowed() {
    #expect(JSONValue.parse(Data("\"x\"".utf8)) == nil)
    #expect(JSONValue.parse(Data(" \"x\" ".utf8), fragmentsAllowed: true)?.string == "x")
    #expect(JSONValue.parse(Data("42".utf8), fragmentsAllowed: true)?.int == 42)
  }

  @Test func nestingBeyondTheBoundIsRefusedWithoutRecursingThere() {
    let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
    #expect(BoundedJSON.parse(Data(deep.utf8)) == nil)
    let ok = String(repeating: "[", count: 64) + String(repeating: "]", count: 64)
    #expect(BoundedJSON.parse(Data(ok.utf8)) != nil)
    let over = String(repeating: "[", count: 65) + String(repeating: "]", count: 65)
    #expect(BoundedJSON.parse(Data(over.utf8)) == nil)
  }

  @Test func numbersReadAsBothKinds() throws {
    let value = try #require(JSONValue.parse(Data(#"{"i":1800,"d":1.5,"e":2e2,"s":"1800"}"#.utf8)))
    #expect(value["i"]?.int == 1800)
    #expect(value["i"]?.double == 1800)
    #expect(value["d"]?.int == nil)
    #expect(value["d"]?.double == 1.5)
    #expect(value["e"]?.int == 200)
    #expect(value["s"]?.int == nil)
  }

  private func foundationText(_ object: Any) throws -> String {
    String(
      decoding: try JSONSerialization.data(
        withJSONObject: object, options: [.sortedKeys, .fragmentsAllowed]),
      as: UTF8.self)
  }
}

extension JSONValue {
  /// The value as JSONSerialization's objects, to compare with what it parsed.
  fileprivate var foundationObject: Any {
    switch self {
    case .string(let text): return text
    case .number(let number): return NSNumber(value: number)
    case .decimal(let number): return NSNumber(value: number)
    case .bool(let flag): return NSNumber(value: flag)
    case .null: return NSNull()
    case .array(let items): return items.map(\.foundationObject)
    case .object(let members):
      return Dictionary(members.map { ($0.0, $0.1.foundationObject) }, uniquingKeysWith: { _, last in last })
    }
  }
}
