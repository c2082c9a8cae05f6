# syntax=docker/dockerfile:1
# Build stage: the Maven wrapper builds the runnable jar (tests run in CI, not here).
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY .mvn .mvn
COPY mvnw pom.xml ./
COPY core/pom.xml core/
COPY config/pom.xml config/
COPY adapters-pretix/pom.xml adapters-pretix/
COPY adapters-pretalx/pom.xml adapters-pretalx/
COPY adapters-discord/pom.xml adapters-discord/
COPY adapters-sqlite/pom.xml adapters-sqlite/
COPY fake-discord/pom.xml fake-discord/
COPY app/pom.xml app/
COPY benchmarks/pom.xml benchmarks/
RUN --mount=type=cache,target=/root/.m2 ./mvnw -B -q -pl app -am dependency:go-offline -DskipTests || true
COPY . .
RUN --mount=type=cache,target=/root/.m2 ./mvnw -B -q -pl app -am package -DskipTests -Djacoco.skip=true

# Runtime stage: a JRE, a non-root user, state in /data.
FROM eclipse-temurin:17-jre
RUN groupadd --system confbot && useradd --system --gid confbot --home-dir /data confbot \
    && mkdir -p /data /etc/confbot && chown confbot:confbot /data
COPY --from=build /src/app/target/confbot.jar /opt/confbot/confbot.jar
USER confbot
WORKDIR /data
VOLUME ["/data"]
# The container's own settings win over config.toml: state in the /data volume, and /healthz on
# port 8080 for the HEALTHCHECK below (compose.yaml publishes it on the host's loopback only).
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75" \
    CONFBOT_DATA_DIR=/data \
    CONFBOT_HTTP_PORT=8080
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
  CMD ["java", "-cp", "/opt/confbot/confbot.jar", "dev.confbot.app.HealthProbe", "http://127.0.0.1:8080/healthz"]
ENTRYPOINT ["java", "-jar", "/opt/confbot/confbot.jar"]
CMD ["run", "--config", "/etc/confbot/config.toml"]
