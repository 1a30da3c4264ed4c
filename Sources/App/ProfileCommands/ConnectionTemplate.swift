import Platform
import Profiles
import Vocabulary
import WizardCore

/// A saved connection without its secrets or its user: what `profiles export` writes and
/// `setup --from` reads, so each person signs in as themselves.
///
/// Built field by field from the profile (never by encoding the profile or its credentials),
/// so a secret cannot slip in when the profile gains a field. `version` lets a later snowgate
/// refuse a template it does not understand instead of misreading it.
struct ConnectionTemplate: Codable, Equatable {
  static let currentVersion = 1
  /// Largest template file read; a real one is a few hundred bytes.
  static let maximumBytes = 64 * 1024

  var version: Int
  var instance: String
  var apiVersion: String?
  /// The auth kind's command-line word (`password`, `client-credentials`, …).
  var auth: String
  var clientID: String?
  var scope: String?
  var redirectURI: String?
  /// The CA bundle file the profile trusts, as it was saved (the file itself is not copied).
  var caBundle: String?

  enum CodingKeys: String, CodingKey {
    case version, instance, auth, scope
    case apiVersion = "api_version"
    case clientID = "client_id"
    case redirectURI = "redirect_uri"
    case caBundle = "ca_bundle"
  }

  init(profile: Profile) {
    version = Self.currentVersion
    instance = profile.instanceURL.absoluteString
    apiVersion = profile.apiVersion
    auth = profile.authType.word
    clientID = profile.clientID
    scope = profile.scope
    redirectURI = profile.redirectURI
    caBundle = profile.caBundle
  }

  func json() -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    return String(decoding: (try? encoder.encode(self)) ?? Data(), as: UTF8.self) + "\n"
  }

  /// Reads a template from a local path or a `file://` URL, checked before anything uses it.
  static func read(_ location: String) throws(UsageError) -> ConnectionTemplate {
    var path = location
    if location.lowercased().hasPrefix("file://") {
      guard let url = URL(string: location), url.isFileURL else {
        throw UsageError("--from: “\(location.prefix(200))” is not a file:// URL snowgate can read.")
      }
      path = url.path
    } else if location.contains("://") {
      throw UsageError(
        "--from reads a local file (a path or file://), not “\(location.prefix(200))”.",
        hint: "Download the template first, look at it, then give its path.")
    }
    guard let data = FileBytes.read(atPath: path, upTo: maximumBytes + 1) else {
      throw UsageError("--from: cannot read \(path) (it does not exist or is not readable).")
    }
    guard data.count <= maximumBytes else {
      throw UsageError(
        "--from: \(path) is larger than \(maximumBytes / 1024) KB; a template is a few hundred bytes.")
    }
    guard BoundedJSON.object(data) != nil, let template = try? JSONDecoder().decode(Self.self, from: data)
    else {
      throw UsageError(
        "--from: \(path) is not a snowgate connection template (made by snowgate profiles export).")
    }
    guard template.version == currentVersion else {
      throw UsageError(
        "--from: \(path) is a template of version \(template.version); this snowgate reads version "
          + "\(currentVersion). Export it again with this snowgate, or update snowgate.")
    }
    guard case .success = InstanceURL.normalise(template.instance) else {
      throw UsageError("--from: the template's instance is not an instance address.")
    }
    guard AuthKind(word: template.auth) != nil else {
      throw UsageError(
        "--from: the template's auth “\(template.auth.prefix(40))” is not a sign-in snowgate knows.")
    }
    for value in [
      template.clientID, template.scope, template.redirectURI, template.apiVersion, template.caBundle,
    ] {
      if let value, value.count > 2000 || value.unicodeScalars.contains(where: { $0.value < 0x20 }) {
        throw UsageError("--from: the template holds a value that is too long or has control characters.")
      }
    }
    return template
  }

  /// The `setup --no-input` options the template gives, leaving out those the command line gives.
  func arguments(except given: Set<String>) -> [String] {
    var pairs: [(String, String?)] = [
      ("--instance", instance), ("--auth", auth), ("--client-id", clientID), ("--scope", scope),
      ("--api-version", apiVersion),
    ]
    if let caBundle, FileManager.default.isReadableFile(atPath: caBundle) {
      pairs.append(("--ca-bundle", caBundle))
    }
    return pairs.flatMap { option, value -> [String] in
      guard let value, !value.isEmpty, !given.contains(option) else { return [] }
      return [option, value]
    }
  }

  /// The template as a half-finished setup called `name`, which the wizard resumes at sign-in.
  func draft(name: String) -> SetupDraft? {
    guard case .success(let address) = InstanceURL.normalise(instance) else { return nil }
    return SetupDraft(
      name: name, instanceURL: address.url, apiVersion: apiVersion ?? address.apiVersion,
      authType: AuthKind(word: auth), clientID: clientID, scope: scope, redirectURI: redirectURI,
      // Everything but the sign-in is in the template: the wizard opens where each person
      // signs in as themselves (the Basic credentials or the OAuth client screen).
      step: WizardScreen.credentials.draftWord)
  }
}
