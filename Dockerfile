# CallMonitor container: the live gRPC service (`callmonitor serve`) on port 5005, its database in /data.
# Stage 1 builds the CLI with the .NET SDK and fetches the native engine libraries (sherpa-onnx + onnxruntime,
# libvosk) from npm; stage 2 runs it on the ASP.NET Core runtime with ffmpeg, as uid 10001.
# Models are not baked in: at start docker/entrypoint.sh installs them into /data/models from the cache mounted
# at /models-cache (CALLMONITOR_MODEL_CACHE), else their official URL, checking every sha256 of models/manifest.json.
#   docker build -t callmonitor .
#   docker run -d -p 5005:5005 -v callmonitor-data:/data -v /srv/models:/models-cache:ro callmonitor
#   docker run --rm -v "$PWD:/calls" callmonitor analyze /calls/call.wav --format text
#   docker run --rm callmonitor demo
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
RUN apt-get update && apt-get install -y --no-install-recommends npm unicode-data bzip2 && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY . .
# install-native.sh puts the .so files in .native/; the engine projects copy them next to callmonitor.dll, and
# .native/ keeps only the install markers (pointing at those copies) for `callmonitor doctor`.
RUN bash scripts/install-native.sh \
 && dotnet publish src/CallMonitor.Cli/CallMonitor.Cli.csproj -c Release -o /app \
 && test -f /app/libvosk.so && test -f /app/libsherpa-onnx-c-api.so && test -f /app/libonnxruntime.so \
 && for lib in sherpa-onnx vosk; do \
      mkdir -p "/app/.native/$lib" \
      && for marker in .native/$lib/*.installed; do \
           cp "$marker" "/app/.native/$lib/" \
           && ln -sf "../../$(basename "$marker" .installed)" "/app/.native/$lib/$(basename "$marker" .installed)"; \
         done; \
    done \
 && mkdir -p /app/models/classifier /app/samples \
 && cp models/manifest.json /app/models/ \
 && cp models/classifier/rude-utterance.zip /app/models/classifier/ \
 && cp samples/demo-call.wav /app/samples/ \
 && install -m 0755 docker/entrypoint.sh /app/entrypoint.sh

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
RUN apt-get update && apt-get install -y --no-install-recommends ffmpeg && rm -rf /var/lib/apt/lists/* \
 && groupadd --system --gid 10001 callmonitor \
 && useradd --system --uid 10001 --gid 10001 --home-dir /data --no-create-home --shell /usr/sbin/nologin callmonitor \
 && mkdir -p /data /models-cache \
 && chown 10001:10001 /data
# The application stays root-owned (read-only to the service); only /data is the service's.
COPY --from=build /app /app
ENV CALLMONITOR_HOME=/app \
    CALLMONITOR_DATA=/data \
    CALLMONITOR_MODELS_DIR=/data/models \
    CALLMONITOR_MODEL_CACHE=/models-cache \
    ASPNETCORE_HTTP_PORTS= \
    MALLOC_ARENA_MAX=2
USER 10001:10001
WORKDIR /data
VOLUME ["/data"]
EXPOSE 5005
# The gRPC health service (grpc.health.v1), asked by the CLI itself: the image has no grpcurl.
HEALTHCHECK --interval=30s --timeout=10s --start-period=180s --retries=3 \
  CMD ["dotnet", "/app/callmonitor.dll", "health", "--server", "http://127.0.0.1:5005"]
ENTRYPOINT ["/app/entrypoint.sh"]
CMD ["serve", "--urls", "http://0.0.0.0:5005", "--data", "/data"]
