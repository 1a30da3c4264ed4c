import Platform

/// What `snowgate api` was asked to send, read from its arguments and checked for sense.
struct APIRequest: Equatable {
  var path: String
  var profile: String?
  var method: String
  var headers: [(name: String, value: String)]
  var body: Data?
  var paginate: Bool
  var include: Bool
  var verbose: Bool
  var timeout: Double

  static func == (lhs: APIRequest, rhs: APIRequest) -> Bool {
    lhs.path == rhs.path && lhs.profile == rhs.profile && lhs.method == rhs.method
      && lhs.headers.map(\.name) == rhs.headers.map(\.name)
      && lhs.headers.map(\.value) == rhs.headers.map(\.value)
      && lhs.body == rhs.body && lhs.paginate == rhs.paginate && lhs.include == rhs.include
      && lhs.verbose == rhs.verbose && lhs.timeout == rhs.timeout
  }

  /// Headers the sign-in or the transport owns.
  static let refusedHeaders: Set<String> = ["authorization", "host", "content-length", "cookie"]

  static func parse(_ parsed: ParsedArguments, readInput: (String) throws(UsageError) -> Data)
    throws(UsageError)
    -> APIRequest
  {
    let more = "Run 'snowgate api --help' for the options."
    guard parsed.positionals.count == 1, let path = parsed.positionals.first, !path.isEmpty else {
      throw UsageError("api needs one PATH, e.g. table/incident.", hint: more)
    }
    guard path.count <= 8192, !path.contains(where: { $0.isNewline || $0 == " " }) else {
      throw UsageError("the PATH holds spaces or line breaks; encode them (%20).")
    }
    if parsed.flags.contains("--json"), parsed.flags.contains("--include") {
      // With --json stdout is JSON: the body, or the failure's report; headers would break it.
      throw UsageError("give --include or --json, not both: with --json stdout holds JSON only.")
    }
    var body: Data?
    let fields = parsed.values["--field"] ?? []
    if !fields.isEmpty {
      var object: [(String, JSONValue)] = []
      for field in fields {
        guard let equals = field.firstIndex(of: "="), equals != field.startIndex else {
          throw UsageError("-f needs KEY=VALUE, not “\(field.prefix(40))”.")
        }
        // A repeated key: the last one, as a dictionary kept it.
        let key = String(field[..<equals])
        object.removeAll { $0.0 == key }
        object.append((key, .string(String(field[field.index(after: equals)...]))))
      }
      body = Data(utf8Of: JSONValue.object(object).serialized(sortedKeys: true))
    }
    if let input = parsed.options["--input"] {
      guard body == nil else { throw UsageError("give -f fields or --input FILE, not both.") }
      body = try readInput(input)
    }
    var headers: [(name: String, value: String)] = []
    for header in parsed.values["--header"] ?? [] {
      guard let colon = header.firstIndex(of: ":") else {
        throw UsageError("-H needs 'NAME: VALUE', not “\(header.prefix(40))”.")
      }
      let name = PlainString.trimmed(header[..<colon])
      let value = PlainString.trimmed(header[header.index(after: colon)...])
      guard !name.isEmpty, name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }),
        !value.contains(where: \.isNewline)
      else {
        throw UsageError(
          "-H \(name.prefix(40)): a header name is letters, digits and '-', and a value one line.")
      }
      guard !refusedHeaders.contains(name.lowercased()) else {
        throw UsageError("-H \(name) is set by snowgate (the sign-in is the profile's).")
      }
      headers.append((name, value))
    }
    let method = parsed.options["--method"]?.uppercased() ?? (body == nil ? "GET" : "POST")
    guard (1...16).contains(method.count), method.allSatisfy({ $0.isASCII && $0.isLetter }) else {
      throw UsageError("-X needs an HTTP method such as GET, POST, PATCH, PUT or DELETE.")
    }
    var timeout = 30.0
    if let text = parsed.options["--timeout"] {
      guard let seconds = Double(text), seconds.isFinite, seconds > 0, seconds <= 600 else {
        throw UsageError("--timeout needs a number of seconds between 0 and 600, not “\(text.prefix(40))”.")
      }
      timeout = seconds
    }
    return APIRequest(
      path: path, profile: parsed.options["--profile"], method: method, headers: headers, body: body,
      paginate: parsed.flags.contains("--paginate"), include: parsed.flags.contains("--include"),
      verbose: parsed.flags.contains("--verbose"), timeout: timeout)
  }
}
