import Foundation

@testable import WizardCore

/// Values the flow tests share. The password is a sentinel so leaks can be searched for.
enum Fixtures {
  static let password = "S3CR3T-SENTINEL-pw"
  static let instanceText = "dev12345"
  static let instance = NormalisedInstance(
    address: "https://dev12345.service-now.com", host: "dev12345.service-now.com")
  static let url = URL(string: "https://dev12345.service-now.com")!

  static var draft: ConnectionDraft {
    ConnectionDraft(instanceURL: url, auth: .basic(username: "admin", password: SecretText(password)))
  }

  static let verdict401 = Verdict(
    code: "auth.basic_rejected", summary: "The instance refused the user name or password.",
    remedies: ["Check the password; it is case-sensitive."])
  static let verdict403 = Verdict(
    code: "api.forbidden", summary: "Signed in, but the user may not read sys_user.",
    remedies: ["Ask an admin for the role snc_platform_rest_api_access."])
  static let verdictDNS = Verdict(
    code: "dns.not_found", summary: "No such host: dev12345.service-now.com.",
    remedies: ["Check the instance name for typos."])

  /// What quitting a Basic setup from `state(on:)` keeps: no password.
  static let basicDraftSummary = DraftSummary(
    name: "dev12345", instance: "https://dev12345.service-now.com", authKind: .basic, username: "admin")

  static let profiles = [
    ProfileSummary(name: "prod", instance: "https://acme.service-now.com", authKind: .basic),
    ProfileSummary(name: "dev12345", instance: "https://dev12345.service-now.com", authKind: .basic),
  ]

  /// A state on `screen` with a valid instance and complete Basic credentials, as the flow leaves it.
  static func state(on screen: WizardScreen, profiles: [ProfileSummary] = []) -> WizardState {
    var state = WizardState(screen: screen, savedProfiles: profiles)
    state.instance = InstanceStep(text: instanceText)
    state.instance.input = TextInput(instanceText)
    state.instance.probe = .finished(instance, .reachable)
    state.authType = AuthTypeStep(focus: .basic, selected: .basic)
    state.credentials = CredentialsStep(
      username: TextInput("admin"), password: SecretInput(SecretText(password)), focus: .password)
    state.hasUnsavedChanges = true
    return state
  }
}
