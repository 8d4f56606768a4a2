# CallMonitor container: builds the CLI with the .NET SDK, then runs it on the slim .NET runtime with ffmpeg
# and the native engine libraries (fetched from npm at build time). Models are not baked in: mount a model cache
# at /models-cache (CALLMONITOR_MODEL_CACHE) or let `callmonitor models install` download them.
#   docker build -t callmonitor .
#   docker run --rm callmonitor demo
#   docker run --rm -v "$PWD:/calls" callmonitor analyze /calls/call.wav --format text
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
RUN apt-get update && apt-get install -y --no-install-recommends npm unicode-data bzip2 && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY . .
RUN bash scripts/install-native.sh \
 && dotnet publish src/CallMonitor.Cli/CallMonitor.Cli.csproj -c Release -o /app \
 && mkdir -p /app/models /app/samples \
 && cp models/manifest.json /app/models/ && cp samples/demo-call.wav /app/samples/

FROM mcr.microsoft.com/dotnet/runtime:10.0
RUN apt-get update && apt-get install -y --no-install-recommends ffmpeg && rm -rf /var/lib/apt/lists/* \
 && useradd --system --create-home --uid 10001 callmonitor
COPY --from=build --chown=callmonitor /app /app
ENV CALLMONITOR_HOME=/app CALLMONITOR_MODEL_CACHE=/models-cache
USER callmonitor
WORKDIR /app
ENTRYPOINT ["dotnet", "/app/callmonitor.dll"]
CMD ["demo"]
