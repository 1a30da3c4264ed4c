/// The `dns` layer: does the instance's name resolve, and to what?
public enum DNSCheck {
  /// The outcome and the addresses the TCP layer will try.
  public static func run(host: String, port: Int, timeout: Double) async -> (LayerOutcome, [ResolvedAddress])
  {
    let resolved = await Resolver.resolve(host: host, port: port, timeout: timeout)
    let networkRemedy =
      "Check the network connection and the DNS servers (/etc/resolv.conf), then try again."
    switch resolved {
    case .addresses(let addresses) where addresses.map(\.text) == [host]:
      return (.pass("\(host) is an address: nothing to resolve"), addresses)
    case .addresses(let addresses):
      let shown = addresses.prefix(4).map(\.text).joined(separator: ", ")
      let more = addresses.count > 4 ? " and \(addresses.count - 4) more" : ""
      return (.pass("\(host) → \(shown)\(more)"), addresses)
    case .notFound:
      let outcome = LayerOutcome.fail(
        code: "dns.not_found", detail: "\(host) does not exist in DNS",
        summary: "The name \(host) does not exist in DNS.",
        remedies: [
          "Check the instance name for a typo: a ServiceNow instance is NAME.service-now.com.",
          "For a custom domain, check that it resolves on this network (getent hosts \(host)); "
            + "it may need a VPN.",
        ])
      return (outcome, [])
    case .temporaryFailure(let text):
      let outcome = LayerOutcome.fail(
        code: "dns.temporary_failure", detail: "the resolver could not answer for \(host): \(text)",
        summary: "The DNS server could not answer for \(host) right now.", remedies: [networkRemedy])
      return (outcome, [])
    case .failed(let text):
      let outcome = LayerOutcome.fail(
        code: "dns.failed", detail: "resolving \(host) failed: \(text)",
        summary: "Resolving \(host) failed.", remedies: [networkRemedy])
      return (outcome, [])
    case .timedOut:
      let outcome = LayerOutcome.fail(
        code: "dns.timeout", detail: "no answer for \(host) within \(TCPCheck.seconds(timeout))",
        summary: "The DNS server did not answer for \(host) within \(TCPCheck.seconds(timeout)).",
        remedies: [networkRemedy])
      return (outcome, [])
    }
  }
}
