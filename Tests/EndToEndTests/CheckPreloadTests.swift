import Foundation
import XCTest

/// What is preloaded keeps working for libcurl's calls: proxychains and torsocks hook
/// connect() through LD_PRELOAD, and snowgate loads libcurl with deep binding (its tree binds
/// in its own dependencies first), which would send libcurl's connect() past such a hook to
/// libc. With a preload, libcurl is loaded without it.
final class CheckPreloadTests: XCTestCase {
  /// A connect() hook that sends a connection to port `SG_HOOK_FROM` on to `SG_HOOK_TO`.
  static let hook = #"""
    #define _GNU_SOURCE
    #include <dlfcn.h>
    #include <netinet/in.h>
    #include <stdlib.h>
    #include <string.h>
    #include <sys/socket.h>
    int connect(int fd, const struct sockaddr *address, socklen_t length) {
      int (*real)(int, const struct sockaddr *, socklen_t) = dlsym(RTLD_NEXT, "connect");
      const char *from = getenv("SG_HOOK_FROM"), *to = getenv("SG_HOOK_TO");
      if (address && address->sa_family == AF_INET && from && to && length >= sizeof(struct sockaddr_in)) {
        struct sockaddr_in moved;
        memcpy(&moved, address, sizeof moved);
        if (ntohs(moved.sin_port) == atoi(from)) {
          moved.sin_port = htons(atoi(to));
          return real(fd, (const struct sockaddr *)&moved, sizeof moved);
        }
      }
      return real(fd, address, length);
    }
    """#

  func testAConnectHookInLDPreloadAlsoSeesLibcurlsConnections() throws {
    // The toolchain's clang (beside swift on PATH), else the system's compiler.
    let path = (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").map(String.init)
    let candidates = path.flatMap { ["\($0)/clang", "\($0)/cc", "\($0)/gcc"] } + ["/opt/swift/usr/bin/clang"]
    let compiler = candidates.first { FileManager.default.isExecutableFile(atPath: $0) }
    guard let compiler else { throw XCTSkip("no C compiler to build the hook") }
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "sg-preload-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let source = folder.appendingPathComponent("hook.c")
    let library = folder.appendingPathComponent("hook.so")
    try Self.hook.write(to: source, atomically: true, encoding: .utf8)
    let build = try Spawn.run([compiler, "-shared", "-fPIC", "-o", library.path, source.path, "-ldl"])
    guard build.status == 0 else { throw XCTSkip("the hook did not build with \(compiler): \(build.output)") }

    let simulator = try SimulatorProcess()
    defer { simulator.stop() }
    let nothing = try CheckLocalServer.freePort()
    let port = try XCTUnwrap(simulator.url.port)
    let arguments = ["check", "--instance", "http://127.0.0.1:\(nothing)", "--username", "admin", "--json"]
    let hooked = try CheckRun.run(
      arguments,
      environment: [
        "SNOWGATE_PASSWORD": "admin", "LD_PRELOAD": library.path, "SG_HOOK_FROM": String(nothing),
        "SG_HOOK_TO": String(port),
      ])
    // Every layer reached the simulator through the hook: the TCP probe (snowgate's own
    // connect) and the requests (libcurl's).
    XCTAssertEqual(try hooked.code(), "ok", hooked.stdout + hooked.stderr)
    XCTAssertEqual(hooked.status, 0)

    // Without the hook the same address has nothing behind it: the test can fail.
    let plain = try CheckRun.run(arguments, environment: ["SNOWGATE_PASSWORD": "admin"])
    XCTAssertNotEqual(try plain.code(), "ok", plain.stdout)
  }
}
