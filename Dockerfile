# article-facts: the API on SQLite (data in the /data volume) or on PostgreSQL (DATABASE_URL).
# Build: docker build -t article-facts .   Run: docker run -p 8000:8000 -v facts:/data article-facts
# tests/test_packaging.py performs these same steps in a fresh virtual environment.

FROM python:3.11-slim AS build
WORKDIR /src
COPY pyproject.toml README.md ./
COPY app ./app
COPY migrations ./migrations
COPY seed ./seed
# Wheels for the service (with the PostgreSQL driver) and every dependency; the runtime
# stage installs them offline.
RUN pip wheel --no-cache-dir --wheel-dir /wheels ".[postgres,redis]"

FROM python:3.11-slim
# MALLOC_ARENA_MAX: glibc gives every request thread its own malloc arena, which keeps
# freed memory resident; two arenas hold a busy worker's memory about flat.
ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    MALLOC_ARENA_MAX=2 \
    DATA_DIR=/data
RUN useradd --system --uid 10001 --no-create-home --shell /usr/sbin/nologin app \
    && mkdir /data \
    && chown app:app /data
COPY --from=build /wheels /wheels
RUN pip install --no-cache-dir --no-index /wheels/*.whl && rm -rf /wheels
USER app
VOLUME ["/data"]
EXPOSE 8000
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
    CMD ["python", "-c", "import sys, urllib.request; sys.exit(urllib.request.urlopen('http://127.0.0.1:8000/health', timeout=4).status != 200)"]
CMD ["article-facts", "serve", "--host", "0.0.0.0", "--port", "8000"]
