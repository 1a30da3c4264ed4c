import Platform

/// The part of an encoded query (`sysparm_query`) the simulator understands: `a=b^c!=d^ORDERBYx`.
///
/// Conditions it does not understand (LIKE, IN, …) match everything rather than fail, like a lenient
/// instance; a field the table does not have makes the query fail, as a real instance's ACL check does.
struct TableQuery: Sendable, Equatable {
  enum Condition: Sendable, Equatable {
    case equals(String, String)
    case notEquals(String, String)
  }

  var conditions: [Condition] = []
  var orderBy: [(field: String, descending: Bool)] = []

  static func == (lhs: TableQuery, rhs: TableQuery) -> Bool {
    lhs.conditions == rhs.conditions && lhs.orderBy.map(\.field) == rhs.orderBy.map(\.field)
      && lhs.orderBy.map(\.descending) == rhs.orderBy.map(\.descending)
  }

  init(_ text: String) {
    for term in text.split(separator: "^", omittingEmptySubsequences: true) {
      if term.hasPrefix("ORDERBYDESC") {
        orderBy.append((String(term.dropFirst("ORDERBYDESC".count)), true))
      } else if term.hasPrefix("ORDERBY") {
        orderBy.append((String(term.dropFirst("ORDERBY".count)), false))
      } else if let range = term.firstRange(of: "!=") {
        conditions.append(.notEquals(String(term[..<range.lowerBound]), String(term[range.upperBound...])))
      } else if let index = term.firstIndex(of: "=") {
        conditions.append(.equals(String(term[..<index]), String(term[term.index(after: index)...])))
      }
    }
  }

  /// Every field the query names, to check against the table's columns.
  var fieldNames: [String] {
    conditions.map {
      switch $0 {
      case .equals(let field, _), .notEquals(let field, _): return field
      }
    } + orderBy.map(\.field)
  }

  /// The rows that match, in the requested order.
  func apply(to rows: [[String: String]]) -> [[String: String]] {
    var matched = rows.filter { row in
      conditions.allSatisfy {
        switch $0 {
        case .equals(let field, let value): return (row[field] ?? "") == value
        case .notEquals(let field, let value): return (row[field] ?? "") != value
        }
      }
    }
    for order in orderBy.reversed() {
      matched = matched.enumerated().sorted { left, right in
        let a = left.element[order.field] ?? ""
        let b = right.element[order.field] ?? ""
        if a == b { return left.offset < right.offset }
        return order.descending ? a > b : a < b
      }.map(\.element)
    }
    return matched
  }
}
