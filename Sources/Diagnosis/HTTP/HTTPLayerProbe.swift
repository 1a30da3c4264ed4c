/// The layers that need the ServiceNow HTTP client, injected so Diagnosis stays testable.
///
/// The runner calls these in order (tls, instance, auth, api, apiMeta, token) and stops calling
/// once one fails. An implementation may do one HTTPS request for `tls` and `instance` and keep
/// its answer (an actor), or reuse the token from `auth` in `api`. Each call should finish within
/// `context.timeout`; the runner also stops waiting at `timeout + slack` and then reports
/// `http.timeout`, so a call that ignores its deadline cannot hang the check.
///
/// Return `.fail(code:…)` with the client's stable codes (`tls.untrusted`, `auth.basic_rejected`,
/// …) and their catalogue wording, and `.skip` for a layer that does not apply (the `token` layer
/// with Basic auth). A failure of `apiMeta` is reported as a warning whatever is returned.
public protocol HTTPLayerProbe: Sendable {
  /// The TLS handshake and certificate trust, as seen by the first HTTPS request.
  func tls(_ context: HTTPLayerContext) async -> LayerOutcome
  /// The server answers as ServiceNow: not hibernating, not an error page, not another server.
  func instance(_ context: HTTPLayerContext) async -> LayerOutcome
  /// Basic credentials accepted, or an OAuth token obtained or refreshed.
  func auth(_ context: HTTPLayerContext) async -> LayerOutcome
  /// The least-privilege Table API read of `sys_user`.
  func api(_ context: HTTPLayerContext) async -> LayerOutcome
  /// A read of `sys_db_object`; integrations often need it, so its failure is a warning.
  func apiMeta(_ context: HTTPLayerContext) async -> LayerOutcome
  /// OAuth only: expiry, a refresh token present, and with `forceRefresh` a real refresh.
  func token(_ context: HTTPLayerContext) async -> LayerOutcome
}
