// Placeholder so the target builds; see Sources/ServiceNowClient for the real types once they land.
enum ServiceNowClientPlaceholder {}
