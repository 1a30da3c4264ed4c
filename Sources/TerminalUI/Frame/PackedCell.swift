/// How a `Frame` stores a cell: plain bits, so a frame is one flat allocation that is cheap
/// to make, copy and free on every keystroke.
///
/// Almost every cell holds one unicode scalar. Zero-width scalars that follow it (combining
/// accents, joiners, variation selectors) go to the frame's `clusters` side table.
struct PackedCell: Equatable {
  var scalar: Unicode.Scalar
  var style: CellStyle
  /// 1 for a normal cell, 2 for the first half of a wide character, 0 for its second half.
  var width: UInt8
  /// Index into `Frame.clusters` of the zero-width scalars drawn with this one, or -1.
  var cluster: Int32

  static let blank = PackedCell(scalar: " ", style: .plain, width: 1, cluster: -1)

  init(scalar: Unicode.Scalar, style: CellStyle, width: UInt8, cluster: Int32 = -1) {
    self.scalar = scalar
    self.style = style
    self.width = width
    self.cluster = cluster
  }
}
