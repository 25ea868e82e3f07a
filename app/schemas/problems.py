"""Wire shapes of the service itself: RFC 9457 problems and health."""

from pydantic import BaseModel, Field


class ProblemError(BaseModel):
    """One invalid input."""

    loc: list[str | int] = Field(
        description="Where: source then name.", examples=[["query", "limit"]]
    )
    msg: str = Field(
        description="What is wrong.", examples=["Input should be less than or equal to 500"]
    )
    type: str = Field(description="Machine-readable kind.", examples=["less_than_equal"])


class Problem(BaseModel):
    """RFC 9457 problem details, sent for every 4xx and 5xx."""

    type: str = Field(
        description="URI naming the problem kind: `about:blank` for plain HTTP errors, "
        "`urn:article-facts:problem:<kind>` for the service's own.",
        examples=["urn:article-facts:problem:not-found"],
    )
    title: str = Field(description="Short summary of the kind.", examples=["Not Found"])
    status: int = Field(description="The HTTP status.", examples=[404])
    detail: str = Field(
        description="What went wrong here.", examples=["No entity 'no-such-entity'."]
    )
    instance: str | None = Field(None, description="The request path.", examples=["/entities/x"])
    errors: list[ProblemError] | None = Field(
        None,
        description="Each invalid input, for validation failures.",
        examples=[
            [
                {
                    "loc": ["query", "limit"],
                    "msg": "Input should be less than or equal to 500",
                    "type": "less_than_equal",
                }
            ]
        ],
    )
    retry_after: int | None = Field(
        None, description="Seconds to wait, for 429 (as `Retry-After`).", examples=[12]
    )


class Health(BaseModel):
    """Liveness and database reachability."""

    status: str = Field(
        description="`ok`, or `error` when the database is unreachable.", examples=["ok"]
    )
    database: str = Field(description="`ok` or `unreachable`.", examples=["ok"])


# ---------------------------------------------------------------- query parameters


class Readiness(BaseModel):
    """Readiness to serve: database reachable and schema at the newest migration."""

    status: str = Field(description="`ready`.", examples=["ready"])
    database: str = Field(description="`ok`.", examples=["ok"])
    migration: str = Field(description="The schema's migration revision.", examples=["0007"])
