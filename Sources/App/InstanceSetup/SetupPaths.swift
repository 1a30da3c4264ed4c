import Platform

/// Where an admin clicks for each fix, in the wording of the instance's menus.
///
/// OAuth records are named by both paths: the Application Registry, and from Zurich the Machine
/// Identity Console, where the registry path is marked deprecated (SERVICENOW.md, corrections).
enum SetupPaths {
  /// Both ways to the OAuth record called `name`.
  static func oauthRecord(_ name: String) -> String {
    "All > System OAuth > Application Registry > open “\(name)”, or from Zurich on "
      + "All > Machine Identity Console > Inbound integrations > open “\(name)”"
  }

  /// Both ways to create an OAuth record.
  static let newOAuthRecord =
    "All > System OAuth > Application Registry > New > “Create an OAuth API endpoint for external "
    + "clients”, or from Zurich on All > Machine Identity Console > Inbound integrations > New integration"

  /// Where a system property is created or changed.
  static func property(_ name: String, value: String) -> String {
    "type sys_properties.list in the filter navigator, open \(name) (or New: name \(name), "
      + "type true|false), set Value to \(value), Save"
  }

  /// How a plugin is installed: by a person, never by snowgate.
  static func plugin(_ id: String, _ name: String) -> String {
    "snowgate never installs plugins: All > System Applications > All Available Applications > All, "
      + "search \(id) (\(name)), Install (on older releases All > System Definition > Plugins, Activate)"
  }

  static func group(_ name: String) -> String {
    "All > User Administration > Groups > open “\(name)”"
  }

  static let restMessage = "All > System Web Services > Outbound > REST Message"
}
