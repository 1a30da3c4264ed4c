import Platform

/// Turns a stored row into the JSON the Table API answers with, for one request's parameters.
///
/// `sysparm_fields` picks and orders the fields (unknown and unreadable ones are dropped, as an
/// instance drops them); `sysparm_display_value` is `false` (values; references as
/// `{"link":…,"value":…}`), `true` (display values) or `all` (both, with the link).
struct RowRenderer {
  var table: SimulatedTable
  /// The fields the caller may read.
  var readable: [String]
  var display: String
  var fields: String?
  /// `http://host:port`, the start of a reference's link.
  var base: String
  /// Another table of the instance, for a reference's display value.
  var lookup: (String) -> SimulatedTable?

  func render(_ row: [String: String]) -> JSONValue {
    let asked =
      fields.map {
        $0.split(separator: ",").map { PlainString.trimmed($0) }.filter { !$0.isEmpty }
      } ?? []
    let names = (asked.isEmpty ? readable : asked).filter { readable.contains($0) }
    return .object(names.map { ($0, value(field: $0, row[$0] ?? "")) })
  }

  private func value(field: String, _ value: String) -> JSONValue {
    guard let target = table.references[field], !value.isEmpty else {
      if display == "all" { return .object([("display_value", .string(value)), ("value", .string(value))]) }
      return .string(value)
    }
    let link = JSONValue.string("\(base)/api/now/table/\(target)/\(value)")
    let shown =
      lookup(target).flatMap { other in
        other.rows.first { $0["sys_id"] == value }?[other.displayField]
      } ?? ""
    switch display {
    case "true": return .string(shown)
    case "all":
      return .object([("display_value", .string(shown)), ("link", link), ("value", .string(value))])
    default: return .object([("link", link), ("value", .string(value))])
    }
  }
}
