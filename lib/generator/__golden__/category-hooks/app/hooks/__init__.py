"""Your hooks on the generated endpoints (called by app/api/routes)."""
