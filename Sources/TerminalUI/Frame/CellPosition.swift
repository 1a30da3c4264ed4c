/// A column and row on a `Frame`, counted from the top-left corner at (0, 0).
public struct CellPosition: Hashable, Sendable {
  public var x: Int
  public var y: Int

  public init(x: Int, y: Int) {
    self.x = x
    self.y = y
  }
}
