// Placeholder so the target builds; see Sources/Simulator for the real types once they land.
enum SimulatorPlaceholder {}
