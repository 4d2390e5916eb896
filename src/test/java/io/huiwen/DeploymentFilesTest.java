package io.huiwen;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The files under {@code deploy/} describe a cluster the tests never start (no container engine
 * here), so they are checked for what breaks a deployment quietly: a misspelt setting (Spring
 * ignores a variable it does not bind), a service missing from the compose file, nginx not in
 * front of every portal node, a health check on a path the application does not serve.
 */
class DeploymentFilesTest {

    static final Path DEPLOY = Path.of("deploy");
    static final Pattern SPRING_STYLE = Pattern.compile("(HUIWEN|SPRING|SERVER|MANAGEMENT|LOGGING)_[A-Z0-9_]+");

    static KnownProperties huiwen;
    static KnownProperties springBoot;
    /** Every YAML document under deploy/, by file. */
    static Map<Path, List<Object>> yaml;

    @BeforeAll
    static void read() throws IOException {
        huiwen = KnownProperties.huiwen();
        springBoot = KnownProperties.springBoot();
        yaml = new TreeMap<>();
        try (Stream<Path> files = Files.walk(DEPLOY)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yml") || f.toString().endsWith(".yaml")).toList()) {
                try (Reader in = Files.newBufferedReader(file)) {
                    List<Object> documents = new ArrayList<>();
                    new Yaml().loadAll(in).forEach(documents::add);
                    yaml.put(file, documents);
                }
            }
        }
    }

    @Test
    void theMatcherKnowsRealSettingsAndRefusesMisspeltOnes() {
        assertThat(huiwen.contains("huiwen.search.opensearch.uris")).isTrue();
        assertThat(huiwen.contains("huiwen.collect.lease.heartbeat")).isTrue();
        assertThat(huiwen.contains("huiwen.collect.enabled")).as("a switch of a properties record").isTrue();
        assertThat(springBoot.size()).as("Spring Boot's metadata was found").isGreaterThan(500);
        for (String good : List.of("HUIWEN_NODE_ID", "HUIWEN_NODEID", "HUIWEN_SEARCH_OPENSEARCH_URIS", "HUIWEN_SEARCH_OPENSEARCH_URIS_0",
                "HUIWEN_COLLECT_ENABLED", "HUIWEN_DEMO_CONTENT", "HUIWEN_IMAGES_CACHE_MAX_BYTES")) {
            assertThat(huiwen.bindsEnvironmentVariable(good)).as(good).isTrue();
        }
        for (String good : List.of("SPRING_DATASOURCE_URL", "SERVER_PORT", "MANAGEMENT_SERVER_PORT", "LOGGING_LEVEL_IO_HUIWEN")) {
            assertThat(springBoot.bindsEnvironmentVariable(good)).as(good).isTrue();
        }
        for (String typo : List.of("HUIWEN_SEARCH_OPENSERCH_URIS", "HUIWEN_NODE", "HUIWEN_SEARCH", "HUIWEN_COLLECT_ENABLE", "HUIWEN_ADMIN_PASSWROD")) {
            assertThat(huiwen.bindsEnvironmentVariable(typo)).as(typo).isFalse();
        }
        for (String typo : List.of("SPRING_DATASOURCE_URLL", "SPRING_DATA_SOURCE_URL", "SERVER_FORWARD_HEADER_STRATEGY")) {
            assertThat(springBoot.bindsEnvironmentVariable(typo)).as(typo).isFalse();
        }
    }

    @Test
    void everySettingInTheDeploymentFilesIsOneTheApplicationReads() throws IOException {
        Set<String> variables = new TreeSet<>();
        yaml.values().forEach(documents -> documents.forEach(d -> collectSettings(d, variables)));
        for (String line : Files.readAllLines(DEPLOY.resolve("Dockerfile"))) {
            if (line.startsWith("ENV ")) {
                variables.add(line.substring(4).split("=", 2)[0].strip());
            }
        }
        variables.removeIf(v -> !SPRING_STYLE.matcher(v).matches());
        assertThat(variables).contains("HUIWEN_NODE_ID", "HUIWEN_SEARCH_OPENSEARCH_URIS", "SPRING_DATASOURCE_URL", "HUIWEN_COLLECT_ENABLED");
        List<String> unknown = variables.stream()
                .filter(v -> !(v.startsWith("HUIWEN_") ? huiwen : springBoot).bindsEnvironmentVariable(v)).toList();
        assertThat(unknown).as("settings no property binds (misspelt?)").isEmpty();
    }

    @Test
    void composeRunsTheDatabaseASearchClusterTwoPortalNodesACollectorAndNginx() {
        Map<String, Map<String, Object>> services = map(map(yaml.get(DEPLOY.resolve("docker-compose.yml")).get(0)).get("services"));
        assertThat(services).containsKeys("postgres", "opensearch1", "opensearch2", "opensearch3", "portal1", "portal2", "collector", "nginx");
        assertThat(services.get("postgres").get("image")).isEqualTo("postgres:16");
        for (String node : List.of("opensearch1", "opensearch2", "opensearch3")) {
            Map<String, Object> env = map(services.get(node).get("environment"));
            assertThat((String) services.get(node).get("image")).as(node).startsWith("opensearchproject/opensearch:2.19");
            assertThat(env.get("discovery.seed_hosts")).as(node).isEqualTo("opensearch1,opensearch2,opensearch3");
            assertThat(env.get("DISABLE_SECURITY_PLUGIN")).as(node).isEqualTo("true");
        }
        for (String node : List.of("portal1", "portal2", "collector")) {
            Map<String, Object> env = map(services.get(node).get("environment"));
            assertThat(services.get(node).get("image")).as(node).isEqualTo(services.get("portal1").get("image"));
            assertThat(env.get("HUIWEN_COLLECT_ENABLED")).as(node).isEqualTo(node.equals("collector") ? "true" : "false");
            assertThat((String) env.get("HUIWEN_SEARCH_OPENSEARCH_URIS")).as(node)
                    .contains("http://opensearch1:9200", "http://opensearch2:9200", "http://opensearch3:9200");
            assertThat((String) env.get("SPRING_DATASOURCE_URL")).as(node).startsWith("jdbc:postgresql://postgres:5432/");
        }
        assertThat(services.get("portal1").get("environment")).isNotEqualTo(services.get("portal2").get("environment"));
    }

    @Test
    void nginxBalancesEveryPortalNodeAndServesStaleCopiesWhenTheyFail() throws IOException {
        String nginx = Files.readString(DEPLOY.resolve("nginx.conf"));
        assertThat(nginx).contains("server portal1:8080", "server portal2:8080", "proxy_cache_use_stale", "proxy_cache_lock on",
                "X-Forwarded-For", "X-Forwarded-Proto");
        assertThat(nginx).doesNotContain("collector:8080");
    }

    @Test
    void healthChecksAskThePathsTheApplicationServes() throws IOException {
        Map<String, Object> app = map(new Yaml().load(Files.readString(Path.of("src/main/resources/application.yml"))));
        Map<String, Object> management = map(app.get("management"));
        assertThat(at(management, "endpoint", "health", "probes", "enabled")).as("liveness and readiness groups").isEqualTo(true);
        assertThat((String) at(management, "endpoints", "web", "exposure", "include")).contains("health");
        Object basePath = at(management, "endpoints", "web", "base-path");
        String health = (basePath == null ? "/actuator" : basePath) + "/health";

        assertThat(Files.readString(DEPLOY.resolve("Dockerfile")))
                .containsPattern("HEALTHCHECK[^\\n]*(\\\\\\n[^\\n]*)*" + Pattern.quote("http://localhost:8080" + health + "/readiness"))
                .contains("COPY target/huiwen.jar");
        List<Object> portal = yaml.get(DEPLOY.resolve("k8s/portal.yaml"));
        Map<String, Object> container = map(((List<?>) at(map(portal.get(0)), "spec", "template", "spec", "containers")).get(0));
        assertThat(at(container, "readinessProbe", "httpGet", "path")).isEqualTo(health + "/readiness");
        assertThat(at(container, "livenessProbe", "httpGet", "path")).isEqualTo(health + "/liveness");
        assertThat(at(map(portal.get(0)), "spec", "replicas")).isEqualTo(2);
    }

    /** Environment variables (compose {@code environment}, Kubernetes {@code env}) and ConfigMap and Secret keys. */
    static void collectSettings(Object node, Set<String> into) {
        if (node instanceof Map<?, ?> m) {
            if ("ConfigMap".equals(m.get("kind")) || "Secret".equals(m.get("kind"))) {
                for (String data : List.of("data", "stringData")) {
                    if (m.get(data) instanceof Map<?, ?> entries) {
                        entries.keySet().forEach(k -> into.add(k.toString()));
                    }
                }
            }
            if (m.get("environment") instanceof Map<?, ?> env) {
                env.keySet().forEach(k -> into.add(k.toString()));
            } else if (m.get("environment") instanceof List<?> env) {
                env.forEach(e -> into.add(e.toString().split("=", 2)[0]));
            }
            if (m.get("env") instanceof List<?> env) {
                env.forEach(e -> into.add(String.valueOf(map(e).get("name"))));
            }
            m.values().forEach(v -> collectSettings(v, into));
        } else if (node instanceof List<?> l) {
            l.forEach(v -> collectSettings(v, into));
        }
    }

    static Object at(Map<String, Object> root, String... path) {
        Object node = root;
        for (String key : path) {
            node = node instanceof Map<?, ?> m ? m.get(key) : null;
        }
        return node;
    }

    @SuppressWarnings("unchecked")
    static <V> Map<String, V> map(Object node) {
        return (Map<String, V>) node;
    }
}
