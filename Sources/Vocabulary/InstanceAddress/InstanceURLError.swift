/// Why an instance address was refused, each with a sentence for the person who typed it.
///
/// Messages say what is wrong and show a good value. None of them repeats what came before an
/// `@`, because that is where people paste passwords.
public enum InstanceURLError: Error, Equatable, Sendable, CustomStringConvertible {
  case empty
  case tooLong(characters: Int)
  case controlCharacter
  case backslash
  case containsSpace
  case unsupportedScheme(String)
  case malformedScheme
  case credentialsInURL
  case missingHost
  case invalidPort
  case ipv6NeedsBrackets
  case invalidIPv6
  case unicodeHost
  case emptyLabel
  case invalidHostCharacter(Character)
  case hyphenAtLabelEdge
  case labelTooLong
  case hostTooLong
  case invalidIPv4
  case serviceNowDomainOnly
  /// Plain http to a host that is not this computer; carries the https address to suggest.
  case plainHTTPNotAllowed(suggestion: String)

  public var description: String { message }

  /// One or two sentences: what is wrong, then an example of a good value.
  public var message: String {
    switch self {
    case .empty:
      return "Type the instance name or address, e.g. dev12345."
    case .tooLong(let characters):
      return "That is \(characters) characters, too long for an address; type e.g. dev12345."
    case .controlCharacter:
      return "It holds an invisible control character (a paste?); retype it, e.g. dev12345."
    case .backslash:
      return "An address has no backslash (\\); use slashes, e.g. https://dev12345.service-now.com."
    case .containsSpace:
      return "An address has no spaces; remove them, e.g. dev12345.service-now.com."
    case .unsupportedScheme(let scheme):
      return "“\(scheme):” is not a web address; use https://, e.g. https://itsm.example.com."
    case .malformedScheme:
      return "Put two slashes after the colon, e.g. https://dev12345.service-now.com."
    case .credentialsInURL:
      return "Credentials do not belong in the address; remove the part up to “@”, e.g. dev12345."
    case .missingHost:
      return "The host name is missing, e.g. https://dev12345.service-now.com."
    case .invalidPort:
      return "The port must be a number from 1 to 65535, e.g. https://itsm.example.com:8443."
    case .ipv6NeedsBrackets:
      return "Put an IPv6 address in brackets, e.g. http://[::1]:8080."
    case .invalidIPv6:
      return "That IPv6 address is not valid; write it like https://[2001:db8::1]."
    case .unicodeHost:
      return "Type a non-ASCII host name in its xn-- form, e.g. xn--mnchen-3ya.de for münchen.de."
    case .emptyLabel:
      return "The host name has an empty part between dots, e.g. dev12345.service-now.com."
    case .invalidHostCharacter(let character):
      return "A host name cannot contain “\(character)”; use letters, digits and -, e.g. dev12345."
    case .hyphenAtLabelEdge:
      return "A part of the host name starts or ends with “-”, e.g. my-instance.example.com."
    case .labelTooLong:
      return "A part of the host name is longer than 63 characters, e.g. dev12345."
    case .hostTooLong:
      return "The host name is longer than 253 characters, e.g. dev12345.service-now.com."
    case .invalidIPv4:
      return "That is not a valid IP address, e.g. http://127.0.0.1:8080 (or a name: dev12345)."
    case .serviceNowDomainOnly:
      return "Add your instance name in front, e.g. dev12345.service-now.com."
    case .plainHTTPNotAllowed(let suggestion):
      return "Plain http:// is only for this computer (localhost); use \(suggestion)."
    }
  }
}
