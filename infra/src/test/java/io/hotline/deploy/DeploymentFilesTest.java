package io.hotline.deploy;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The deployment files cannot be run where no Docker engine exists, so this checks what can be checked without
 * one: they parse, and they agree with each other and with the build (the replica set's members and name, the
 * nodes' connection string, Prometheus's targets and path, the jar the image copies).
 */
class DeploymentFilesTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final List<String> MEMBERS = List.of("mongo1:27017", "mongo2:27017", "mongo3:27017");

    @Test
    @SuppressWarnings("unchecked")
    void composeRunsAThreeMemberReplicaSetTwoNodesAndPrometheus() throws IOException {
        Map<String, Object> compose = yaml(ROOT.resolve("deploy/docker-compose.yml"));
        Map<String, Map<String, Object>> services = (Map<String, Map<String, Object>>) compose.get("services");
        assertThat(services).containsKeys("mongo1", "mongo2", "mongo3", "mongo-init", "node1", "node2", "prometheus");

        for (String member : List.of("mongo1", "mongo2", "mongo3")) {
            assertThat((List<String>) services.get(member).get("command")).containsSequence("--replSet", "rs0");
        }
        String initiate = String.join(" ", (List<String>) services.get("mongo-init").get("command"));
        assertThat(initiate).contains("rs.initiate", "_id: \"rs0\"").contains(MEMBERS);

        for (String node : List.of("node1", "node2")) {
            Map<String, Object> service = services.get(node);
            Map<String, String> environment = (Map<String, String>) service.get("environment");
            assertThat(environment.get("MONGODB_URI")).contains("replicaSet=rs0", "w=majority").contains(MEMBERS);
            assertThat(environment).containsKeys("APP_SIDES", "APP_PROCESSING_NODENAME");
            assertThat((Map<String, Map<String, String>>) service.get("depends_on"))
                    .containsEntry("mongo-init", Map.of("condition", "service_completed_successfully"));
            Map<String, String> build = (Map<String, String>) service.get("build");
            assertThat(ROOT.resolve("deploy").resolve(build.get("context")).resolve(build.get("dockerfile")).normalize())
                    .isEqualTo(ROOT.resolve("Dockerfile"));
        }
        assertThat((List<String>) services.get("prometheus").get("volumes"))
                .contains("./prometheus.yml:/etc/prometheus/prometheus.yml:ro");
    }

    @Test
    @SuppressWarnings("unchecked")
    void prometheusScrapesBothNodesWhereTheAppPublishesItsMetrics() throws IOException {
        Map<String, Object> prometheus = yaml(ROOT.resolve("deploy/prometheus.yml"));
        Map<String, Object> job = ((List<Map<String, Object>>) prometheus.get("scrape_configs")).get(0);
        assertThat(job.get("metrics_path")).isEqualTo("/actuator/prometheus");
        List<String> targets = (List<String>) ((List<Map<String, Object>>) job.get("static_configs")).get(0).get("targets");
        assertThat(targets).containsExactlyInAnyOrder("node1:8080", "node2:8080");

        String application = Files.readString(ROOT.resolve("infra/src/main/resources/application.yml"));
        assertThat(application).contains("include: health,info,prometheus,metrics");
    }

    @Test
    void theImageRunsThePackagedJarOnJava17() throws IOException {
        String dockerfile = Files.readString(ROOT.resolve("Dockerfile"));
        assertThat(dockerfile).contains("FROM eclipse-temurin:17-jre", "COPY infra/target/hotline.jar /app/hotline.jar",
                "EXPOSE 8080");
        assertThat(Files.readAllLines(ROOT.resolve(".dockerignore"))).contains("!infra/target/hotline.jar");
        String pom = Files.readString(ROOT.resolve("infra/pom.xml"));
        assertThat(pom).contains("<finalName>hotline</finalName>");
    }

    private static Map<String, Object> yaml(Path file) throws IOException {
        return new Yaml().load(Files.readString(file));
    }
}
