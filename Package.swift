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
    .target(name: "WizardCore"),
    .target(name: "Hashing"),
    .target(name: "ServiceNowClient", dependencies: ["Hashing", "CCurl"]),
    .target(name: "Diagnosis", dependencies: ["ServiceNowClient"]),
    .target(name: "Profiles", dependencies: ["ServiceNowClient"]),
    .target(name: "Simulator", dependencies: ["Hashing"]),
    .target(name: "TerminalUI", dependencies: ["WizardCore", "CNcursesw"]),
    .target(
      name: "App",
      dependencies: [
        "WizardCore", "ServiceNowClient", "Diagnosis", "Profiles", "Simulator", "TerminalUI",
      ]),
    .executableTarget(name: "snowgate", dependencies: ["App"]),
    .executableTarget(
      name: "snowgate-bench", dependencies: ["WizardCore", "TerminalUI"], path: "bench/Sources/snowgate-bench"),
    .testTarget(name: "WizardCoreTests", dependencies: ["WizardCore"]),
    .testTarget(name: "ServiceNowClientTests", dependencies: ["ServiceNowClient", "Simulator", "Hashing"]),
    .testTarget(
      name: "DiagnosisTests", dependencies: ["Diagnosis", "ServiceNowClient", "Simulator"]),
    .testTarget(name: "ProfilesTests", dependencies: ["Profiles", "ServiceNowClient", "profile-writer"]),
    .executableTarget(name: "profile-writer", dependencies: ["Profiles"], path: "Tests/Fixtures/profile-writer"),
    .testTarget(name: "SimulatorTests", dependencies: ["Simulator", "Hashing"]),
    .testTarget(
      name: "TerminalUITests", dependencies: ["TerminalUI", "WizardCore", "CNcursesw", "ServiceNowClient"]),
    .testTarget(name: "AppTests", dependencies: ["App"]),
    .testTarget(name: "EndToEndTests", dependencies: ["Simulator"]),
  ],
  swiftLanguageModes: [.v6]
)
