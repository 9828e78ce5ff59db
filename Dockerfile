# The Roster image: the self-contained single-file `roster` that scripts/publish.sh builds, on a
# minimal base with glibc, OpenSSL and CA certificates (Microsoft's runtime-deps image). It runs as
# a non-root user, needs no writable path but /data (the SQLite database, its key file, the mail
# pickup folder) and /tmp, so it runs with a read-only root file system:
#
#   bash scripts/publish.sh
#   docker build --build-arg RID=linux-x64 -t roster .
#   docker run --read-only --tmpfs /tmp -v roster-data:/data -p 8080:8080 \
#     -e Roster__PublicBaseUrl=https://roster.example.com roster
#
# BASE may name any image with glibc, libssl3 and ICU (scripts/package-test.sh builds one from Debian's
# packages, where no registry is reachable).
ARG BASE=mcr.microsoft.com/dotnet/runtime-deps:10.0-bookworm-slim
FROM ${BASE}
ARG RID=linux-x64

COPY --chmod=0755 dist/${RID}/roster /usr/local/bin/roster
RUN mkdir -p /data && chown 10001:10001 /data

# Not root; a numeric id, so no passwd entry is needed.
USER 10001:10001
WORKDIR /data
ENV Storage__Provider=sqlite \
    Storage__ConnectionString=/data/roster.db \
    ROSTER_URLS=http://0.0.0.0:8080 \
    Roster__Shutdown__DrainSeconds=5 \
    DOTNET_BUNDLE_EXTRACT_BASE_DIR=/tmp \
    HOME=/data
VOLUME /data
EXPOSE 8080
ENTRYPOINT ["/usr/local/bin/roster"]
CMD ["serve"]
