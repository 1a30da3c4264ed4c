// swift-tools-version:6.0
// snowgate: connect a terminal to ServiceNow. Foundation, the system's ncursesw and libcurl only.
import PackageDescription

let package = Package(
  name: "snowgate",
  platforms: [.macOS(.v13)],
  products: [
    .executable(name: "snowgate", targets: ["snowgate"])
  ],
  dependencies: [],
  targets: [
    .systemLibrary(name: "CNcursesw", path: "Sources/CNcursesw"),
    // libcurl's headers only: the library itself is loaded on first use (Sources/CCurl/shim.h).
    .systemLibrary(name: "CCurl", path: "Sources/CCurl"),
    .target(name: "Vocabulary"),
    .target(name: "WizardCore", dependencies: ["Vocabulary"]),
    .target(name: "Hashing"),
    .target(name: "TextSafety"),
    .target(name: "SystemCommands"),
    .target(
      name: "ServiceNowClient",
      dependencies: ["CCurl", "Hashing", "SystemCommands", "TextSafety", "Vocabulary"]),
    .target(name: "Diagnosis", dependencies: ["TextSafety", "Vocabulary"]),
    .target(name: "Profiles", dependencies: ["SystemCommands", "Vocabulary"]),
    .target(name: "Simulator", dependencies: ["Hashing", "SystemCommands"]),
    .target(name: "TerminalUI", dependencies: ["WizardCore", "CNcursesw", "TextSafety"]),
    .target(
      name: "App",
      dependencies: [
        "Vocabulary", "WizardCore", "ServiceNowClient", "Diagnosis", "Profiles", "Simulator", "TerminalUI",
        "TextSafety",
      ]),
    .executableTarget(name: "snowgate", dependencies: ["App"]),
    .executableTarget(
      name: "snowgate-bench", dependencies: ["WizardCore", "TerminalUI"], path: "bench/Sources/snowgate-bench"
    ),
    .testTarget(name: "VocabularyTests", dependencies: ["Vocabulary"]),
    .testTarget(name: "WizardCoreTests", dependencies: ["WizardCore", "Vocabulary"]),
    .testTarget(
      name: "ServiceNowClientTests",
      dependencies: [
        "ServiceNowClient", "Hashing", "Simulator", "SystemCommands", "TextSafety", "Vocabulary",
      ]),
    .testTarget(name: "DiagnosisTests", dependencies: ["Diagnosis", "Vocabulary"]),
    .testTarget(
      name: "ProfilesTests", dependencies: ["Profiles", "SystemCommands", "Vocabulary", "profile-writer"]),
    .executableTarget(
      name: "profile-writer", dependencies: ["Profiles", "Vocabulary"], path: "Tests/Fixtures/profile-writer"),
    .testTarget(name: "SimulatorTests", dependencies: ["Simulator", "Hashing", "SystemCommands"]),
    .testTarget(name: "SystemCommandsTests", dependencies: ["SystemCommands"]),
    .testTarget(
      name: "TerminalUITests",
      dependencies: ["TerminalUI", "WizardCore", "CNcursesw", "ServiceNowClient", "Vocabulary"]),
    .testTarget(
      name: "AppTests",
      dependencies: [
        "App", "Diagnosis", "Profiles", "ServiceNowClient", "Simulator", "Vocabulary", "WizardCore",
      ]),
    .testTarget(name: "EndToEndTests"),
  ],
  swiftLanguageModes: [.v6]
)
