/// The demo instance's JWT bearer key pair: the public half sits in the demo client's verifier
/// map, the private half signs the assertions of `snowgate demo` and the tests.
///
/// Not a secret: it is published here on purpose and only the simulator trusts it, like the demo
/// client's `demo-secret`. A real instance's verifier map never holds this key.
public enum DemoJWTKey {
  /// The RSA private key (PEM, PKCS#8, no passphrase), written to a 0600 file where needed.
  public static let privateKeyPEM = """
    -----BEGIN PRIVATE KEY-----
    MIIEvgIBADANBgkqhkiG9w0BAQEFAASCBKgwggSkAgEAAoIBAQCdoPbTHkCt5Zpt
    jxV90RS5oMrZiS9YntYH/+Ty+toMB3az1O1XkJKew6Xm3sy0wiDhPGtemTvXU739
    sxBozp4xfh8yVFNJ8FdkwZ7/1MKFqDSc4/5O46Fy/6NlTLeiMG133IRRKZ7DTrkJ
    eGuk1NiJysUQvA7GdmxcFCo6AS2yRwuAw3SHHy2Lrz8Okd4PZLYCJVAzv1MjS5iZ
    Ab/rL+zfGx/6RdrGH6ibEb4dZpl8Eae2I5j3HCNou5uEwlkMveh9c6+4nVWxXw42
    xJErGUePou25hXiNMbUb2Vqe/SBMKRhN+qxNXL8/H2yctZK/l9wOtvMNZYOoFkPl
    nrYDIXq5AgMBAAECggEAERf6jEx0kSccBxOELh+1UqgIN2z0EHUxGq76YgsoCDPr
    AHdvwZYxADyRSicRJe0DacmGjzyoy6IOMWvwtJzrdMyLj4arfZItuARzPKUS7zGd
    ewISevWedX0ZeAvIwjLkPCJSywZrbBymXkuLyNU4IkE1+6mZJJaFC7s4FRA5p2J3
    YED4z2NxjQpZ2Z+ecIUXt71WCESb/Ru1W3CQZ3VJ1KeToEKQQfoRg4rKsNVpZbJr
    I5EJwcY71kLuOmyERn1AeqLITJycd75J6uEIIqgzEgUAPmPL/2TcDSNFUEc9PDFO
    xSOyCF6JXP2QUKJVPYPBps85ahpAOW9NCwhlA8O6bQKBgQDJeKgqeg5+GA4YBFgR
    0QDbgYHE8qd70qzNQ6KByXHTfDi68lDezyher9slvg39pNKNF9AOGLqoOo4kV3vH
    8lOn5nYoLChxSN+Qh47D6brjcaCYlM1lA4w/rc0gDLxiF03BUmuC/HaERs2U7QTS
    7uFButGSLIQRsVJZmxhu/bxmcwKBgQDISpaohUsmOx3J2uCk3jH9/TJpKCTDZ9Qf
    1T+xr5FQm7XmGX4GWvKySQAfknS7kjy7hiZljs+lmFbfMTYLSR11AQ/wPzsvGkUB
    Xtl62dUylKi9Q/vRSdvMT+w53fwa1iN0bnwi3a8qBW8UlyMMQchkIcumyHh3/aBY
    bkcF7PtjIwKBgQClfP5lJa0R1iB9idPtjoftxgsaA1efVgWq9YteoGFnHfpbVP8o
    hXDblgekkOBdIC3yx0SWz6lC1hY7s8BxFJOyrpMPnHX716gLx811D1/7wzHvIwsz
    lh51kAWV9eAnkozD5zd4eHfBX4cudSIpQR62JwZN01MIVWcXQ1ZmlPVUEQKBgEj3
    O0lrPcRQtvppXXtSYv33dpzufe4d7h4mrsyJfDPUdgC8erfP/ChNBdl6nkIS9UMP
    jP9kdmsKQ2ON5vVXjn6og2jvcB0pwcfNCQeDQfLqS0qf8KX+9S7KUvGF2CjiqAnr
    kheVkRGK5zumD6OQd3NbCHjbAWAdKoPssL0M50vnAoGBALwQlJTOjICe5aXPQ+fQ
    J4jZnq5X7wKa3Fpo0ZPpq0TuUzJ74aZGKBXcLzxdlfKh4rT7ICE9bTV9lQ92+jIx
    GKKwdlMKjj3Dr//UP5Z2YgwXRzzc/i2IW/+U92/5+cjNexM+aAFGddkNmQCFttQc
    RqrBRYZzinXe2H7CSZ7C+qRk
    -----END PRIVATE KEY-----
    """

  /// Its public key (PEM), as `openssl pkey -pubout` prints it.
  public static let publicKeyPEM = """
    -----BEGIN PUBLIC KEY-----
    MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAnaD20x5AreWabY8VfdEU
    uaDK2YkvWJ7WB//k8vraDAd2s9TtV5CSnsOl5t7MtMIg4TxrXpk711O9/bMQaM6e
    MX4fMlRTSfBXZMGe/9TChag0nOP+TuOhcv+jZUy3ojBtd9yEUSmew065CXhrpNTY
    icrFELwOxnZsXBQqOgEtskcLgMN0hx8ti68/DpHeD2S2AiVQM79TI0uYmQG/6y/s
    3xsf+kXaxh+omxG+HWaZfBGntiOY9xwjaLubhMJZDL3ofXOvuJ1VsV8ONsSRKxlH
    j6LtuYV4jTG1G9lanv0gTCkYTfqsTVy/Px9snLWSv5fcDrbzDWWDqBZD5Z62AyF6
    uQIDAQAB
    -----END PUBLIC KEY-----
    """
}
