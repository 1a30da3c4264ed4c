import TestSupport

/// A fake `secret-tool` on PATH for the real binary: items in a 0600 file, every argv recorded.
///
/// The name the end-to-end tests know for the one fake secret tool (TestSupport's
/// `FakeSecretTool`, which the store's unit tests use too).
typealias FakeKeyring = FakeSecretTool
