"""Application settings, read from environment variables and `.env`."""

from typing import Literal

from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    model_config = SettingsConfigDict(
        env_file=".env", env_ignore_empty=True, extra="ignore"
    )

    PROJECT_NAME: str = "Social"
    # Production unless chosen otherwise: development relaxes SECRET_KEY.
    ENVIRONMENT: Literal["development", "test", "staging", "production"] = "production"
    LOG_LEVEL: str = "INFO"
    DATABASE_URL: str = "sqlite+aiosqlite:///./app.db"
    DB_ECHO: bool = False
    DB_POOL_SIZE: int = 5
    DB_MAX_OVERFLOW: int = 10
    DB_POOL_TIMEOUT: float = 30.0
    DB_POOL_RECYCLE: int = 1800
    # A round trip per checkout; pool_recycle already retires old connections.
    DB_POOL_PRE_PING: bool = False
    # Browser origins allowed to call the API (bearer tokens: no credentials).
    CORS_ORIGINS: list[str] = []
    # Larger request bodies are refused with 413 before they are read.
    MAX_BODY_BYTES: int = 1_048_576
    # Signs the access tokens; required unless ENVIRONMENT is development or test.
    SECRET_KEY: str = ""
    ACCESS_TOKEN_EXPIRE_MINUTES: int = 60


settings = Settings()
