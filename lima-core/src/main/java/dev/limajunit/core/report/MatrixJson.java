package dev.limajunit.core.report;

import dev.limajunit.core.config.MountType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The matrix's JSON form, written and read. Cells carry their observations (the data) plus the outcome, reason and
 * latency percentiles derived from them (for people and {@code jq}); the reader takes only the observations and derives
 * the rest again, so a hand-edited summary cannot disagree with its data.
 */
public final class MatrixJson {

    public static final String FORMAT = "lima-junit mount matrix";
    public static final int FORMAT_VERSION = 1;

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    private MatrixJson() {
    }

    public static void write(MountMatrix matrix, Path file) {
        try {
            Files.writeString(file, toJson(matrix));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    public static String toJson(MountMatrix matrix) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("format", FORMAT);
        root.put("formatVersion", FORMAT_VERSION);
        ArrayNode runs = root.putArray("runs");
        matrix.runs().forEach(run -> runs.add(runNode(run)));
        ArrayNode columns = root.putArray("columns");
        matrix.columns().forEach(c -> columns.add(c.yamlName()));
        ArrayNode rows = root.putArray("rows");
        for (Behaviour b : matrix.rows()) {
            ObjectNode row = rows.addObject();
            row.put("id", b.id());
            row.put("title", b.title());
            ObjectNode cells = row.putObject("cells");
            for (MountType column : matrix.columns()) {
                matrix.cell(b.id(), column).ifPresent(cell -> cells.set(column.yamlName(), cellNode(cell)));
            }
        }
        if (!matrix.speed().isEmpty()) {
            ArrayNode performance = root.putArray("performance");
            for (SpeedFigure f : matrix.speed()) {
                performance.addObject().put("workload", f.workload()).put("description", f.description())
                        .put("mountType", f.mountType().yamlName()).put("variant", f.variant())
                        .put("unit", f.unit().symbol()).put("mount", f.mount()).put("native", f.nativeValue())
                        .put("timesNative", Math.round(f.timesNative() * 100) / 100.0).put("run", f.run());
            }
        }
        return MAPPER.writeValueAsString(root) + "\n";
    }

    private static ObjectNode runNode(RunInfo run) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("id", run.id());
        n.put("date", run.date().toString());
        ObjectNode host = n.putObject("host");
        host.put("os", run.host().os());
        host.put("arch", run.host().arch());
        host.put("kernel", run.host().kernel());
        run.engines().forEach(n.putArray("engines")::add);
        run.guestKernels().forEach(n.putArray("guestKernels")::add);
        run.virtiofsd().forEach(n.putArray("virtiofsd")::add);
        n.put("java", run.java());
        n.put("junit", run.junit());
        n.put("mountTypes", run.mountTypes());
        n.put("source", run.source());
        return n;
    }

