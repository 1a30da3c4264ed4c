import Simulator
import Vocabulary

/// The command line of snowgate in one table: every command, option and variable it reads.
///
/// The one source of the parser (`CommandStart`), each command's help, the top-level help,
/// the completions (`CompletionScript`) and the man page (`ManPage`).
enum CommandTable {
  static let checkKinds = CheckCredentials.commandKinds.map(\.word)

  static let profileOption = OptionSpec(
    "--profile", short: "-p", value: .profile, "the saved profile to use (instead of NAME)")

  /// Every command, in the order help lists them.
  static let names = [
    "demo", "simulate", "setup", "check", "token", "api", "env", "logout", "profiles", "use", "remove",
    "rename", "help", "completion", "man", "version",
  ]

  /// Every command's spec, for the help, the completions and the man page.
  static let commands: [CommandSpec] = names.compactMap(spec)

  /// One command's spec, made alone: a command runs with its own spec only, and making all
  /// of them cost every run ~0.6 M instructions (callgrind, `check`).
  private static func spec(_ name: String) -> CommandSpec? {
    switch name {
    case "demo":
      return CommandSpec(
        "demo", summary: "try the wizard against a built-in simulated instance",
        synopsis: ["demo [--scenario NAME] [--keep]"],
        about: """
          Starts a simulated ServiceNow instance on 127.0.0.1 and opens the setup wizard with its
          address filled in. Sign in as user admin with OAuth client snowgate-demo; their practice
          password and secret are in the README ("Try it"), never in help or screens, and work
          only on this simulator. A scenario makes the instance misbehave, e.g.
          --scenario hibernating (see 'snowgate simulate --help').

          What the demo saves goes to a private temporary folder, removed when it ends.
          """,
        options: [
          OptionSpec(
            "--scenario", value: .choice("NAME", scenarioNames), "make the simulated instance misbehave"),
          OptionSpec("--keep", "save the practice profiles in your real configuration instead"),
        ],
        examples: ["snowgate demo", "snowgate demo --scenario hibernating"],
        environment: ["SNOWGATE_CONFIG_DIR"])
    case "simulate":
      return CommandSpec(
        "simulate", summary: "run the simulated ServiceNow instance",
        synopsis: ["simulate [--port N] [--scenario NAME|FILE] [--auto-approve] [--request-log FILE]"],
        about: "Runs a simulated ServiceNow instance on 127.0.0.1 until Ctrl-C.",
        options: [
          OptionSpec("--port", value: .text("N"), "listen on port N (default 0: any free port)"),
          OptionSpec(
            "--scenario", value: .text("NAME|FILE"),
            "make it a broken instance: a scenario name (several joined by commas)\nor a JSON scenario file. Names: "
              + scenarioNames.joined(separator: ", ")),
          OptionSpec(
            "--auto-approve", "skip the OAuth consent page: /oauth_auth.do redirects with a code at once"),
          OptionSpec(
            "--request-log", value: .file,
            "append one line per request to FILE: method, path, grant type, status"),
        ],
        examples: ["snowgate simulate --port 8443 --scenario slow"])
    case "setup":
      return CommandSpec(
        "setup", arguments: "[NAME]", summary: "set up a connection in a full-screen wizard",
        synopsis: [
          "setup [NAME] [--instance URL] [--auth KIND] [--username U] [--client-id ID] [--timeout SECONDS] [--plain]",
          "setup NAME --no-input --instance URL --auth KIND [--username U] [--client-id ID] [...]",
        ],
        about: """
          Set up a connection to a ServiceNow instance in a full-screen wizard: the instance
          address, how to sign in, a test of the connection, and a saved profile named NAME.
          With NAME of a saved connection (or a half-finished setup), opens it for editing.
          What you already know can be given at once (--instance, --auth, --username, --client-id,
          --timeout, --ca-bundle); the wizard opens with it filled in.

          Keys: Tab/↑/↓ move, Enter continues, Esc goes back, F1 help, Ctrl-C quits.
          The wizard needs a terminal of at least 60×20.

          --plain asks the same questions as numbered lines instead (no full screen, no escape
          sequences), for screen readers, serial consoles and scripts; also with TERM=dumb or
          SNOWGATE_ACCESSIBLE=1.
          """,
        options: [
          OptionSpec("--no-input", "for scripts, without a terminal: set up from the flags below"),
          OptionSpec("--plain", "the wizard as numbered line prompts (screen readers, dumb terminals)"),
          OptionSpec("--instance", value: .text("URL"), "the instance (a name like dev12345 or a URL)"),
          OptionSpec(
            "--auth", value: .choice("KIND", AuthKind.words),
            "how to sign in: " + AuthKind.words.joined(separator: ", ")),
          OptionSpec("--username", value: .text("USER"), "the user (basic and password)"),
          OptionSpec("--client-id", value: .text("ID"), "the OAuth client ID (OAuth kinds)"),
          OptionSpec("--scope", value: .text("SCOPE"), "the OAuth scope to ask for"),
          OptionSpec(
            "--jwt-key", value: .file,
            "jwt-bearer: the RSA private key (PEM) that signs assertions; only its path is saved"),
          OptionSpec(
            "--jwt-key-id", value: .text("KID"), "jwt-bearer: the Key Id of the app's JWT verifier map"),
          OptionSpec("--jwt-subject", value: .text("USER"), "jwt-bearer: the user the tokens act as"),
          OptionSpec(
            "--cert", value: .file, "certificate: the client certificate (PEM) the instance maps to a user"),
          OptionSpec(
            "--key", value: .file,
            "certificate: its private key (PEM); only the paths are saved, a passphrase\n"
              + "comes from SNOWGATE_KEY_PASSPHRASE or --password-stdin"),
          OptionSpec("--api-version", value: .text("vN"), "a fixed Table API version, e.g. v2"),
          OptionSpec(
            "--store", value: .text("STORE"), "where secrets live: file, env, keyring or command:'CMD …'"),
          OptionSpec(
            "--password-stdin",
            "read the password (certificate: the key's passphrase) from the first line of stdin"),
          OptionSpec("--save-anyway", "save even when the connection test fails"),
          OptionSpec(
            "--from", value: .text("FILE"),
            "a template another person exported (snowgate profiles export NAME): a path or\n"
              + "file:// URL; opens the wizard with the instance and OAuth client filled in"),
          OptionSpec("--timeout", value: .seconds, "the deadline of each network step (default 10)"),
          OptionSpec(
            "--ca-bundle", value: .file,
            "trust the CA certificates in FILE (PEM) as well as the system store, and save it\nin the profile (else SNOWGATE_CA_BUNDLE or SSL_CERT_FILE); also for the wizard"
          ),
        ],
        notes: """
          With --no-input, KIND is one of:
            basic               user name and password (--username; SNOWGATE_PASSWORD)
            password            OAuth password grant (--client-id, --username;
                                SNOWGATE_CLIENT_SECRET, SNOWGATE_PASSWORD)
            client-credentials  OAuth client credentials (--client-id; SNOWGATE_CLIENT_SECRET)
            refresh-token       OAuth with a refresh token (--client-id; SNOWGATE_REFRESH_TOKEN,
                                SNOWGATE_CLIENT_SECRET if the client has one)
            jwt-bearer          OAuth JWT bearer grant (--client-id, --jwt-key FILE, --jwt-key-id KID,
                                --jwt-subject USER; SNOWGATE_CLIENT_SECRET): a new assertion
                                signed with FILE (by openssl) gets each new token
            api-key             a REST API key in the x-sn-apikey header (SNOWGATE_API_KEY)
            certificate         a client certificate in the TLS handshake (mutual TLS; --cert FILE,
                                --key FILE; SNOWGATE_KEY_PASSPHRASE for an encrypted key): the
                                instance acts as the user it maps the certificate to
            authorization-code  needs a browser: run 'snowgate setup NAME' in a terminal instead

          --store: keyring (the OS keyring, tokens too: the default where one answers), file
          (credentials.json, mode 0600; where no keyring answers, setup fails unless you say it),
          env (nothing stored; give them in the environment every time), or command:'CMD ARGS'
          (a command that prints each secret, e.g. command:'pass show servicenow/prod'; tokens
          are cached in the file).

          Secrets are never taken from the command line: set SNOWGATE_PASSWORD,
          SNOWGATE_CLIENT_SECRET or SNOWGATE_REFRESH_TOKEN, or use --password-stdin. With
          --no-input it tests the connection and saves only when the test passes.
          """,
        examples: [
          "snowgate setup",
          "snowgate setup prod --no-input --instance dev12345 --auth basic --username admin",
        ],
        environment: [
          "SNOWGATE_PASSWORD", "SNOWGATE_CLIENT_SECRET", "SNOWGATE_REFRESH_TOKEN", "SNOWGATE_API_KEY",
          "SNOWGATE_KEY_PASSPHRASE", "SNOWGATE_CONFIG_DIR", "SNOWGATE_ACCESSIBLE", "TERM",
        ],
        exitStatus: """
            0  saved (or the wizard ended)
            1  the files could not be written
            2  usage error or a configuration file that cannot be used
            3  with --no-input, the test failed and nothing was saved: sign-in or permission
               refused; 4 network, TLS or instance; 5 an unusable answer; 6 rate limited
          """,
        takesProfile: true)
    case "check":
      return CommandSpec(
        "check", arguments: "[NAME]", summary: "diagnose a connection",
        synopsis: [
          "check [NAME | --all] [--json] [--verbose] [--timeout SECONDS] [--bundle FILE] [--refresh]",
          "check --instance URL [--auth KIND] [--username USER] [--client-id ID] [--password-stdin] [...]",
        ],
        about: """
          Diagnoses a connection layer by layer: url, proxy, dns, tcp, tls, instance, auth, api,
          api_meta, token. The first failure is the diagnosis: a stable code, a sentence and remedies;
          the layers above it are skipped.

          Which connection: NAME (or --profile NAME, or SNOWGATE_PROFILE), else --instance URL,
          else SNOWGATE_INSTANCE with SNOWGATE_AUTH, SNOWGATE_USERNAME and SNOWGATE_CLIENT_ID,
          else the default profile. The output says when the environment chose the connection.
          """,
        options: [
          OptionSpec("--all", "every saved profile, at the same time"),
          OptionSpec(
            "--instance", value: .text("URL"),
            "an instance without a saved profile (a name like dev12345 or a URL)"),
          OptionSpec(
            "--auth", value: .choice("KIND", checkKinds),
            "with --instance (basic is the default): "
              + Array(checkKinds.prefix(checkKinds.count / 2)).joined(separator: ", ") + ",\n"
              + Array(checkKinds.suffix(checkKinds.count - checkKinds.count / 2)).joined(separator: ", ")),
          OptionSpec("--username", value: .text("USER"), "with --instance: the user (basic and password)"),
          OptionSpec("--client-id", value: .text("ID"), "with --instance: the OAuth client ID (OAuth kinds)"),
          OptionSpec(
            "--cert", value: .file, "with --instance --auth certificate: the client certificate (PEM)"),
          OptionSpec(
            "--key", value: .file,
            "with --instance --auth certificate: its private key (PEM); a passphrase\n"
              + "comes from SNOWGATE_KEY_PASSPHRASE or --password-stdin"),
          OptionSpec("--password-stdin", "read the password from the first line of stdin"),
          OptionSpec(
            "--json",
            "the report as JSON (an array with --all; keys in the README):\n"
              + "{\"schema_version\",\"profile\",\"instance\",\"auth\",\"ok\",\n"
              + " \"diagnosis\":{\"code\",\"summary\",\"remedies\":[...]},\n"
              + " \"checks\":[{\"id\",\"status\",\"title\",\"detail\",\"remedy\",\"elapsed_ms\"}],\n \"elapsed_ms\"}"
          ),
          OptionSpec("--verbose", "add the HTTP exchange, secrets redacted (on stderr with --json)"),
          OptionSpec(
            "--bundle", value: .file,
            "also write a support bundle for a ticket (mode 0600): the JSON verdict,\nthe redacted exchange, version, OS, TERM, proxy hosts, curl commands"
          ),
          OptionSpec("--timeout", value: .seconds, "the deadline of each network step (default 10)"),
          OptionSpec(
            "--ca-bundle", value: .file,
            "trust the CA certificates in FILE (PEM) as well as the system store;\nelse the profile's, SNOWGATE_CA_BUNDLE or SSL_CERT_FILE"
          ),
          OptionSpec("--refresh", "OAuth: force a token refresh in the token check"),
          OptionSpec("--no-color", "no colour (also NO_COLOR, CLICOLOR=0, TERM=dumb)"),
          OptionSpec(
            "--instance-setup",
            "the profile's OAuth record on the instance: Active, redirect URL, public client,\n"
              + "token lifespans and refresh-token expiry, Application User and the\n"
              + "client-credentials property, token restrictions and format (read as an admin)"),
          OptionSpec(
            "--for", value: .choice("PURPOSE", ["agent-transfer"]),
            "agent-transfer: the plugins, the agent group's roles, members and presence,\n"
              + "and the REST message \"VABot to Bot\" live-agent transfer needs"),
          OptionSpec(
            "--admin", value: .profile,
            "read (and with --fix write) as this saved admin profile of the same instance"),
          OptionSpec(
            "--webhook", value: .text("URL"),
            "with --for agent-transfer: the bot's webhook the REST message must name"),
          OptionSpec(
            "--group", value: .text("NAME"), "the agent group (default \"Consumer Service Support\")"),
          OptionSpec("--member", value: .text("USER"), "with --fix: the user to add to an empty agent group"),
          OptionSpec(
            "--fix",
            "make the changes the Table API allows (REST message endpoints, the group's\n"
              + "roles, a member) after showing them and asking; never plugins"),
          OptionSpec(
            "--yes", "with --fix: answer yes (scripts); without a terminal and --yes, --fix refuses"),
        ],
        notes: """
          Secrets never go on the command line. They come from the profile's store, or from
          SNOWGATE_PASSWORD, SNOWGATE_CLIENT_SECRET and SNOWGATE_REFRESH_TOKEN, which win over saved
          values (the output says so when one does).

          Colour only when stdout is a terminal; NO_COLOR (not empty), CLICOLOR=0, --no-color
          and TERM=dumb turn it off.
          """,
        examples: [
          "snowgate check", "snowgate check prod --verbose", "snowgate check --all --json",
          "SNOWGATE_PASSWORD=… snowgate check --instance dev12345 --username admin",
        ],
        environment: [
          "SNOWGATE_PROFILE", "SNOWGATE_INSTANCE", "SNOWGATE_AUTH", "SNOWGATE_USERNAME", "SNOWGATE_CLIENT_ID",
          "SNOWGATE_PASSWORD", "SNOWGATE_CLIENT_SECRET", "SNOWGATE_REFRESH_TOKEN", "NO_COLOR", "CLICOLOR",
          "TERM",
          "HTTPS_PROXY", "NO_PROXY", "SNOWGATE_DEBUG", "SNOWGATE_LOG",
        ],
        exitStatus: checkExitStatus, takesProfile: true)
    case "token":
      return CommandSpec(
        "token", arguments: "[NAME]", summary: "print a fresh access token (refreshed when needed)",
        about: """
          Prints a valid OAuth access token of the saved profile NAME (the default profile when NAME
          is left out) on standard output, and nothing else. A token that expires within 60 seconds
          is renewed first (with the refresh token, or the profile's own grant: a JWT bearer profile
          signs a new assertion) and saved. Without a profile, SNOWGATE_INSTANCE and its companions
          name the connection. Messages go to standard error.
          """,
        options: [
          OptionSpec(
            "--header",
            "print the whole header line a request needs, for any kind of profile:\n"
              + "Authorization: Bearer …, x-sn-apikey: … or Authorization: Basic …"),
          OptionSpec(
            "--json",
            "print the token as JSON: access_token, token_type, expires_at, expires_in,\ninstance, profile"),
          OptionSpec(
            "--ca-bundle", value: .file,
            "trust the CA certificates in FILE (PEM) as well as the system store;\nelse the profile's, SNOWGATE_CA_BUNDLE or SSL_CERT_FILE"
          ),
        ],
        examples: [
          "curl -H @<(snowgate token prod --header) https://…/api/now/table/incident",
          "curl -H \"Authorization: Bearer $(snowgate token prod)\" https://…/api/now/table/incident",
        ],
        environment: [
          "SNOWGATE_PROFILE", "SNOWGATE_INSTANCE", "SNOWGATE_AUTH", "SNOWGATE_USERNAME", "SNOWGATE_CLIENT_ID",
          "SNOWGATE_PASSWORD", "SNOWGATE_CLIENT_SECRET", "SNOWGATE_REFRESH_TOKEN",
        ],
        exitStatus: """
            0  token printed
            2  usage or profile problem (a Basic or API key profile has no token: use --header)
            3  the instance refused the credentials, or the profile is signed out
               (snowgate setup NAME signs in again)
            4  the instance could not be reached
            5  an answer that is not a token
          """,
        takesProfile: true)
    case "api":
      return CommandSpec(
        "api", arguments: "PATH", summary: "send a request to the instance with a profile's sign-in",
        synopsis: [
          "api PATH [-X METHOD] [-f KEY=VALUE]... [--input FILE] [-H 'NAME: VALUE']... [--paginate] [--json]"
        ],
        about: """
          Sends one request to the instance with the sign-in of a saved profile (or the
          SNOWGATE_INSTANCE connection), refreshing its token when needed, and writes the answer's
          body to standard output unchanged. PATH is relative to the instance: 'table/incident'
          means /api/now/table/incident (with the profile's API version), a path starting with '/'
          is used as it is; an address on another host is refused, so the sign-in never leaves
          the instance. A refused request fails with the verdict and exit status of 'snowgate check':
          its sentence on stderr, the instance's error body on stdout, or with --json the verdict's
          one line of JSON on stdout instead (see "JSON output" in the README).
          """,
        options: [
          profileOption,
          OptionSpec(
            "--method", short: "-X", value: .choice("METHOD", ["GET", "POST", "PUT", "PATCH", "DELETE"]),
            "the HTTP method (default GET, POST with a body)"),
          OptionSpec(
            "--field", short: "-f", value: .text("KEY=VALUE"), repeats: true,
            "add a string field to the JSON body"),
          OptionSpec("--input", value: .file, "the JSON body from FILE ('-' for stdin)"),
          OptionSpec(
            "--header", short: "-H", value: .text("'NAME: VALUE'"), repeats: true, "add a request header"),
          OptionSpec("--paginate", "follow Link: rel=\"next\" and write every page's body"),
          OptionSpec("--include", short: "-i", "print the status line and headers before the body"),
          OptionSpec("--verbose", "print the redacted exchange on stderr"),
          OptionSpec(
            "--json",
            "on failure print the verdict as JSON on stdout instead of the body\n(the body of a success is unchanged)"
          ),
          OptionSpec("--timeout", value: .seconds, "the deadline of each request (default 30)"),
          OptionSpec(
            "--ca-bundle", value: .file,
            "trust the CA certificates in FILE (PEM) as well as the system store;\nelse the profile's, SNOWGATE_CA_BUNDLE or SSL_CERT_FILE"
          ),
        ],
        examples: [
          "snowgate api table/incident?sysparm_limit=1",
          "snowgate api -p prod -X POST table/incident -f short_description=Printer",
          "snowgate api --paginate 'table/sys_user?sysparm_limit=100'",
          "snowgate api --json table/incident/SYS_ID || echo \"failed: $?\"",
        ],
        environment: ["SNOWGATE_PROFILE", "SNOWGATE_INSTANCE", "SNOWGATE_DEBUG"],
        exitStatus:
          "  As 'snowgate check': 0 a 2xx answer, 2 usage, 3 refused sign-in or access,\n  4 network, 5 an unusable answer, 6 rate limited; 1 any other HTTP error\n  (api.http_error) or --paginate stopped (api.paginate_stopped)."
      )
    case "env":
      return CommandSpec(
        "env", arguments: "[NAME]", summary: "print shell export lines for a connection",
        about: """
          Prints shell 'export' lines with the instance address and a ready Authorization header
          of the saved profile NAME (the default when left out), for tools that read variables:
          SN_INSTANCE and SN_AUTHORIZATION. Values are quoted for sh. The header holds a token
          that stays valid until it expires; for Basic profiles it is left out.
          """,
        examples: ["eval \"$(snowgate env prod)\""],
        environment: ["SNOWGATE_PROFILE"], exitStatus: "As 'snowgate token'.", takesProfile: true)
    case "logout":
      return CommandSpec(
        "logout", arguments: "NAME", summary: "sign a connection out: revoke its tokens, forget its secrets",
        about: """
          Signs the profile NAME out: revokes its saved OAuth access and refresh tokens at the
          instance (GET /oauth_revoke_token.do?token=…) and forgets them, and forgets every secret
          that could get new ones (password, client secret, refresh token, API key). Afterwards
          snowgate token NAME fails (exit 3) until snowgate setup NAME signs in again. The profile
          itself stays.

          When the instance cannot be reached the tokens are still removed here, and a warning says
          they were not revoked (they keep working until they expire).
          """,
        options: [
          OptionSpec(
            "--keep-secrets",
            "forget only the tokens; the saved secrets stay, and snowgate token NAME\ngets new tokens when the grant allows"
          )
        ],
        exitStatus:
          "  0  logged out (with or without that warning)\n  2  no such profile or unreadable configuration",
        takesProfile: true)
    case "profiles":
      return CommandSpec(
        "profiles", arguments: "[--json]", summary: "list the saved connections",
        synopsis: ["profiles [--json]", "profiles export NAME [--output FILE]"],
        about: """
          Lists the saved connections: name, instance, how each signs in, where its secrets live,
          and how long its stored access token has left. The default profile is marked with *.
          Half-finished setups are listed separately. No secret is ever shown.

          'profiles export NAME' writes the connection as a template without any secret or user
          name, for 'snowgate setup --from FILE' (see 'snowgate profiles export --help').
          """,
        options: [
          OptionSpec("--json", "print a JSON object for scripts (see the README for its keys)"),
          OptionSpec("--names", "print only the names, one a line (for completion)"),
        ],
        exitStatus: """
            0  listed (also when there are none)
            2  usage error or a configuration file snowgate cannot read (the message names
               the file; it is left untouched)
          """)
    case "use":
      return CommandSpec(
        "use", arguments: "[NAME]", summary: "make NAME the default connection (or show it)",
        about: """
          Makes the saved profile NAME the default: 'snowgate check' and 'snowgate token'
          use it when no name is given. 'snowgate profiles' marks it with *.
          Without NAME, prints the default profile's name.
          """,
        exitStatus: """
            0  done
            1  the file could not be written
            2  usage error, unknown NAME, no default (without NAME), or a configuration
               file snowgate cannot read
          """,
        takesProfile: true)
    case "remove":
      return CommandSpec(
        "remove", arguments: "NAME [--yes]", summary: "forget a saved connection and its stored secrets",
        about: """
          Removes the saved profile NAME and the secrets and tokens snowgate stored for it in
          credentials.json. Secrets kept elsewhere (a password manager behind --store command,
          the environment) are not touched. A half-finished setup named NAME is removed too.
          Asks "Remove NAME? [y/N]" on a terminal.
          """,
        options: [
          OptionSpec(
            "--yes", short: "-y", "remove without asking (needed when standard input is not a terminal)")
        ],
        exitStatus: """
            0  removed
            1  not confirmed or the files could not be written
            2  usage error, unknown NAME, no terminal to ask on without --yes, or a
               configuration file snowgate cannot read
          """,
        takesProfile: true)
    case "rename":
      return CommandSpec(
        "rename", arguments: "OLD NEW", summary: "rename a saved connection",
        about: """
          Renames the saved profile OLD to NEW, with its stored secrets and tokens; a default
          profile stays the default. Scripts that run 'snowgate token OLD' need the new name.
          NEW may use letters, digits, '-', '_' and '.' (at most 64 characters).
          """,
        exitStatus: """
            0  done
            1  the files could not be written
            2  usage error, unknown OLD, NEW taken or not allowed, or a configuration file
               snowgate cannot read
          """,
        takesProfile: true)
    case "help":
      return CommandSpec(
        "help", arguments: "[COMMAND | environment]", summary: "show the help of snowgate or of one command",
        about:
          "Prints the help of COMMAND (the same as 'snowgate COMMAND --help'), or with 'environment'\nevery environment variable snowgate reads."
      )
    case "completion":
      return CommandSpec(
        "completion", arguments: "bash|zsh|fish", summary: "print a shell completion script",
        about:
          "Prints the completion script for the shell; it offers commands, options and saved profile names.",
        examples: [
          "source <(snowgate completion bash)", "snowgate completion zsh > \"${fpath[1]}/_snowgate\"",
          "snowgate completion fish > ~/.config/fish/completions/snowgate.fish",
        ])
    case "man":
      return CommandSpec(
        "man", summary: "print the manual page (roff)",
        about: "Prints snowgate(1) in roff, e.g. for 'snowgate man | man -l -'.")
    case "version":
      return CommandSpec(
        "version", summary: "print the version", about: "Prints the name and version of snowgate.")
    default:
      return nil
    }
  }

