"""Settings, database, security, logging and errors."""
