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
        "TextSafety", "SystemCommands",
      ]),
    .executableTarget(name: "snowgate", dependencies: ["App"]),
    .executableTarget(
      name: "snowgate-bench", dependencies: ["WizardCore", "TerminalUI"], path: "bench/Sources/snowgate-bench"
    ),
    // Test doubles shared by the test targets (a scripted transport, the fake terminal); only
    // test targets depend on it.
    .target(
      name: "TestSupport", dependencies: ["ServiceNowClient", "TerminalUI", "WizardCore"],
      path: "Tests/TestSupport"),
    .testTarget(name: "VocabularyTests", dependencies: ["Vocabulary"]),
    .testTarget(name: "WizardCoreTests", dependencies: ["WizardCore", "Vocabulary"]),
    .testTarget(
      name: "ServiceNowClientTests",
      dependencies: [
        "ServiceNowClient", "Hashing", "Simulator", "SystemCommands", "TestSupport", "TextSafety",
        "Vocabulary",
      ]),
    .testTarget(name: "DiagnosisTests", dependencies: ["Diagnosis", "Vocabulary"]),
    .testTarget(
      name: "ProfilesTests",
      dependencies: ["Profiles", "SystemCommands", "TestSupport", "Vocabulary", "profile-writer"]),
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
        "App", "Diagnosis", "Profiles", "ServiceNowClient", "Simulator", "TerminalUI", "TestSupport",
        "Vocabulary",
        "WizardCore",
      ]),
    // The real binary as people run it; TestSupport only for its fakes (FakeSecretTool).
    .testTarget(name: "EndToEndTests", dependencies: ["TestSupport"]),
  ],
  swiftLanguageModes: [.v6]
)
