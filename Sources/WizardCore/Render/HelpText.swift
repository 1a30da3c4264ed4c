/// The F1 help of each screen, written for the help box of an 80-column terminal (66 columns).
enum HelpText {
  static func lines(for screen: WizardScreen) -> [String] {
    switch screen {
    case .welcome:
      return [
        "snowgate sets up a connection to a ServiceNow instance in five",
        "steps: the address, how to sign in, the credentials, a test and",
        "a name. Nothing is saved until the last step.",
        "",
        "↑ ↓ or Tab move between the choices; Enter picks one.",
        "Esc or Ctrl-C leaves.",
      ]
    case .pickProfile:
      return [
        "The saved connections, by name. Enter opens the one under the",
        "cursor. Unfinished ones are setups left before they were saved.",
        "Esc goes back to the welcome screen.",
      ]
    case .instance:
      return [
        "Type the instance however you know it:",
        "  dev12345                  a name on service-now.com",
        "  dev12345.service-now.com  its host name",
        "  https://…/now/nav/ui/home any URL copied from the browser",
        "  https://itsm.example.com  a custom domain",
        "  https://…/api/now/v2      fixes the Table API version",
        "The line under the field shows the address snowgate will use.",
        "Plain http:// works only for this computer (localhost).",
        "",
        "Enter checks that ServiceNow answers there (no sign-in yet).",
        "Editing: ← → Home End Backspace Delete; Ctrl-U clears the field.",
      ]
    case .authType:
      return [
        "Basic sends the user name and password with every request. It",
        "is the simplest and works unless the instance restricts Basic",
        "auth or the user may sign in only through SSO.",
        "",
        "OAuth (next release) uses a client registered under System",
        "OAuth > Application Registry, and tokens instead of a password.",
        "",
        "↑ ↓ move, Enter picks, Esc goes back to the address.",
      ]
    case .credentials:
      return [
        "Use an integration user made for snowgate, not a person's",
        "account. It needs the role snc_platform_rest_api_access (or",
        "admin on a developer instance) and read access to the tables",
        "your scripts use. Users who may sign in only through SSO, or",
        "who need MFA, cannot use Basic auth.",
        "",
        "Tab moves between the fields. Ctrl-R shows or hides the",
        "password; it is hidden again when you leave this screen.",
        "Ctrl-U clears a field.",
      ]
    case .test:
      return [
        "The test signs in and reads one record of sys_user and of",
        "sys_db_object, the least an integration needs. Nothing is",
        "changed on the instance.",
        "",
        "401: the instance refused the user name or password, or the",
        "user may not use Basic auth. 403: signed in, but the user lacks",
        "a role to read the tables.",
        "",
        "Esc cancels a running test. After a failure you can still save,",
        "but only by choosing Save anyway.",
      ]
    case .save:
      return [
        "The name is how commands find this connection, as in",
        "snowgate check NAME. Use letters, digits, -, _ and . only.",
        "The next screen says where it was saved.",
        "",
        "Esc goes back to the test; nothing is saved until Enter.",
      ]
    case .done:
      return [
        "snowgate check NAME diagnoses the connection when it fails.",
        "snowgate setup NAME opens this wizard again to change it.",
        "Enter or q leaves.",
      ]
    }
  }
}
