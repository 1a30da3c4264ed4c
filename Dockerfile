# Builds snowgate and runs its tests on Debian bookworm with Swift 6.3.
#   docker build -t snowgate-test .
# Not built where snowgate is developed (that machine reaches no registry); CI runs
# scripts/test directly. scripts/deps installs the same packages .ci/run installs.
FROM swift:6.3-bookworm

WORKDIR /src
COPY . .
RUN apt-get update && apt-get install -y --no-install-recommends make groff-base \
  && scripts/deps test && rm -rf /var/lib/apt/lists/*
RUN swift build -c release --static-swift-stdlib --disable-local-rpath && make install PREFIX=/usr/local && snowgate --version
CMD ["scripts/test"]
