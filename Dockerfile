# syntax=docker/dockerfile:1
# claimwire container image: `claimwire worker` by default, every other sub-command by argument.
#
#   docker build -t claimwire:0.1.0 --build-arg VERSION=0.1.0 \
#       --build-arg SOURCE_URL="$(git remote get-url origin)" --build-arg GIT_COMMIT="$(git rev-parse HEAD)" .
#   docker run --rm claimwire:0.1.0 --help
#
# Runtime dependencies come from requirements.lock (exact versions, hash-checked); see
# deploy/README.md for how to regenerate it.

# The base by tag and by the digest of its multi-architecture index: the tag says what it is, the
# digest makes two builds of one commit start from the same bytes. Renew both together.
ARG PYTHON_IMAGE=python:3.11.14-slim-bookworm@sha256:65a93d69fa75478d554f4ad27c85c1e69fa184956261b4301ebaf6dbb0a3543d

FROM ${PYTHON_IMAGE} AS build

# The build backend is pinned here rather than resolved at build time, so two builds of the
# same commit package the same wheel.
ARG SETUPTOOLS_VERSION=80.9.0

# pip compiles every module to bytecode here, so the read-only runtime never needs to write any.
ENV PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1

WORKDIR /src

RUN python -m pip install --no-cache-dir "setuptools==${SETUPTOOLS_VERSION}" \
 && python -m venv --without-pip /opt/claimwire

# Dependencies first: this layer is reused until the lock file changes.
COPY requirements.lock ./
RUN python -m pip --python /opt/claimwire/bin/python install --no-cache-dir \
        --require-hashes --no-deps --only-binary=:all: -r requirements.lock

# The package's own files only: the README (the wheel's long description) has no use in the image.
COPY pyproject.toml ./
COPY worker ./worker
RUN python -m pip wheel --no-cache-dir --no-deps --no-build-isolation --wheel-dir /dist . \
 && python -m pip --python /opt/claimwire/bin/python install --no-cache-dir --no-deps /dist/claimwire-*.whl


FROM ${PYTHON_IMAGE} AS runtime

ARG VERSION=0.1.0
ARG SOURCE_URL=unknown
ARG GIT_COMMIT=unknown
# tini's release in Debian bookworm, the base's distribution.
ARG TINI_VERSION=0.19.0-1+b3

LABEL org.opencontainers.image.title="claimwire" \
      org.opencontainers.image.description="Streaming worker that turns raw news wire items into attributed numeric claim events" \
      org.opencontainers.image.version="${VERSION}" \
      org.opencontainers.image.source="${SOURCE_URL}" \
      org.opencontainers.image.revision="${GIT_COMMIT}" \
      org.opencontainers.image.licenses="Apache-2.0"

# tini runs as PID 1: it forwards SIGTERM to claimwire and reaps the processes that claimwire's
# extraction children and multiprocessing's helpers leave behind, which a Python PID 1 never does.
# pip, setuptools and wheel of the base image are build tools: the runtime never installs anything.
RUN apt-get update \
 && apt-get install --yes --no-install-recommends "tini=${TINI_VERSION}" \
 && rm -rf /var/lib/apt/lists/* \
 && python -m pip uninstall --yes --quiet pip setuptools wheel \
 && useradd --system --uid 10001 --user-group --no-create-home --home-dir /nonexistent \
        --shell /usr/sbin/nologin claimwire

COPY --from=build /opt/claimwire /opt/claimwire

ENV PATH="/opt/claimwire/bin:${PATH}" \
    PYTHONUNBUFFERED=1 \
    PYTHONDONTWRITEBYTECODE=1 \
    CLAIMWIRE_HTTP_PORT=9400 \
    GIT_COMMIT=${GIT_COMMIT}

# Numeric, so Kubernetes can check runAsNonRoot without a passwd lookup.
USER 10001:10001
WORKDIR /tmp
EXPOSE 9400

HEALTHCHECK --interval=15s --timeout=3s --start-period=20s --retries=3 \
    CMD ["/opt/claimwire/bin/python", "-c", "import os, urllib.request; urllib.request.urlopen('http://127.0.0.1:' + os.environ.get('CLAIMWIRE_HTTP_PORT', '9400') + '/healthz', timeout=2)"]

ENTRYPOINT ["/usr/bin/tini", "--", "claimwire"]
CMD ["worker"]