    private static ObjectNode cellNode(Cell cell) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("outcome", cell.outcome().jsonName());
        n.put("reason", cell.reason().orElse(null));
        n.put("mixed", cell.mixed());
        Latencies latencies = cell.latencies();
        if (!latencies.isEmpty()) {
            ObjectNode l = n.putObject("latencyMs");
            l.put("count", latencies.count());
            l.put("p50", latencies.p50().getAsLong());
            l.put("p95", latencies.p95().getAsLong());
        }
        cell.provenances().forEach(n.putArray("provenance")::add);
        cell.tests().forEach(n.putArray("tests")::add);
        cell.runs().forEach(n.putArray("runs")::add);
        ArrayNode observations = n.putArray("observations");
        for (Observation o : cell.observations()) {
            ObjectNode on = observations.addObject();
            on.put("outcome", o.outcome().jsonName());
            on.put("reason", o.reason());
            on.put("test", o.test());
            on.put("run", o.run());
            on.put("provenance", o.provenance());
            ArrayNode ms = on.putArray("measurements");
            o.measurements().forEach(m -> ms.addObject().put("what", m.what()).put("ms", m.millis()));
        }
        return n;
    }

    /** @throws MatrixFormatException naming the file and the place in it that is wrong */
    public static MountMatrix read(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (CharacterCodingException e) {
            throw new MatrixFormatException(file + ": not UTF-8 text, so no mount matrix (" + e.getMessage() + ")", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read mount matrix " + file, e);
        }
        return parse(text, file.toString());
    }

    /** @param source names the text in error messages, e.g. its file name */
    public static MountMatrix parse(String json, String source) {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JacksonException e) {
            throw new MatrixFormatException(source + ": not JSON: " + e.getOriginalMessage(), e);
        }
        Reader r = new Reader(source);
        if (root == null || !root.isObject() || !FORMAT.equals(root.path("format").asString(null))) {
            throw new MatrixFormatException(source + ": not a mount matrix (expected \"format\": \"" + FORMAT + "\")");
        }
        int version = root.path("formatVersion").asInt(-1);
        if (version != FORMAT_VERSION) {
            throw new MatrixFormatException(source + ": formatVersion " + root.path("formatVersion")
                    + " is not supported, this reader knows " + FORMAT_VERSION);
        }
        MountMatrix.Builder builder = MountMatrix.builder();
        for (JsonNode run : r.array(root, "runs", "")) {
            builder.run(r.run(run));
        }
        for (JsonNode column : r.array(root, "columns", "")) {
            builder.column(r.mountType(column.asString(), "columns"));
        }
        List<JsonNode> rows = r.array(root, "rows", "");
        for (int i = 0; i < rows.size(); i++) {
            r.row(rows.get(i), "rows[" + i + "]", builder);
        }
        // Optional: matrices written before the performance section have none.
        List<JsonNode> figures = r.array(root, "performance", "");
        for (int i = 0; i < figures.size(); i++) {
            builder.figure(r.figure(figures.get(i), "performance[" + i + "]"));
        }
        try {
            return builder.build();
        } catch (IllegalArgumentException e) {
            throw new MatrixFormatException(source + ": " + e.getMessage(), e);
        }
    }

    /** Reads one document, prefixing every error with the source and the path inside it. */
    private record Reader(String source) {

        RunInfo run(JsonNode n) {
            String where = "runs[" + text(n, "id", "runs") + "]";
            JsonNode host = n.path("host");
            Instant date;
            try {
                date = Instant.parse(text(n, "date", where));
            } catch (DateTimeParseException e) {
                throw fail(where + ".date", "\"" + n.path("date").asString() + "\" is not an ISO-8601 instant");
            }
            return new RunInfo(text(n, "id", where), date,
                    new HostInfo(optText(host, "os"), optText(host, "arch"), optText(host, "kernel")),
                    strings(n, "engines"), strings(n, "guestKernels"), strings(n, "virtiofsd"),
                    optText(n, "java"), optText(n, "junit"), optText(n, "mountTypes"), optText(n, "source"));
        }

        void row(JsonNode n, String where, MountMatrix.Builder builder) {
            Behaviour behaviour;
            try {
                behaviour = new Behaviour(text(n, "id", where), optText(n, "title"));
            } catch (IllegalArgumentException e) {
                throw fail(where, e.getMessage());
            }
            builder.row(behaviour);
            JsonNode cells = n.path("cells");
            for (Map.Entry<String, JsonNode> cell : cells.properties()) {
                String cellWhere = where + ".cells." + cell.getKey();
                MountType column = mountType(cell.getKey(), cellWhere);
                List<JsonNode> observations = array(cell.getValue(), "observations", cellWhere);
                if (observations.isEmpty()) {
                    throw fail(cellWhere, "a cell needs at least one observation");
                }
                for (int i = 0; i < observations.size(); i++) {
                    builder.add(behaviour, column, observation(observations.get(i),
                            cellWhere + ".observations[" + i + "]"));
                }
            }
        }

        Observation observation(JsonNode n, String where) {
            Outcome outcome;
            try {
                outcome = Outcome.fromJson(text(n, "outcome", where));
            } catch (IllegalArgumentException e) {
                throw fail(where, e.getMessage());
            }
            List<Measurement> measurements = new ArrayList<>();
            for (JsonNode m : n.path("measurements")) {
                if (!m.path("ms").isIntegralNumber()) {
                    throw fail(where + ".measurements", "\"ms\" must be a whole number of milliseconds, was "
                            + m.path("ms"));
                }
                try {
                    measurements.add(new Measurement(m.path("what").asString(""), m.path("ms").asLong()));
                } catch (IllegalArgumentException e) {
                    throw fail(where + ".measurements", e.getMessage());
                }
            }
            return new Observation(outcome, optText(n, "reason"), measurements, text(n, "test", where),
                    text(n, "run", where), optText(n, "provenance"));
        }

        SpeedFigure figure(JsonNode n, String where) {
            for (String number : List.of("mount", "native")) {
                if (!n.path(number).isNumber()) {
                    throw fail(where + "." + number, "must be a number, was " + n.path(number));
                }
            }
            try {
                return new SpeedFigure(text(n, "workload", where), Objects.requireNonNullElse(optText(n, "description"),
                        ""), mountType(text(n, "mountType", where), where + ".mountType"),
                        Objects.requireNonNullElse(optText(n, "variant"), "default"),
                        SpeedUnit.fromSymbol(text(n, "unit", where)), n.path("mount").asDouble(),
                        n.path("native").asDouble(), text(n, "run", where));
            } catch (IllegalArgumentException e) {
                throw fail(where, e.getMessage());
            }
        }

        MountType mountType(String name, String where) {
            try {
                return MountType.fromYaml(name);
            } catch (IllegalArgumentException e) {
                throw fail(where, "mount type " + e.getMessage());
            }
        }

        List<JsonNode> array(JsonNode n, String field, String where) {
            JsonNode a = n.path(field);
            if (a.isMissingNode() || a.isNull()) {
                return List.of();
            }
            if (!a.isArray()) {
                throw fail(where.isEmpty() ? field : where + "." + field, "must be an array");
            }
            List<JsonNode> list = new ArrayList<>();
            a.forEach(list::add);
            return list;
        }

        String text(JsonNode n, String field, String where) {
            String value = optText(n, field);
            if (value == null) {
                throw fail(where, "missing \"" + field + "\"");
            }
            return value;
        }

        static String optText(JsonNode n, String field) {
            JsonNode v = n.path(field);
            return v.isMissingNode() || v.isNull() ? null : v.asString();
        }

        static List<String> strings(JsonNode n, String field) {
            List<String> list = new ArrayList<>();
            n.path(field).forEach(v -> list.add(v.asString()));
            return list;
        }

        MatrixFormatException fail(String where, String what) {
            return new MatrixFormatException(source + ": " + where + ": " + what);
        }
    }
}
