"""Settings of the series explorer, from `CLAIMWIRE_EXPLORER_*` variables.

The same for the tracker's pages and for `claimwire series --serve/--html`: whether the tracker
serves the pages, and the caps that bound the view's memory (docs/series-explorer.md).
"""

from __future__ import annotations

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

from worker.explore.view import DEFAULT_MAX_CLAIMS, DEFAULT_MAX_POINTS, DEFAULT_MAX_SERIES, ExplorerView

EXPLORER_ENV_PREFIX = "CLAIMWIRE_EXPLORER_"


class ExplorerSettings(BaseSettings):
    """Whether the tracker serves /series, and how much the view may hold."""

    model_config = SettingsConfigDict(env_prefix=EXPLORER_ENV_PREFIX, extra="ignore", frozen=True)

    enabled: bool = Field(default=True, description="The tracker serves /series beside /metrics.")
    max_series: int = Field(
        default=DEFAULT_MAX_SERIES, ge=1, description="Least recently changed leave first."
    )
    max_points: int = Field(default=DEFAULT_MAX_POINTS, ge=1, description="Per series; oldest leave first.")
    max_claims: int = Field(
        default=DEFAULT_MAX_CLAIMS, ge=1, description="Evidence kept; first read leave first."
    )

    def new_view(self) -> ExplorerView:
        return ExplorerView(
            max_series=self.max_series, max_points=self.max_points, max_claims=self.max_claims
        )
