# syntax=docker/dockerfile:1
#
# Groundwork container image: the Quarkus fast-jar on a Temurin 25 JRE, run as a non-root user.
#
#   docker build -t groundwork:local .
#   docker run --rm -p 8080:8080 -v groundwork-data:/var/lib/groundwork groundwork:local
#
# The same image runs every command of the CLI: `docker run --rm groundwork:local --help`.
# Configuration comes from the environment (GROUNDWORK_*; see docs/configuration.md).
# Checked by DeploymentManifestsTest: EXPOSE = quarkus.http.port, the health paths, the copied
# folders, the module flag and the non-root user.

# ---- build: ./mvnw package on a full JDK ------------------------------------------------------
FROM eclipse-temurin:25-jdk AS build
WORKDIR /build
COPY mvnw pom.xml ./
COPY .mvn/ .mvn/
COPY src/ src/
# The cache mount keeps Maven and the downloaded dependencies between builds (BuildKit).
RUN --mount=type=cache,target=/root/.m2 \
    ./mvnw -B -ntp package -DskipTests

# ---- run: JRE only --------------------------------------------------------------------------
FROM eclipse-temurin:25-jre AS runtime
# curl for the HEALTHCHECK below (explicit, whatever the base image happens to carry).
RUN apt-get update \
    && apt-get install -y --no-install-recommends curl \
    && rm -rf /var/lib/apt/lists/*
# Lucene's vectorised search needs the incubator module: fail the build, not the first start,
# if this runtime lacks it.
RUN java --add-modules jdk.incubator.vector -version
RUN groupadd --system --gid 10001 groundwork \
    && useradd --system --uid 10001 --gid groundwork --home-dir /app --no-create-home \
       --shell /usr/sbin/nologin groundwork \
    && mkdir -p /var/lib/groundwork \
    && chown groundwork:groundwork /var/lib/groundwork
# The working directory holds what the default relative settings point at:
# ingestion/pipeline.yaml (groundwork.ingest.pipeline-file) and prompts/ (groundwork.answer.prompts-dir).
WORKDIR /app
COPY --from=build /build/target/quarkus-app/ /app/quarkus-app/
COPY ingestion/ /app/ingestion/
COPY prompts/ /app/prompts/

# Lucene index and, in the embedded mode, the H2 database. In PostgreSQL mode only the local
# Lucene index lives here; it is rebuilt from PostgreSQL when the volume is empty.
ENV GROUNDWORK_DATA_DIR=/var/lib/groundwork
# Heap as a share of the container's memory limit; the rest is for the ONNX runtime (native) and
# Lucene's memory-mapped index. Add or override JVM flags here (e.g. -Xmx) at run time.
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=60 -XX:+ExitOnOutOfMemoryError"
VOLUME ["/var/lib/groundwork"]
USER 10001:10001
EXPOSE 8080
HEALTHCHECK --interval=15s --timeout=5s --start-period=120s --retries=3 \
    CMD curl -fsS -o /dev/null http://localhost:8080/q/health/ready || exit 1
ENTRYPOINT ["java", "--add-modules", "jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED", "-jar", "/app/quarkus-app/quarkus-run.jar"]
CMD ["serve"]
