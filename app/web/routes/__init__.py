"""The pages' routes, one module per area."""
