import Platform

/// A read the instance refused (no admin rights), and what it would have told.
///
/// Reported instead of a guess: without the read, snowgate cannot say whether that part of the
/// setup is right, only which part it could not look at and whom to ask.
struct SetupRefusal: Sendable, Equatable, Encodable {
  var table: String
  /// The instance's answer in a sentence (the failure's summary and the instance's own words).
  var answer: String
  /// What the read would have shown.
  var wouldTell: String

  enum CodingKeys: String, CodingKey {
    case table, answer
    case wouldTell = "would_tell"
  }
}
