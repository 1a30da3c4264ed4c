extension WizardScreen {
  /// The word a half-finished setup records for this screen (`SetupDraft.step`), nil for the
  /// screens that are not steps of a setup.
  ///
  /// Stable words rather than the case names, so renaming a case never breaks a saved draft.
  public var draftWord: String? {
    switch self {
    case .instance: "instance"
    case .authType: "auth-type"
    case .credentials: "credentials"
    case .oauthClient, .createOAuthClient: "oauth-client"
    case .token, .authorization: "token"
    case .test: "test"
    case .save: "save"
    case .welcome, .pickProfile, .done, .diagnose, .agentTransfer: nil
    }
  }

  /// The screen a draft's `step` word names; nil for an unknown word (a newer snowgate's).
  /// "certificate" is what drafts saved before the certificate's fields joined the credentials
  /// screen recorded for it.
  public init?(draftWord: String) {
    if draftWord == "certificate" {
      self = .credentials
      return
    }
    let steps: [WizardScreen] = [.instance, .authType, .credentials, .oauthClient, .token, .test, .save]
    guard let screen = steps.first(where: { $0.draftWord == draftWord }) else { return nil }
    self = screen
  }
}
