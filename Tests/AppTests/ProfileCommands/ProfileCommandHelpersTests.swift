import Foundation
import Profiles
import Testing
import Vocabulary

@testable import App

@Suite struct ProfileCommandHelpersTests {
  @Test func onlyYesConfirms() {
    for answer in ["y", "Y", "yes", " YES "] { #expect(Confirmation.isYes(answer)) }
    for answer in ["", "n", "no", "yep", "ja"] { #expect(!Confirmation.isYes(answer)) }
  }

  @Test func storeErrorsAreConfigurationExceptTheDisk() {
    #expect(StoreFailure.exitCode(for: ProfileStoreError.unreadable(path: "/c", problem: "x")) == 2)
    #expect(StoreFailure.exitCode(for: ProfileStoreError.credentialsTooOpen(path: "/c", mode: 0o644)) == 2)
    #expect(StoreFailure.exitCode(for: ProfileStoreError.nameTaken("a")) == 2)
    #expect(
      StoreFailure.exitCode(for: ProfileStoreError.fileSystem(path: "/", action: "a", reason: "r")) == 1)
  }

  @Test func anUnknownNameListsTheSavedOnesOrPointsAtADraft() {
    let url = URL(string: "https://x.service-now.com")!
    let config = Config(
      profiles: [
        Profile(name: "alpha", instanceURL: url, authType: .basic),
        Profile(name: "beta", instanceURL: url, authType: .basic),
      ],
      drafts: [SetupDraft(name: "half", instanceURL: url)])
    #expect(KnownNames.unknownProfile("alhpa", in: config).text.contains("Saved profiles: alpha, beta"))
    #expect(KnownNames.unknownProfile("half", in: config).text.contains("snowgate setup half"))
    #expect(KnownNames.unknownProfile("x", in: Config()).text.contains("snowgate setup"))
  }

  @Test func authWordsRoundTrip() {
    for type in AuthKind.allCases {
      #expect(AuthKind(word: type.word) == type)
    }
    #expect(AuthKind.words.count == AuthKind.allCases.count)
  }
}
