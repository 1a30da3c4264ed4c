import Foundation
import XCTest

/// Answers without end: an endless chunked body, a gzip bomb and a megabyte of headers each
/// end at snowgate's limit with `http.too_large` (exit 5), and the process stays small.
final class CheckBoundedAnswerTests: XCTestCase {
  /// Answers every request with `sys.argv[2]`'s kind of endless answer.
  static let server = """
    import socket, sys, threading, zlib
    kind = sys.argv[2]
    def serve(conn):
        try:
            conn.recv(65536)
            if kind == 'chunked':
                conn.sendall(b'HTTP/1.1 200 OK\\r\\nContent-Type: application/json\\r\\nTransfer-Encoding: chunked\\r\\n\\r\\n')
                chunk = b'x' * 65536
                frame = b'%x\\r\\n' % len(chunk) + chunk + b'\\r\\n'
                while True:
                    conn.sendall(frame)
            elif kind == 'gzip':
                # 1 GiB of zeros, compressed as it is sent (about 1 MB on the wire): never stored.
                conn.sendall(b'HTTP/1.1 200 OK\\r\\nContent-Type: application/json\\r\\nContent-Encoding: gzip\\r\\nConnection: close\\r\\n\\r\\n')
                packer = zlib.compressobj(9, zlib.DEFLATED, 31)
                zeros = bytes(1 << 20)
                for _ in range(1024):
                    conn.sendall(packer.compress(zeros))
                conn.sendall(packer.flush())
            elif kind == 'header':
                conn.sendall(b'HTTP/1.1 200 OK\\r\\nX-Big: ' + b'a' * (1 << 20) + b'\\r\\nContent-Length: 0\\r\\n\\r\\n')
            elif kind == 'headers':
                conn.sendall(b'HTTP/1.1 200 OK\\r\\n' + b''.join(b'X-Many-%d: %s\\r\\n' % (i, b'b' * 1000) for i in range(1000)) + b'Content-Length: 0\\r\\n\\r\\n')
        except OSError:
            pass
        finally:
            conn.close()
    server = socket.socket()
    server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    server.bind(('127.0.0.1', int(sys.argv[1])))
    server.listen(16)
    while True:
        conn, _ = server.accept()
        threading.Thread(target=serve, args=(conn,), daemon=True).start()
    """

  /// Runs its arguments and prints their peak RSS (KiB) as the last line of stderr.
  static let peakRSS = [
    "python3", "-c",
    "import resource, subprocess, sys; code = subprocess.run(sys.argv[1:]).returncode; "
      + "print('peak-rss-kib', resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, file=sys.stderr); "
      + "sys.exit(code)",
  ]

  private func checkAgainst(_ kind: String) throws -> (run: CheckRun, peakKiB: Int) {
    let server = try CheckLocalServer(["python3", "-c", Self.server, "{port}", kind])
    defer { server.stop() }
    let run = try CheckRun.run(
      [
        "check", "--instance", "http://127.0.0.1:\(server.port)", "--username", "admin", "--json",
        "--timeout", "20",
      ], environment: ["SNOWGATE_PASSWORD": "admin"], launcher: Self.peakRSS)
    let line = try XCTUnwrap(
      run.stderr.split(separator: "\n").last { $0.hasPrefix("peak-rss-kib ") }, run.stderr)
    let peak = try XCTUnwrap(Int(line.split(separator: " ")[1]))
    return (run, peak)
  }

  private func assertEndsAtTheLimit(_ kind: String, part: String) throws {
    let (run, peak) = try checkAgainst(kind)
    XCTAssertEqual(try run.code(), "http.too_large", run.stdout + run.stderr)
    XCTAssertEqual(run.status, 5)
    let instance = try XCTUnwrap(try run.check("instance")?["detail"] as? String)
    XCTAssertTrue(instance.contains(part), instance)
    XCTAssertLessThan(peak, 100 * 1024, "peak RSS \(peak) KiB")
  }

  func testAnEndlessChunkedBodyEndsAtTheBodyLimit() throws {
    try assertEndsAtTheLimit("chunked", part: "body")
  }

  func testAGzipBombEndsAtTheBodyLimitAfterDecoding() throws {
    try assertEndsAtTheLimit("gzip", part: "body")
  }

  func testAOneMegabyteHeaderEndsAtTheHeaderLimit() throws {
    try assertEndsAtTheLimit("header", part: "headers")
  }

  func testAThousandHeadersEndAtTheHeaderLimit() throws {
    try assertEndsAtTheLimit("headers", part: "headers")
  }
}
