import Vocabulary

/// The `--json` output of `snowgate check`, in the documented shape and key order.
///
/// ```
/// {"schema_version","profile","instance","auth","ok",
///  "diagnosis":{"code","summary","remedies":[…]},
///  "checks":[{"id","status","title","detail","remedy","elapsed_ms",
///            "timings":{"dns_ms","connect_ms","tls_ms","first_byte_ms","total_ms"} or null,
///            "presented_chain":[{"subject","issuer","not_before","not_after"}] or null}],
///  "elapsed_ms"}
/// ```
/// Every key is always present: `profile` is `null` without a saved profile and a check's
/// `remedy` is `null` when it has none, so a script never has to test for a missing key.
public enum JSONReport {
  /// The version of this shape (`schema_version`); it changes only when a key changes meaning.
  public static let schemaVersion = 1

  /// One report as a JSON object, pretty-printed (two spaces) unless `pretty` is false.
  public static func render(_ report: Report, pretty: Bool = true) -> String {
    var writer = JSONWriter(pretty: pretty)
    write(report, to: &writer)
    return writer.text
  }

  /// Several reports (`--all`) as a JSON array, in the order given.
  public static func render(_ reports: [Report], pretty: Bool = true) -> String {
    var writer = JSONWriter(pretty: pretty)
    writer.beginArray()
    for report in reports { write(report, to: &writer) }
    writer.endArray()
    return writer.text
  }

  static func write(_ report: Report, to writer: inout JSONWriter) {
    writer.beginObject()
    writer.int(schemaVersion, key: "schema_version")
    writer.string(report.profile, key: "profile")
    writer.string(report.instance, key: "instance")
    writer.string(report.auth.word, key: "auth")
    writer.bool(report.ok, key: "ok")
    writer.beginObject(key: "diagnosis")
    writer.string(report.diagnosis.code, key: "code")
    writer.string(report.diagnosis.summary, key: "summary")
    writer.beginArray(key: "remedies")
    for remedy in report.diagnosis.remedies { writer.string(remedy) }
    writer.endArray()
    writer.endObject()
    writer.beginArray(key: "checks")
    for check in report.checks {
      writer.beginObject()
      writer.string(check.id.rawValue, key: "id")
      writer.string(check.status.rawValue, key: "status")
      writer.string(check.title, key: "title")
      writer.string(check.detail, key: "detail")
      writer.string(check.remedy, key: "remedy")
      writer.int(check.elapsedMilliseconds, key: "elapsed_ms")
      if let timings = check.timings {
        writer.beginObject(key: "timings")
        for (key, value) in timings.fields { writer.int(value, key: key) }
        writer.endObject()
      } else {
        writer.string(nil, key: "timings")
      }
      writeChain(check.presentedChain, to: &writer)
      writer.endObject()
    }
    writer.endArray()
    writer.int(report.elapsedMilliseconds, key: "elapsed_ms")
    writer.endObject()
  }

  /// `presented_chain`: what the server showed in a failed TLS handshake, leaf first, so an
  /// SSL-inspection proxy or an expired certificate can be read by a script; `null` when the
  /// check saw no certificate. Validity bounds are UTC timestamps, `null` when unreadable.
  static func writeChain(_ chain: [PresentedCertificate], to writer: inout JSONWriter) {
    guard !chain.isEmpty else {
      writer.string(nil, key: "presented_chain")
      return
    }
    writer.beginArray(key: "presented_chain")
    for certificate in chain {
      writer.beginObject()
      writer.string(certificate.subject, key: "subject")
      writer.string(certificate.issuer, key: "issuer")
      writer.string(certificate.notBefore.map(PresentedCertificate.timestamp), key: "not_before")
      writer.string(certificate.notAfter.map(PresentedCertificate.timestamp), key: "not_after")
      writer.endObject()
    }
    writer.endArray()
  }
}
