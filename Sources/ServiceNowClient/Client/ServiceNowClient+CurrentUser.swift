import Platform

extension ServiceNowClient {
  /// The longest user name or display name taken from an answer; longer ones are cut.
  static let maximumUserNameLength = 200

  /// Who the credentials sign in as: the sys_user record of the session's own user.
  ///
  /// The Table API evaluates `javascript:gs.getUserName()` in an encoded query on the instance,
  /// as the session's user (GlideSystem.getUserName returns the user_name: jacebenson/jace.pro,
  /// content/page/gs.md), and integrations read their own user this way
  /// (`sys_user?sysparm_query=user_name=javascript:gs.getUserName()&sysparm_limit=1`, e.g.
  /// ServiceNow MCP servers' "whoami" tools). It needs no role beyond reading one's own record,
  /// unlike `/api/now/ui/user/current_user`, which is a UI API. Nil-equivalent failure when the
  /// record cannot be read; callers then say nothing rather than guess.
  public func currentUser(auth: Credentials) async -> Result<CurrentUser, ServiceNowFailure> {
    let read = await readTable(
      "sys_user", fields: ["user_name", "name"], limit: 1, auth: auth,
      encodedQuery: "user_name=javascript:gs.getUserName()")
    switch read {
    case .failure(let failure):
      return .failure(failure)
    case .success(let table):
      guard let row = table.records.first, let userName = row["user_name"], !userName.isEmpty else {
        return .failure(
          ServiceNowFailure(.apiBadResponse, detail: "The instance did not name the signed-in user."))
      }
      return .success(
        CurrentUser(
          userName: String(userName.prefix(Self.maximumUserNameLength)),
          name: String((row["name"] ?? "").prefix(Self.maximumUserNameLength))))
    }
  }
}
