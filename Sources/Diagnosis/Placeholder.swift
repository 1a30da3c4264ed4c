// Placeholder so the target builds; see Sources/Diagnosis for the real types once they land.
enum DiagnosisPlaceholder {}
