/// Why a helper server for a check test could not be started.
enum CheckLocalServerError: Error {
  case noSocket
  case neverListened(String)
}
