import WizardCore

/// Hand-built screen models that exercise every kind of item, for goldens and unit tests.
enum SampleScreens {
  static let hints = [
    KeyHint("Enter", "Continue"), KeyHint("Esc", "Back"), KeyHint("F1", "Help"), KeyHint("Ctrl-C", "Quit"),
  ]

  static var form: ScreenModel {
    ScreenModel(
      id: "sample-form", title: "Basic credentials", step: "Step 4 of 6",
      intro: [
        "Enter the user name and password of a ServiceNow account that may read the tables this "
          + "connection needs. The password is kept in the secret store, never in the config file."
      ],
      items: [
        .field(
          FieldModel(
            label: "User name", display: "admin", cursor: 5, placeholder: "e.g. integration.user",
            note: "A user with the rest_api_explorer role is enough.")),
        .field(
          FieldModel(
            label: "Password", display: "••••••••", cursor: 8, isSecret: true,
            error: "The password is empty; type the account's password.")),
        .field(
          FieldModel(label: "Instance", display: "", cursor: 0, placeholder: "dev12345.service-now.com")),
      ],
      focus: 1, hints: hints + [KeyHint("Ctrl-R", "Reveal")])
  }

  static var choices: ScreenModel {
    ScreenModel(
      id: "sample-choices", title: "Authentication", step: "Step 3 of 6",
      intro: ["How should snowgate sign in to the instance?"],
      items: [
        .choice(
          ChoiceModel(label: "Basic", detail: "User name and password on every request.", isSelected: true)),
        .choice(
          ChoiceModel(
            label: "OAuth password grant",
            detail: "Exchange a user's password once for tokens; needs an OAuth client.", isEnabled: false)),
        .choice(ChoiceModel(label: "OAuth client credentials", detail: "Machine-to-machine; no user.")),
      ],
      focus: 2, messages: [ScreenMessage(kind: .warning, title: "OAuth arrives in the next release.")],
      hints: hints)
  }

  static var checks: ScreenModel {
    ScreenModel(
      id: "sample-checks", title: "Test connection", step: "Step 5 of 6",
      intro: ["snowgate checks the connection one step at a time."],
      items: [
        .check(
          CheckLineModel(
            status: .pass, title: "URL", detail: "https://dev12345.service-now.com", elapsedMilliseconds: 2)),
        .check(CheckLineModel(status: .pass, title: "DNS", detail: "203.0.113.7", elapsedMilliseconds: 41)),
        .check(
          CheckLineModel(
            status: .fail, title: "Sign in", detail: "401 Unauthorized",
            remedy: "Check the user name and password; the account may be locked after failed attempts.",
            elapsedMilliseconds: 1234)),
        .check(
          CheckLineModel(
            status: .warn, title: "API access", detail: "sys_db_object is not readable",
            remedy: "Give the user the snc_read_only role.", elapsedMilliseconds: 15_300)),
        .check(CheckLineModel(status: .running, title: "Table read")),
        .check(CheckLineModel(status: .pending, title: "Token refresh")),
        .check(CheckLineModel(status: .skip, title: "Proxy", detail: "no proxy configured")),
        .action(ActionModel(label: "Run checks again")),
      ],
      focus: 7,
      progress: ScreenProgress(label: "Reading a table…", elapsedSeconds: 12, frame: 3),
      hints: hints)
  }
}
