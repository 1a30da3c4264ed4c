// Placeholder so the target builds; see Sources/Profiles for the real types once they land.
enum ProfilesPlaceholder {}
