import Foundation
import Synchronization
import Testing

@testable import TerminalUI

@Suite struct TerminalRestorerTests {
  @Test func restoringRunsTheActionOnceHoweverOftenItIsAsked() {
    let restorer = TerminalRestorer()
    let calls = Mutex(0)
    restorer.setAction { calls.withLock { $0 += 1 } }
    #expect(restorer.isArmed)
    restorer.restoreNow()
    restorer.restoreNow()
    #expect(calls.withLock { $0 } == 1)
    #expect(restorer.isArmed == false)
  }

  @Test func nothingRunsOnceTheTerminalWasRestoredByItsOwner() {
    let restorer = TerminalRestorer()
    let calls = Mutex(0)
    restorer.setAction { calls.withLock { $0 += 1 } }
    restorer.setAction(nil)
    restorer.restoreNow()
    #expect(calls.withLock { $0 } == 0)
  }

  @Test func theSignalsThatEndTheProgramAreCovered() {
    #expect(
      Set(TerminalRestorer.signals).isSuperset(of: [
        SIGTERM, SIGHUP, SIGINT, SIGQUIT, SIGUSR1, SIGUSR2, SIGALRM, SIGPIPE, SIGXCPU,
      ]))
  }
}
