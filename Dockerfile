# The hotline app. Build the jar first (./mvnw -B -DskipTests package), then: docker build -t hotline .
# Configure it like any Spring Boot app, e.g. -e MONGODB_URI=... -e APP_SIDES=query; extra JVM flags: JAVA_OPTS.
FROM eclipse-temurin:17-jre

RUN groupadd --system hotline && useradd --system --gid hotline --home-dir /app hotline
WORKDIR /app
COPY infra/target/hotline.jar /app/hotline.jar
USER hotline

EXPOSE 8080
ENV JAVA_OPTS=""
ENTRYPOINT ["sh", "-c", "exec java $JAVA_OPTS -jar /app/hotline.jar \"$@\"", "hotline"]
