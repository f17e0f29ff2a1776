"""Your tests: they run with the generated suite."""
