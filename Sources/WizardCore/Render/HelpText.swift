import Vocabulary

/// The F1 help of each screen, written for the help box of an 80-column terminal (66 columns).
enum HelpText {
  static func lines(for screen: WizardScreen, kind: AuthKind = .basic) -> [String] {
    switch screen {
    case .welcome:
      return [
        "snowgate sets up a connection to a ServiceNow instance in five",
        "steps: the address, how to sign in, the credentials, a test and",
        "a name. Nothing is saved until the last step.",
        "",
        "↑ ↓ or Tab move between the choices; Enter picks one.",
        "Esc or Ctrl-C leaves.",
      ]
    case .pickProfile:
      return [
        "The saved connections, by name. Enter opens the one under the",
        "cursor. Unfinished ones are setups left before they were saved.",
        "Esc goes back to the welcome screen.",
      ]
    case .instance:
      return [
        "Type the instance however you know it:",
        "  dev12345                  a name on service-now.com",
        "  dev12345.service-now.com  its host name",
        "  https://…/now/nav/ui/home any URL copied from the browser",
        "  https://itsm.example.com  a custom domain",
        "  https://…/api/now/v2      fixes the Table API version",
        "The line under the field shows the address snowgate will use.",
        "Plain http:// works only for this computer (localhost).",
        "",
        "Enter checks that ServiceNow answers there (no sign-in yet).",
        "Editing as in a shell: Ctrl-A/E, Alt-B/F (words), Ctrl-U/K/W.",
      ]
    case .authType:
      return [
        "Basic sends the user name and password with every request. It",
        "is the simplest and works unless the instance restricts Basic",
        "auth or the user may sign in only through SSO.",
        "",
        "OAuth uses a client registered under System OAuth > Application",
        "Registry and tokens instead of a password on every request:",
        "  password grant      the client plus a user's password",
        "  browser (PKCE)      you sign in in a browser; works with SSO",
        "  refresh token       a token someone already generated",
        "  client credentials  the client alone (Washington DC or later)",
        "  JWT bearer          the client plus an assertion your key signs",
        "A REST API key (Washington DC or later) goes in the x-sn-apikey",
        "header instead; the instance needs an API access policy for it.",
        "↑ ↓ move, Enter picks, Esc goes back to the address.",
      ]
    case .credentials where kind == .apiKey:
      return [
        "Make the key on the instance (once, as an admin; Washington DC",
        "or later, plugin API Key and HMAC Authentication):",
        " 1. System Web Services > API Access Policies > Inbound",
        "    Authentication Profile > New > Create API Key authentication",
        "    profiles; Auth Parameter x-sn-apikey, Auth Header.",
        " 2. API Access Policies > REST API Key > New: a name and the",
        "    user the key acts as (its roles decide what it may read).",
        "    Submit, open it again and copy its Token: that is the key.",
        " 3. API Access Policies > REST API Access Policies > New: the",
        "    API (e.g. Table API) with the profile of step 1. API keys",
        "    are not allowed in the Global REST API policy.",
        "snowgate sends the key as the header x-sn-apikey. Ctrl-R shows",
        "or hides it; it is hidden again when you leave this screen.",
      ]
    case .credentials where kind == .certificate:
      return [
        "On the instance (once, as an admin with sso_config_admin, on",
        "the ADCv2 edge: /adcv2/supports_tls answers true):",
        " 1. Activate Certificate-based authentication (plugin",
        "    com.glide.auth.mutual).",
        " 2. All > Certificate Based Authentication > CA Certificate",
        "    Chain > New: the CA that signed your certificate (Type CA",
        "    Cert, Active).",
        " 3. User to Certificate Mapping > New: attach this PEM",
        "    certificate and choose the integration user.",
        "The instance then acts as that user. snowgate saves only the",
        "paths; a passphrase is stored like a password. Ctrl-R shows it.",
      ]
    case .credentials:
      return [
        "Use an integration user made for snowgate, not a person's",
        "account. It needs the role snc_platform_rest_api_access (or",
        "admin on a developer instance) and read access to the tables",
        "your scripts use. Users who may sign in only through SSO, or",
        "who need MFA, cannot use Basic auth.",
        "",
        "Tab moves between the fields. Ctrl-R shows or hides the",
        "password; it is hidden again when you leave this screen.",
        "Editing as in a shell: Ctrl-A/E, Alt-B/F, Ctrl-U/K, Ctrl-W.",
      ]
    case .oauthClient where kind == .jwtBearer:
      return [
        "Set up the JWT bearer grant on the instance (once, as an admin):",
        " 1. Make a key and certificate, keep the key (no passphrase):",
        "    openssl req -x509 -newkey rsa:2048 -nodes -keyout jwt.pem",
        "    -out jwt.crt -days 365 -subj /CN=snowgate; then upload",
        "    jwt.crt in System Definition > Certificates.",
        " 2. Zurich and later: Machine Identity Console > Inbound",
        "    integrations > New integration > JWT bearer. Earlier: System",
        "    OAuth > Application Registry > New > Create an OAuth JWT API",
        "    endpoint for external clients.",
        " 3. On that record, Jwt Verifier Maps > New (a JWT Provider is",
        "    for outbound calls, not this): the certificate and a Key Id.",
        "    Type that Key Id here: it is the assertion's kid.",
        " 4. Its User Field says what sub holds (user_name or email):",
        "    type that user's value as the subject. Copy the Client ID",
        "    and, unlocked, the Client Secret.",
        "Tab moves; Ctrl-R shows or hides the client secret.",
      ]
    case .oauthClient:
      return [
        "Create the OAuth client in ServiceNow (once, as an admin):",
        " 1. All > System OAuth > Application Registry > New.",
        " 2. Create an OAuth API endpoint for external clients.",
        " 3. Give it a name and Submit.",
        " 4. Open it again: copy the Client ID; unlock the Client Secret",
        "    and copy it too.",
        " 5. Browser flow: set Redirect URL to this screen's redirect",
        "    URI (\(OAuthClientStep.defaultRedirectURI) by default).",
        "    An unregistered one is not refused: the instance silently",
        "    uses the first registered URL and the wait times out.",
        "Copy here: the Client ID, the Client Secret (none for a public",
        "client with PKCE) and a scope only if the record limits them.",
        "Client credentials also needs Washington DC or later, the",
        "property glide.oauth.inbound.client.credential.grant_type",
        ".enabled=true and an OAuth Application User on the record.",
        "Admins: Create the OAuth client on the instance for me does it.",
      ]
    case .token:
      return [
        "Generate sends the request shown to <instance>/oauth_token.do,",
        "form-encoded, as scripts will. The secrets are never shown.",
        "",
        "401 access_denied: the instance says the same for a wrong",
        "client ID or secret, a wrong or locked user password, an",
        "expired refresh token and an unknown scope; only its syslog",
        "table knows which. Check them in the order listed.",
        "400 unauthorized_client: client credentials without an OAuth",
        "Application User on the client record.",
        "",
        "r forgets the tokens; Esc goes back to the client fields.",
      ]
    case .authorization:
      return [
        "snowgate listens on the redirect URI on this computer and the",
        "browser comes back there after you choose Allow.",
        "",
        "Over SSH, or with no browser here: open the address shown in",
        "any browser, sign in, then press p and paste the address the",
        "browser ended on (an error page is fine) or just its code.",
        "",
        "Nothing comes back? The redirect URL is probably not registered",
        "on the client: the instance then uses the first registered one.",
        "c shows the address to copy, r starts the sign-in again, Esc",
        "cancels the wait.",
      ]
    case .test where kind == .apiKey:
      return [
        "The test sends the key in the x-sn-apikey header and reads one",
        "record of sys_user and of sys_db_object. Nothing is changed on",
        "the instance.",
        "",
        "401: the instance refused the key: mistyped, expired or made",
        "inactive on its REST API Key record, or no REST API access",
        "policy lets API keys into the Table API. 403: the key works,",
        "but its user lacks a role to read the tables.",
        "",
        "r runs the checks again; Enter on a failure opens the screen",
        "that fixes it. After a failure you can still save, but only by",
        "choosing Save anyway. PgUp/PgDn scroll a long result.",
      ]
    case .test:
      if kind.isOAuth {
        return [
          "The test calls the Table API with the access token and reads",
          "one record of sys_user and of sys_db_object. Nothing is",
          "changed on the instance.",
          "",
          "401: the token was refused (expired or revoked). 403: the",
          "token works, but its user lacks a role to read the tables,",
          "or the token lacks the REST API scope.",
          "",
          "Each line is one check of snowgate check, from the address to",
          "the token. r runs them again; Enter on a failure opens the",
          "screen that fixes it. Esc cancels a running test. After a",
          "failure you can still save, but only by choosing Save anyway.",
          "PgUp/PgDn scroll a result that does not fit.",
        ]
      }
      return [
        "The test signs in and reads one record of sys_user and of",
        "sys_db_object, the least an integration needs. Nothing is",
        "changed on the instance.",
        "",
        "401: the instance refused the user name or password, or the",
        "user may not use Basic auth. 403: signed in, but the user lacks",
        "a role to read the tables.",
        "",
        "Each line is one check of snowgate check, from the address to",
        "the token. r runs them again; Enter on a failure opens the",
        "screen that fixes it. Esc cancels a running test. After a",
        "failure you can still save, but only by choosing Save anyway.",
        "PgUp/PgDn scroll a result that does not fit.",
      ]
    case .save:
      return [
        "The name is how commands find this connection, as in",
        "snowgate check NAME. Use letters, digits, -, _ and . only.",
        "The next screen says where it was saved.",
        "",
        "Secrets (password, client secret, API key, tokens) go to the OS",
        "keyring where one answers. Otherwise choose: the credentials",
        "file (mode 0600; snowgate asks you to agree), a command that",
        "prints them (run without a shell), the environment variables",
        "only, or a question each time. Tab: the list; ↑ ↓ choose.",
        "",
        "Esc goes back to the test; nothing is saved until Enter.",
      ]
    case .diagnose:
      return [
        "The checks run layer by layer, as snowgate check NAME does:",
        "address, DNS, TCP, TLS, the instance, sign-in, the Table API.",
        "A layer that fails skips the ones above it and says why;",
        "its line says what to do.",
        "",
        "An OAuth profile's record on the instance is read next, as",
        "snowgate check NAME --instance-setup does: Active, redirect URL,",
        "client type, lifespans, token restrictions. That needs an admin:",
        "a reads it as another saved profile of the same instance.",
        "Nothing is changed from here; each failing line says the fix.",
        "",
        "Enter on a failure opens the connection to fix it; r runs the",
        "checks again; Esc goes back to the welcome screen.",
      ]
    case .createOAuthClient:
      return OAuthClientCreationStep.help
    case .agentTransfer:
      return AgentTransferStep.help
    case .done:
      return [
        "snowgate check NAME diagnoses the connection when it fails.",
        "snowgate setup NAME opens this wizard again to change it.",
        "Enter or q leaves.",
      ]
    }
  }
}
