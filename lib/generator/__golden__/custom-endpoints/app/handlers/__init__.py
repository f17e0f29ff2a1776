"""Your handlers of the custom endpoints (called by app/api/routes/custom.py)."""
