#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// What the process does to itself before it holds a secret: no core dumps.
///
/// A core file is a copy of memory (passwords, tokens, the decoded credentials file) written
/// wherever the system puts cores, often readable by more people than the credentials file.
/// The hard limit is lowered too, so nothing started later in the process can raise it again.
enum ProcessHardening {
  static func apply() {
    var none = rlimit(rlim_cur: 0, rlim_max: 0)
    _ = setrlimit(Int32(RLIMIT_CORE.rawValue), &none)
  }
}
