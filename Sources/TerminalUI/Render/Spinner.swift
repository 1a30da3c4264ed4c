/// The frames of the braille spinner drawn for work in progress and running checks.
public enum Spinner {
  public static let frames: [Character] = ["⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"]

  /// The frame for a tick count; any integer (also negative) picks a valid frame.
  public static func frame(_ tick: Int) -> Character {
    let count = frames.count
    return frames[((tick % count) + count) % count]
  }

  static let frameStrings: [Substring] = frames.map { Substring(String($0)) }

  static func frameString(_ tick: Int) -> Substring {
    let count = frames.count
    return frameStrings[((tick % count) + count) % count]
  }
}
