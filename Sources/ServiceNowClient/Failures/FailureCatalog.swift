/// The one place where every failure code gets its sentence and its remedies.
///
/// The client, the diagnosis and the wizard all show these words, so a support engineer
/// reads the same explanation on every screen and in every bundle. Summaries say what
/// happened and why it probably happened; remedies say exactly what to do, most likely first.
public enum FailureCatalog {
  /// The catalogue entry for `code`, with the specifics of one occurrence in `detail`.
  public static func failure(_ code: FailureCode, detail: String? = nil) -> ServiceNowFailure {
    let (summary, remedies) = entry(code)
    return ServiceNowFailure(code: code.rawValue, summary: summary, remedies: remedies, detail: detail)
  }

  /// The catch-all `access_denied` with remedies for the grant that was refused, likeliest first.
  ///
  /// The instance gives the same answer for every cause (SERVICENOW.md), so the remedies narrow
  /// it by what the grant needs and by what is already known: `strayFields` names the pasted
  /// values with a space at either end, `passwordWorks` says whether the same user name and
  /// password signed in with Basic (nil when not tried).
  public static func accessDenied(
    grantType: String, strayFields: [String] = [], passwordWorks: Bool? = nil, detail: String? = nil
  ) -> ServiceNowFailure {
    var failure = failure(.oauthAccessDenied, detail: detail)
    var remedies: [String] = []
    if !strayFields.isEmpty {
      remedies.append(
        "The \(strayFields.joined(separator: " and ")) \(strayFields.count == 1 ? "has" : "have") a space at the start or end: paste \(strayFields.count == 1 ? "it" : "them") again without it."
      )
    }
    let secret =
      "Client ID and secret: copy them again from the application registry record (unlock the Client Secret field first); it must be Active."
    switch grantType {
    case "client_credentials":
      remedies += [
        "The property glide.oauth.inbound.client.credential.grant_type.enabled must exist and be true (System Properties > sys_properties.list; it does not exist until an admin creates it).",
        "The record's OAuth Application User must be set; the field is hidden on the default form: add it with Configure > Form Layout.",
        "The application registry record must be Active.",
        secret,
        "Client credentials need the Washington DC release or later.",
      ]
    case "password":
      if passwordWorks == true {
        remedies += [
          secret,
          "The user name and password are right (they sign in with Basic), so the password grant itself may be switched off: Security Center recommends it (glide.oauth.inbound.ropc.grant_type.disabled); use the browser sign-in instead.",
        ]
      } else {
        remedies += [
          "User name and password: sign in to the instance in a browser with them; the user may be locked out, inactive, or still have \"Password needs reset\" ticked.",
          secret,
          "The password grant may be switched off (Security Center recommends it; glide.oauth.inbound.ropc.grant_type.disabled): use the browser sign-in instead.",
        ]
      }
    case "authorization_code":
      remedies += [
        "Sign in again in the browser: a code works once and only for a few minutes.",
        secret,
      ]
    default:
      remedies += [secret]
    }
    remedies += [
      "Scope: leave it empty unless the OAuth client defines that scope.",
      "After a developer instance was reset, create the OAuth application again: a reset can break its scope association.",
      "The real reason is in the instance's System Log (syslog): ask an admin to look at the time of this request.",
    ]
    failure.remedies = remedies
    return failure
  }

