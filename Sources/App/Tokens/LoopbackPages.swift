/// The short pages the loopback listener shows in the browser.
///
/// Plain HTML without scripts or outside resources; they never echo the query (it holds the code).
enum LoopbackPages {
  static let success = page(
    "Signed in", "snowgate received the sign-in. You can close this tab and return to the terminal.")
  static let denied = page(
    "Sign-in not completed",
    "The instance did not grant access. Return to the terminal: snowgate says what happened and what to try.")
  static let wrongState = page(
    "Sign-in refused",
    "This sign-in does not belong to the one snowgate is waiting for (its state does not match). "
      + "It may come from an old browser tab. Start the sign-in again from the terminal.")
  static let missingState = page(
    "Sign-in refused",
    "The redirect carries no state, so snowgate cannot tell it belongs to its sign-in, and refuses it. "
      + "Start the sign-in again from the terminal.")
  static let missingCode = page(
    "Sign-in refused",
    "The redirect carries no authorization code. Start the sign-in again from the terminal.")
  static let notFound = page(
    "Not found", "This address only receives the sign-in redirect of snowgate.")

  private static func page(_ title: String, _ text: String) -> String {
    """
    <!DOCTYPE html>
    <html><head><meta charset="utf-8"><title>snowgate: \(title)</title></head>
    <body style="font-family: sans-serif; margin: 3em;"><h1>\(title)</h1><p>\(text)</p></body></html>

    """
  }
}
