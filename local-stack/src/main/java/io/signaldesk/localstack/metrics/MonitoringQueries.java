package io.signaldesk.localstack.metrics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The PromQL the operations files run: every panel target of {@code deploy/grafana/dashboards/*.json}
 * (rows' nested panels included), the metric of every {@code label_values(metric, label)} variable,
 * and every rule of {@code deploy/prometheus/*.yaml} (a PrometheusRule's {@code spec.groups} or a
 * plain rules file's {@code groups}; a unit-test file with {@code rule_files} is skipped).
 */
public final class MonitoringQueries {
    private MonitoringQueries() {}

    /** One expression and where it was found, for failure messages. */
    public record Query(String source, String expr) {}

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Pattern LABEL_VALUES = Pattern.compile("label_values\\(\\s*([A-Za-z_:][\\w:]*)\\s*[,)]");

    public static List<Path> dashboards(Path projectRoot) {
        return list(projectRoot.resolve("deploy/grafana/dashboards"), ".json");
    }

    public static List<Path> ruleFiles(Path projectRoot) {
        List<Path> files = new ArrayList<>(list(projectRoot.resolve("deploy/prometheus"), ".yaml"));
        files.addAll(list(projectRoot.resolve("deploy/prometheus"), ".yml"));
        return files;
    }

    public static JsonNode readJson(Path file) {
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot parse " + file, e);
        }
    }

    /** Every panel of a dashboard, the panels inside (collapsed) rows included. */
    public static List<JsonNode> panels(JsonNode dashboard) {
        List<JsonNode> out = new ArrayList<>();
        collect(dashboard.path("panels"), out);
        return out;
    }

    private static void collect(JsonNode panels, List<JsonNode> out) {
        for (JsonNode p : panels) {
            out.add(p);
            collect(p.path("panels"), out);
        }
    }

    /** The panel targets' expressions of one dashboard, with Grafana's variables still in them. */
    public static List<Query> dashboardQueries(Path file) {
        JsonNode d = readJson(file);
        List<Query> out = new ArrayList<>();
        for (JsonNode p : panels(d)) {
            for (JsonNode t : p.path("targets")) {
                if (t.hasNonNull("expr")) {
                    out.add(new Query(
                            file.getFileName() + " / " + p.path("title").asText() + " / "
                                    + t.path("refId").asText(),
                            t.get("expr").asText()));
                }
            }
        }
        return out;
    }

    /** The metrics the dashboard's {@code label_values(metric, label)} variables read. */
    public static Set<String> variableMetrics(Path file) {
        Set<String> out = new TreeSet<>();
        for (JsonNode v : readJson(file).path("templating").path("list")) {
            JsonNode q = v.path("query");
            String text = q.isTextual() ? q.asText() : q.path("query").asText("");
            Matcher m = LABEL_VALUES.matcher(text);
            while (m.find()) {
                out.add(m.group(1));
            }
        }
        return out;
    }

    /** The rules' expressions of one rules file or PrometheusRule (several YAML documents allowed). */
    public static List<Query> ruleQueries(Path file) {
        List<Query> out = new ArrayList<>();
        for (JsonNode doc : yamlDocuments(file)) {
            JsonNode groups = doc.has("spec") ? doc.path("spec").path("groups") : doc.path("groups");
            for (JsonNode g : groups) {
                for (JsonNode r : g.path("rules")) {
                    String name = r.has("alert")
                            ? r.path("alert").asText()
                            : r.path("record").asText();
                    out.add(new Query(
                            file.getFileName() + " / " + name, r.path("expr").asText()));
                }
            }
        }
        return out;
    }

    /** The series the rules files record: names a dashboard or another rule may read. */
    public static Set<String> recordedNames(List<Path> ruleFiles) {
        Set<String> out = new TreeSet<>();
        for (Path f : ruleFiles) {
            for (JsonNode doc : yamlDocuments(f)) {
                JsonNode groups = doc.has("spec") ? doc.path("spec").path("groups") : doc.path("groups");
                for (JsonNode g : groups) {
                    for (JsonNode r : g.path("rules")) {
                        if (r.hasNonNull("record")) {
                            out.add(r.get("record").asText());
                        }
                    }
                }
            }
        }
        return out;
    }

    private static List<JsonNode> yamlDocuments(Path file) {
        try (var parser = YAML.getFactory().createParser(file.toFile())) {
            List<JsonNode> docs = new ArrayList<>();
            var it = YAML.readValues(parser, JsonNode.class);
            while (it.hasNext()) {
                JsonNode doc = it.next();
                if (doc != null && !doc.has("rule_files")) {
                    docs.add(doc);
                }
            }
            return docs;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot parse " + file, e);
        }
    }

    private static List<Path> list(Path dir, String suffix) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(suffix))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