  // swift-format-ignore
  static func entry(_ code: FailureCode) -> (String, [String]) {
    switch code {
    case .urlInvalid:
      return (
        "The instance address is not a URL snowgate can use.",
        [
          "Type the instance name (dev12345), its host (dev12345.service-now.com) or its https URL.",
          "Plain http is accepted only for 127.0.0.1, localhost and [::1].",
        ])
    case .proxyFailed:
      return (
        "The proxy set in the environment could not be reached or refused to connect to the instance.",
        [
          "Check HTTPS_PROXY, https_proxy and ALL_PROXY: the host and port must be the proxy your network uses.",
          "If the instance must be reached directly, add its host to NO_PROXY (e.g. NO_PROXY=.service-now.com).",
          "If the proxy needs a login, put it in the proxy URL or ask your network team for an exception.",
        ])
    case .dnsNotFound:
      return (
        "The instance's host name does not resolve: no DNS server knows it.",
        [
          "Check the spelling of the instance name; a personal developer instance looks like dev12345.",
          "If it is a custom domain, ask who runs it whether it is published in DNS for your network.",
          "Check this machine's DNS (/etc/resolv.conf); behind a corporate proxy, set HTTPS_PROXY.",
        ])
    case .tcpRefused:
      return (
        "The host answered but nothing accepts connections on that port.",
        [
          "Check the port in the address: ServiceNow instances listen on 443 (https).",
          "A firewall may reject the connection: try from another network or ask your network team.",
          "If you use a proxy, set HTTPS_PROXY so the connection goes through it.",
        ])
    case .tcpTimeout:
      return (
        "The connection to the instance did not open in time: packets are probably dropped on the way.",
        [
          "A firewall that drops traffic looks like this: check that outbound port 443 is allowed.",
          "If your network requires a proxy, set HTTPS_PROXY.",
          "Try again with a longer --timeout if the network is just slow.",
        ])
    case .tcpFailed:
      return (
        "The network connection to the instance failed or was cut before an answer arrived.",
        [
          "Check this machine's network connection and try again.",
          "A proxy or firewall that resets connections looks like this: try another network or set HTTPS_PROXY.",
        ])
    case .tlsUntrusted:
      return (
        "The instance's certificate is not trusted by this machine: it is not signed by an authority in the CA bundle snowgate uses (the system's, unless one is given).",
        [
          "If your company gave you its CA certificate (a PEM file), pass it with --ca-bundle FILE (saved in the profile), or set SNOWGATE_CA_BUNDLE or SSL_CERT_FILE to it.",
          "An SSL-inspection proxy or firewall replaces certificates: install its root certificate in the system store (copy it to /usr/local/share/ca-certificates/ and run update-ca-certificates).",
          "Make sure the system CA bundle is installed and current (the ca-certificates package).",
          "If the certificate has expired or is not yet valid, check this machine's clock and tell the instance's owner.",
        ])
    case .tlsHostnameMismatch:
      return (
        "The instance's certificate is valid but made out for a different host name.",
        [
          "Use the host name the certificate names (for ServiceNow: NAME.service-now.com) rather than an IP address or alias.",
          "For a custom domain, ask its owner to add the name to the certificate.",
          "An SSL-inspection proxy can cause this too: ask your network team.",
        ])
    case .tlsExpired:
      return (
        "The instance's certificate is outside its validity period: it has expired or is not yet valid.",
        [
          "Check this machine's clock and time zone (date -u); a wrong clock makes every certificate look expired.",
          "If the clock is right, the certificate really has expired: tell the instance's owner (or your network team, if an SSL-inspection proxy presents it).",
        ])
    case .tlsFailed:
      return (
        "The secure (TLS) connection could not be set up with the instance.",
        [
          "Check that the address uses https and the right port (443).",
          "An old TLS library or a proxy that breaks TLS can cause this: try from another network.",
          "If the server asks for a client certificate, check that the certificate and key files are readable PEM.",
          "Trust comes from the system's CA store unless --ca-bundle, SNOWGATE_CA_BUNDLE or SSL_CERT_FILE names a bundle.",
        ])
    case .httpTimeout:
      return (
        "The instance did not finish answering in time: the connection stalled or the answer came too slowly.",
        [
          "Try again; if it persists, try with a longer --timeout.",
          "A proxy or firewall that holds connections open can cause this: try another network or set NO_PROXY.",
          "Check the instance's status page or wake it if it is a developer instance.",
        ])
    case .httpBadResponse:
      return (
        "The server's answer was not a usable HTTP answer (an empty reply, a broken answer or endless redirects).",
        [
          "Check that the address points at the instance itself and not at a login portal or load balancer page.",
          "A proxy in the way can cause this: try with NO_PROXY set for the instance's host.",
        ])
    case .httpTooLarge:
      return (
        "The server's answer was far larger than any ServiceNow API or token answer, so snowgate stopped reading it.",
        [
          "Check that the address points at the instance itself: a proxy, portal or misconfigured server answers like this.",
          "If a proxy is in the way, try with NO_PROXY set for the instance's host.",
        ])
    case .instanceHibernating:
      return (
        "The instance is hibernating: personal developer instances sleep when they are not used.",
        [
          "Sign in at https://developer.servicenow.com with the developer-portal account that owns the instance (not the instance's admin user) and wake it, then wait a few minutes and try again.",
          "Developer instances that stay unused are reclaimed: request a new one if it is gone.",
        ])
    case .instanceNoNode:
      return (
        "The instance's edge answers 502 on every path: no application node stands behind it, so the instance is broken, not asleep.",
        [
          "Waiting does not fix this. The owner signs in at https://developer.servicenow.com and repairs the instance from the developer portal (Manage instance), or releases it and requests a new one.",
          "For a company instance, open a case with ServiceNow support: the instance has no running node.",
        ])
    case .instanceNotServiceNow:
      return (
        "The server answered, but not like a ServiceNow instance.",
        [
          "Check the address: an instance looks like https://NAME.service-now.com or your company's custom domain for it.",
          "A proxy login page or captive portal answers like this: sign in to the network first.",
        ])
    case .instanceUnavailable:
      return (
        "The instance answered with a server error: it is probably restarting, upgrading or overloaded.",
        [
          "Wait a few minutes and try again.",
          "Check the instance's status (ServiceNow support portal or your admin); a developer instance may be waking up.",
        ])
    case .authBasicRejected:
      return (
        "The instance refused the user name and password (401).",
        [
          "Check the user name and password by signing in to the instance in a browser.",
          "The user may be locked out, inactive, or set to web-service access only with a different password.",
          "SSO-only users and users blocked by a Basic-auth restriction or an API access policy are refused the same way: use an OAuth grant or a local integration user.",
        ])
    case .authMFARequired:
      return (
        "The password was right, but the account requires multi-factor authentication, which a script cannot answer.",
        [
          "Use an integration user without MFA (the 'Web service access only' user type is meant for this).",
          "Or use an OAuth grant instead of Basic authentication.",
        ])
    case .authAPIKeyRejected:
      return (
        "The instance refused the API key (401): it is wrong, inactive or expired, or no REST API access policy lets API keys in.",
        [
          "Check the key under System Web Services > API Access Policies > REST API Key: the record must be active, not expired, and name the user.",
          "The REST API access policy of the Table API must use an API key authentication profile; token auth isn't allowed in the Global REST API Policy.",
          "API keys need the plugin com.glide.tokenbased_auth (Washington DC and later).",
          "Give snowgate the key again: SNOWGATE_API_KEY, or snowgate setup NAME.",
        ])
    case .authSignedOut:
      return (
        "The profile is signed out: snowgate logout forgot its tokens and the secrets that could get new ones.",
        ["Sign in again with snowgate setup NAME."])
    case .oauthJWTRejected:
      return (
        "The instance refused the JWT bearer assertion (access_denied). It gives this same answer for a wrong Key ID, signature, user or time, so it does not say which.",
        [
          "Key ID (--jwt-key-id): it must match the Key Id of the JWT verifier map on the OAuth application (Machine Identity Console > Inbound integrations, or System OAuth > JWT Verifier Maps).",
          "Signature: the certificate in that verifier map must belong to the private key given with --jwt-key.",
          "User (--jwt-subject): it must name an active user in the application's User Field (user_name or email).",
          "Time: the assertion lives 5 minutes; this computer's clock must be within that of the instance's.",
          "Client ID and secret: those of the application with the JWT bearer grant.",
        ])
    case .tlsClientCertificateRefused:
      return (
        "The server requires a client certificate (mutual TLS) and ended the connection: none was sent, or it does not trust the one sent.",
        [
          "Sign in with a certificate: snowgate setup NAME --no-input --auth certificate --cert FILE --key FILE.",
          "On the instance (role sso_config_admin, ADCv2 edge): activate Certificate-based authentication (plugin com.glide.auth.mutual), then register the CA that signed the certificate under All > Certificate Based Authentication > CA Certificate Chain (Type: CA Cert, Active).",
          "If a certificate was sent, check it is the one signed by that CA and not expired: openssl x509 -in FILE -noout -issuer -enddate.",
        ])
    case .authCertificateRejected:
      return (
        "The TLS handshake accepted the client certificate, but the instance refused the request (401): it maps the certificate to no active user.",
        [
          "Map the certificate to the integration user: All > Certificate Based Authentication > User to Certificate Mapping > New (upload the PEM certificate, choose the User, Active).",
          "The CA that signed it must be registered and active under All > Certificate Based Authentication > CA Certificate Chain (plugin com.glide.auth.mutual, an ADCv2 edge: /adcv2/supports_tls answers true).",
          "The mapped user must be active and allowed to use the REST API (an API access policy may refuse certificate sign-in).",
        ])
    case .certificateUnusable:
      return (
        "The client certificate or its private key cannot be used.",
        [
          "Give a PEM certificate with --cert FILE and its private key with --key FILE (openssl x509 -in FILE -noout -subject shows the certificate).",
          "An encrypted key needs its passphrase in SNOWGATE_KEY_PASSPHRASE (or on stdin with --password-stdin), never on the command line.",
        ])
    case .certificateExpired:
      return (
        "The client certificate is outside its validity period, so no server would take it.",
        [
          "Get a new certificate from the CA that signed it, map the new one to the user on the instance (All > Certificate Based Authentication > User to Certificate Mapping), and give it with snowgate setup NAME --no-input --auth certificate --cert FILE --key FILE.",
          "If it should still be valid, check this machine's clock (date -u).",
        ])
    case .jwtKeyUnreadable, .jwtKeyNotRSA, .jwtKeyInvalid, .jwtKeyEncrypted, .jwtOpensslMissing,
      .jwtSigningFailed:
      return (
        "The JWT assertion could not be signed with the profile's key.",
        ["Check the file given with --jwt-key: an RSA private key in PEM form, without a passphrase, readable by you."])
    case .oauthAccessDenied:
      return (
        "The instance refused the token request (access_denied). It gives this same answer for every wrong credential, so it does not say which one is wrong.",
        [
          "Client secret: copy it again from System OAuth > Application Registry (unlock the field first).",
          "User name and password (password grant): sign in to the instance in a browser with them; the user may be locked.",
          "Client ID: it must be the Client ID of an active application registry record.",
          "Scope: leave it empty unless the OAuth client defines that scope.",
          "The real reason is in the instance's System Log (syslog): ask an admin to look at the time of this request.",
        ])
    case .oauthUnauthorizedClient:
      return (
        "The OAuth client is not allowed to use this grant (unauthorized_client).",
        [
          "For client credentials: set an OAuth Application User on the application registry record.",
          "Check that the client is active and of the type 'OAuth API endpoint for external clients'.",
        ])
    case .oauthGrantDisabled:
      return (
        "The instance does not accept this grant type: it is switched off or not supported by this release.",
        [
          "Password grant: an admin may have set glide.oauth.inbound.ropc.grant_type.disabled; use the authorization code flow instead.",
          "Client credentials: needs the Washington DC release or later and glide.oauth.inbound.client.credential.grant_type.enabled = true.",
          "Or choose another grant in the wizard.",
        ])
    case .oauthRefreshExpired:
      return (
        "The refresh token was refused: it has expired (100 days by default) or was revoked.",
        [
          "Generate new tokens in the wizard (snowgate setup NAME).",
          "For the browser flow, sign in again.",
          "If this happens often, ask an admin to lengthen the refresh token lifespan on the application registry record.",
        ])
    case .oauthTokenRejected:
      return (
        "The instance refused the access token (401): it has expired, was revoked, belongs to another instance, or is not allowed for this API.",
        [
          "Get a new token (snowgate token NAME refreshes it when a refresh token is saved).",
          "If a fresh token is refused too: the OAuth application may have Enforce Token Restrictions set, so its tokens work only for APIs whose REST API access policy names it; an admin adds the Table API to a REST API access policy for this application (or clears the restriction).",
          "The user may also be locked or inactive.",
        ])
    case .oauthBadResponse:
      return (
        "The token endpoint answered, but not with a token snowgate can read.",
        [
          "Check that the address points at the instance itself (a proxy or SSO page may have answered).",
          "Try again; if it persists, look at the answer with snowgate check --verbose.",
        ])
    case .apiForbidden:
      return (
        "The instance accepted the login but a table or field ACL refused the read (403).",
        [
          "Give the user a role the table's read ACL requires (for sys_user, e.g. itil).",
          "\"Field(s) present in the query…\": a field ACL hides a requested field, or the field does not exist.",
          "A 403 without the API's error body is IP access control or a proxy: allow this machine's address.",
        ])
    case .apiRESTAPIDenied:
      return (
        "The instance accepted the login but its REST API ACL refused the call (403 Failed API level ACL Validation).",
        [
          "Give the user the role snc_platform_rest_api_access (User Administration > Users > Roles); this fixes this refusal only.",
          "If it comes and goes, the instance may have switched nodes (KB2466644): try again, then ask ServiceNow support.",
        ])
    case .apiScopeMissing:
      return (
        "The OAuth token lacks the REST API's auth scope (403 Missing required api access scope).",
        [
          "Add the auth scope the instance named to the OAuth application (Auth Scopes on its registry record), then get a new token; or leave the scope empty to get the client's default scopes.",
          "Check the REST API auth scope of the Table API (System Web Services > REST API Auth Scope).",
        ])
    case .apiTableSecurity:
      return (
        "Table security refused the operation (403 denied due to table security): the table does not allow this access through web services.",
        [
          "An admin checks the table's application access settings (System Definition > Tables > the table > Application Access: Can read, Allow access to this table via web services).",
          "Give the user a role that the table's security rules allow.",
        ])
    case .apiCrossScope:
      return (
        "The instance refused a cross-scope access (ScopeAccessNotGrantedException): an application scope may not reach this table. This is about application scopes, not OAuth scopes.",
        [
          "An admin grants the access in the table's Application Access settings or in System Applications > Application Cross-Scope Access (set the record to Allowed).",
          "Changing the OAuth scope of the token does not help here.",
        ])
    case .apiNoRows:
      return (
        "The read passed but returned no records: row-level ACLs or query business rules probably hide every row from this user.",
        [
          "Sign in to the instance as this user and open the table: if the list is empty too, give the user a role that may read the records.",
          "Integrations that must see records will see none with these rights.",
        ])
    case .apiFieldsMissing:
      return (
        "The read passed but some requested fields were missing: the instance drops fields the user may not read, silently.",
        [
          "Give the user read access on the missing fields (field-level read ACLs).",
        ])
    case .apiRateLimited:
      return (
        "The instance is limiting the rate of requests for this user (429).",
        [
          "Wait for the time the instance asks (Retry-After) and try again.",
          "If it persists, ask an admin to check the REST rate limit rules (sys_rate_limit_rules).",
        ])
    case .apiBadResponse:
      return (
        "The Table API answered in a way snowgate cannot use.",
        [
          "Check that the address points at the instance itself and that the API version in it exists.",
          "Look at the answer with snowgate check --verbose.",
        ])
    case .cancelled:
      return ("The request was cancelled before it finished.", ["Run it again when you are ready."])
    case .clientLibcurlMissing:
      return (
        "snowgate could not load libcurl (libcurl.so.4), which it uses for every HTTP request.",
        [
          "Install it: apt-get install libcurl4 (Debian, Ubuntu), dnf install libcurl (Fedora, RHEL).",
          "If it is installed in an unusual place, add that folder to LD_LIBRARY_PATH.",
        ])
    }
  }
}