  static let scenarioNames = Scenario.allCases.map(\.rawValue)

  static let checkExitStatus = """
      0  ok (warnings allowed)
      1  anything else
      2  usage or configuration error, url.invalid included
      3  authentication or authorization: auth.*, oauth.* (not oauth.bad_response),
         api.forbidden, api.rest_api_denied, api.scope_missing, api.table_security,
         api.cross_scope
      4  network, TLS or instance: proxy.*, dns.*, tcp.*, tls.*, http.timeout, instance.*
      5  an answer snowgate cannot use: api.bad_response, oauth.bad_response
      6  api.rate_limited
      With --all: 0 when every connection works, else the first failing one's status.
      A support bundle that cannot be written: 1, whatever the verdict.
    """

  /// Every variable snowgate reads, for `snowgate help environment` and the man page.
  static let environment: [EnvironmentVariable] = [
    EnvironmentVariable(
      "SNOWGATE_PROFILE", "the saved profile to use when none is named (a NAME or --profile wins)"),
    EnvironmentVariable(
      "SNOWGATE_INSTANCE",
      "a connection without a profile (check, token, api), used when\nno profile is named; with:"),
    EnvironmentVariable(
      "SNOWGATE_AUTH",
      "its sign-in: basic (default), password, refresh-token, client-credentials,\njwt-bearer, api-key"),
    EnvironmentVariable("SNOWGATE_USERNAME", "its user (basic and password)"),
    EnvironmentVariable("SNOWGATE_CLIENT_ID", "its OAuth client ID"),
    EnvironmentVariable("SNOWGATE_PASSWORD", "the password; wins over a saved one"),
    EnvironmentVariable("SNOWGATE_CLIENT_SECRET", "the OAuth client secret; wins over a saved one"),
    EnvironmentVariable("SNOWGATE_REFRESH_TOKEN", "the OAuth refresh token; wins over a saved one"),
    EnvironmentVariable("SNOWGATE_API_KEY", "the REST API key (api-key profiles); wins over a saved one"),
    EnvironmentVariable(
      "SNOWGATE_KEY_PASSPHRASE",
      "the passphrase of a certificate profile's encrypted key; wins over a saved one"),
    EnvironmentVariable(
      "SNOWGATE_ACCESSIBLE", "1: the wizard as numbered line prompts (as setup --plain, TERM=dumb)"),
    EnvironmentVariable("SNOWGATE_CONFIG_DIR", "the folder of config.json and credentials.json"),
    EnvironmentVariable("XDG_CONFIG_HOME", "else $XDG_CONFIG_HOME/snowgate"),
    EnvironmentVariable("HOME", "else ~/.config/snowgate"),
    EnvironmentVariable("SNOWGATE_DEBUG", "'api': the redacted HTTP exchange on stderr as it happens"),
    EnvironmentVariable("SNOWGATE_LOG", "a file the redacted HTTP exchange is appended to"),
    EnvironmentVariable("NO_COLOR", "set and not empty: no colour"),
    EnvironmentVariable("CLICOLOR", "0: no colour"),
    EnvironmentVariable("TERM", "dumb: no escape sequence at all, and no full-screen wizard"),
    EnvironmentVariable("HTTPS_PROXY", "the proxy for https (also https_proxy, HTTP_PROXY, ALL_PROXY)"),
    EnvironmentVariable("NO_PROXY", "hosts reached without the proxy (also no_proxy)"),
    EnvironmentVariable(
      "SNOWGATE_CA_BUNDLE", "a PEM bundle of CA certificates trusted as well as the system store"),
    EnvironmentVariable("SSL_CERT_FILE", "the same, when SNOWGATE_CA_BUNDLE is not set"),
    EnvironmentVariable("BROWSER", "the browser for OAuth sign-in (else xdg-open or open)"),
    EnvironmentVariable("DISPLAY", "with WAYLAND_DISPLAY: whether a browser can be opened"),
    EnvironmentVariable(
      "DBUS_SESSION_BUS_ADDRESS", "with XDG_RUNTIME_DIR: whether the keyring can be reached"),
    EnvironmentVariable("PATH", "where secret commands, openssl, secret-tool and browsers are found"),
  ]

