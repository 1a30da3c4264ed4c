// A writer process for ProfilesTests: saves profiles as fast as it can so the tests can kill it
// at a random moment or run two at once. Not part of snowgate.
//
//   profile-writer crash DIR            forever: save profile "crash" (counter +1), then store a token
//   profile-writer many DIR PREFIX N    save PREFIX-0 … PREFIX-(N-1) once each, then exit
//
// It prints "ready" on stdout once the store is set up, so the test can time its kill.
import Foundation
import Profiles
import Vocabulary

let arguments = CommandLine.arguments
guard arguments.count >= 3 else {
  FileHandle.standardError.write(Data("usage: profile-writer crash DIR | many DIR PREFIX N\n".utf8))
  exit(2)
}
let store = ProfileStore(directory: URL(fileURLWithPath: arguments[2], isDirectory: true))

/// Writes a line to stdout at once (no buffering), so the test sees it before a kill.
func say(_ line: String) {
  FileHandle.standardOutput.write(Data((line + "\n").utf8))
}

func profile(_ name: String, counter: Int) -> Profile {
  Profile(
    name: name, instanceURL: URL(string: "https://dev\(counter).service-now.com")!,
    authType: .oauthPassword, clientID: "client-\(counter)", username: "user-\(counter)")
}

func secrets(counter: Int) -> StoredCredentials {
  StoredCredentials(
    password: Secret("S3CR3T-password-\(counter)"),
    clientSecret: Secret("S3CR3T-client-\(counter)"))
}

do {
  switch arguments[1] {
  case "crash":
    var counter = 0
    if let current = try store.load().profile(named: "crash"),
      let host = current.instanceURL.host, let number = Int(host.dropFirst(3).prefix { $0.isNumber })
    {
      counter = number
    }
    say("ready")
    while true {
      counter += 1
      try store.save(profile: profile("crash", counter: counter), secrets: secrets(counter: counter))
      try store.updateTokens(
        profile: "crash",
        TokenSet(expiresAt: Date(), obtainedAt: Date(), accessToken: Secret("S3CR3T-access-\(counter)")))
    }
  case "many" where arguments.count == 5:
    let prefix = arguments[3]
    let count = Int(arguments[4]) ?? 0
    say("ready")
    for index in 0..<count {
      try store.save(profile: profile("\(prefix)-\(index)", counter: index), secrets: secrets(counter: index))
    }
    say("done")
  default:
    FileHandle.standardError.write(Data("unknown mode \(arguments[1])\n".utf8))
    exit(2)
  }
} catch {
  FileHandle.standardError.write(Data("profile-writer: \(error.localizedDescription)\n".utf8))
  exit(1)
}
