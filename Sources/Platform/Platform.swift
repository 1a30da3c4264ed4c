// What every snowgate module imports instead of Foundation: FoundationEssentials (Data, URL,
// Date, FileManager, ProcessInfo, JSONEncoder and JSONDecoder), the C library, and the few pieces
// of Foundation proper snowgate used, written here small (a lock, a thread, the standard
// streams, a JSON value, form and percent encoding, string and path helpers).
//
// Why: linking Foundation proper also links FoundationInternationalization and ICU. In the
// static binary that is ~1,800 of the runtime's ~5,600 protocol-conformance records, and the
// runtime scans all of them on every first (type, protocol) lookup, a dozen times per command
// (bench/type-lookups.sh), besides ~2 ms of start-up (bench/check-vs-curl.md).
// `scripts/test` fails when a source file of the product imports Foundation again.

#if canImport(FoundationEssentials)
  @_exported import FoundationEssentials
#else
  @_exported import Foundation
#endif

#if canImport(Glibc)
  @_exported import Glibc
#elseif canImport(Musl)
  @_exported import Musl
#elseif canImport(Darwin)
  @_exported import Darwin
#endif