  static func command(_ name: String) -> CommandSpec? {
    spec(name)
  }

  static func variable(_ name: String) -> EnvironmentVariable? {
    environment.first { $0.name == name }
  }

  /// The text of `snowgate help environment`.
  static var environmentHelp: String {
    "Environment variables snowgate reads:\n\n"
      + environment.map { CommandSpec.line($0.name, $0.meaning) }.joined(separator: "\n")
      + "\n\nPrecedence of the connection: a NAME or --profile, then SNOWGATE_PROFILE, then\n"
      + "--instance (check), then SNOWGATE_INSTANCE, then the default profile."
  }

  /// The top-level help: commands, examples, environment and exit codes.
  static var usage: String {
    let list = commands.filter { !$0.hidden }.map {
      CommandSpec.line($0.name + ($0.arguments.isEmpty ? "" : " " + $0.arguments), $0.summary)
    }
    return """
      snowgate: connect a terminal to ServiceNow

      Usage: snowgate [--profile NAME] COMMAND [OPTIONS]

      Commands:
      \(list.joined(separator: "\n"))

      Global options:
        -p, --profile NAME   the saved profile for commands that take one
        --no-color           no colour
        -V, --version        print the version
        -h, --help           show this help

      Examples:
        snowgate demo
        snowgate setup
        snowgate check prod
        snowgate api -p prod table/incident?sysparm_limit=1
        curl -H "Authorization: Bearer $(snowgate token prod)" https://…

      Environment:
        SNOWGATE_PROFILE, SNOWGATE_INSTANCE, SNOWGATE_PASSWORD, SNOWGATE_DEBUG, NO_COLOR, …
        Run 'snowgate help environment' for every variable.

      Exit status:
      \(checkExitStatus)

      Run 'snowgate help COMMAND' or 'snowgate COMMAND --help' for a command's options.
      """
  }
}
