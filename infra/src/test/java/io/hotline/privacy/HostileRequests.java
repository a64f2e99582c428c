package io.hotline.privacy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.springframework.http.HttpMethod;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Generates malformed and hostile requests against the command and query endpoints from a seeded
 * {@link Random}: wrong types, missing fields, strings too long for their field or for the server, unknown enum
 * values, MongoDB operators in strings and as keys, broken JSON, wrong content types, hostile path ids and
 * query values. Every request it makes is wrong in at least one way, so none of them may change anything.
 */
final class HostileRequests {

    /** One request: what to send, and what was done to it (for the failure report). */
    record Hostile(HttpMethod method, String path, String contentType, byte[] body, String what) {

        String describe() {
            String shown = body == null ? "" : new String(body, StandardCharsets.UTF_8);
            return method + " " + abbreviate(path, 160) + " [" + contentType + "] " + what + " " + abbreviate(shown, 200);
        }
    }

    /** A string field's rule: at most {@code max} characters, and whether a pattern limits what it may hold. */
    private record Text(String name, int max, boolean patterned) {
    }

    /** A command endpoint: its action (null for registering), a valid body, its fields' rules. */
    private record Endpoint(String action, String validBody, List<Text> texts, List<String> required,
                            List<String> enums, List<String> numbers, List<String> booleans) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int SERVER_LIMIT = 64 * 1024;

    private static final List<Endpoint> COMMANDS = List.of(
            new Endpoint(null, """
                    {"requestId":"fz-req-1","channel":"HOTLINE","category":"COMPLAINT","urgency":"NORMAL","title":"路灯",
                     "content":"路灯坏了","citizen":{"name":"测试","phone":"13722223333","idNumber":"11010119900307123X"},
                     "area":"370602"}""",
                    List.of(new Text("requestId", 64, true), new Text("title", 200, false),
                            new Text("content", 5000, false), new Text("area", 6, true),
                            new Text("citizen.name", 50, false), new Text("citizen.phone", 20, true),
                            new Text("citizen.idNumber", 18, true)),
                    List.of("requestId", "channel", "category", "title", "content", "citizen", "area",
                            "citizen.name", "citizen.phone"),
                    List.of("channel", "category", "urgency"), List.of(), List.of()),
            new Endpoint("redirect", "{\"jurisdiction\":\"COURT\",\"explanation\":\"请向法院起诉\"}",
                    List.of(new Text("explanation", 2000, false)), List.of("jurisdiction", "explanation"),
                    List.of("jurisdiction"), List.of(), List.of()),
            new Endpoint("merge", "{\"intoCaseId\":\"some-case\"}", List.of(new Text("intoCaseId", 64, true)),
                    List.of("intoCaseId"), List.of(), List.of(), List.of()),
            new Endpoint("resolve-at-intake", "{\"answer\":\"已答复\"}", List.of(new Text("answer", 5000, false)),
                    List.of("answer"), List.of(), List.of(), List.of()),
            new Endpoint("dispatch", "{\"leadUnit\":\"WATER\",\"assistingUnits\":[\"PARKS\"]}",
                    List.of(new Text("leadUnit", 32, true), new Text("assistingUnits[0]", 32, true)),
                    List.of("leadUnit"), List.of(), List.of(), List.of()),
            new Endpoint("objections", "{\"reason\":\"不属于本单位\"}", List.of(new Text("reason", 2000, false)),
                    List.of("reason"), List.of(), List.of(), List.of()),
            new Endpoint("redispatch", "{\"leadUnit\":\"WATER\",\"assistingUnits\":[],\"reason\":\"改派\"}",
                    List.of(new Text("leadUnit", 32, true), new Text("reason", 2000, false)),
                    List.of("leadUnit", "reason"), List.of(), List.of(), List.of()),
            new Endpoint("lead-designation", "{\"leadUnit\":\"WATER\",\"reason\":\"牵头\"}",
                    List.of(new Text("leadUnit", 32, true), new Text("reason", 2000, false)),
                    List.of("leadUnit", "reason"), List.of(), List.of(), List.of()),
            new Endpoint("transfer", "{\"toUnit\":\"WATER\",\"reason\":\"转办\"}",
                    List.of(new Text("toUnit", 32, true), new Text("reason", 2000, false)),
                    List.of("toUnit", "reason"), List.of(), List.of(), List.of()),
            new Endpoint("progress", "{\"note\":\"处理中\"}", List.of(new Text("note", 5000, false)),
                    List.of("note"), List.of(), List.of(), List.of()),
            new Endpoint("material-requests", "{\"items\":[\"照片\"]}", List.of(new Text("items[0]", 500, false)),
                    List.of("items"), List.of(), List.of(), List.of()),
            new Endpoint("extensions", "{\"extraWorkingDays\":3,\"reason\":\"施工\"}",
                    List.of(new Text("reason", 2000, false)), List.of("extraWorkingDays", "reason"), List.of(),
                    List.of("extraWorkingDays"), List.of()),
            new Endpoint("extensions/rejection", "{\"reason\":\"理由不足\"}", List.of(new Text("reason", 2000, false)),
                    List.of("reason"), List.of(), List.of(), List.of()),
            new Endpoint("reply", "{\"result\":\"SOLVED\",\"text\":\"已修复\"}", List.of(new Text("text", 5000, false)),
                    List.of("result", "text"), List.of("result"), List.of(), List.of()),
            new Endpoint("feedback", "{\"channel\":\"SMS\",\"satisfaction\":\"SATISFIED\",\"solved\":true,\"comment\":\"好\"}",
                    List.of(new Text("comment", 2000, false)), List.of("channel", "satisfaction", "solved"),
                    List.of("channel", "satisfaction"), List.of(), List.of("solved")),
            new Endpoint("reopen", "{\"reason\":\"仍未解决\"}", List.of(new Text("reason", 2000, false)),
                    List.of("reason"), List.of(), List.of(), List.of()),
            new Endpoint("withdraw", "{\"reason\":\"撤回\"}", List.of(new Text("reason", 2000, false)),
                    List.of("reason"), List.of(), List.of(), List.of()),
            new Endpoint("personal-data/reveal", "{\"reason\":\"回访\"}", List.of(new Text("reason", 2000, false)),
                    List.of("reason"), List.of(), List.of(), List.of()),
            new Endpoint("supervision", "{\"note\":\"督办\"}", List.of(new Text("note", 2000, false)), List.of(),
                    List.of(), List.of(), List.of()),
            new Endpoint("urging", "{\"note\":\"催办\"}", List.of(new Text("note", 2000, false)), List.of(),
                    List.of(), List.of(), List.of()));

    /** Endpoints that read no body: only their path or method can be wrong. */
    private static final List<String> BODILESS = List.of("sign", "close", "extensions/approval");

    private static final List<String> HOSTILE_IDS = List.of("../../admin/accounts", "..", ".", "$where", "$gt",
            "{\"$gt\":\"\"}", "a$b", "case id", "%00", "中文编号", "x".repeat(65), "y".repeat(2000), "~event:x",
            "a;b", "'\"><script>", "../", "a/../b", "$ne");
    private static final List<String> OPERATOR_STRINGS = List.of("{\"$gt\":\"\"}", "$where", "$ne",
            "'; db.dropDatabase(); '", "../../etc/passwd", "a$b", "sleep(1000)", "{$where: 'sleep(1000)'}",
            "/.*/", "\u0000");
    private static final List<JsonNode> OPERATOR_OBJECTS = List.of(
            node("{\"$gt\":\"\"}"), node("{\"$where\":\"sleep(1000)\"}"), node("{\"$ne\":null}"),
            node("{\"$regex\":\".*\"}"), node("{\"$in\":[\"a\",\"b\"]}"));
    private static final List<JsonNode> WRONG_TYPES = List.of(node("123"), node("true"), node("[]"), node("{}"),
            node("1.5"), node("[\"a\"]"), node("-1"), node("99999999999999999999999"));
    private static final List<String> LISTS = List.of("items", "assistingUnits");
    private static final List<JsonNode> WRONG_FOR_LISTS = List.of(node("123"), node("true"), node("{}"),
            node("\"a\""), node("1.5"), node("[[\"a\"]]"), node("[{\"$gt\":\"\"}]"));
    private static final List<JsonNode> BAD_ENUMS = List.of(node("\"FAX\""), node("0"), node("\"0\""), node("\"1\""),
            node("\"hotline\""), node("\"\""), node("\" HOTLINE\""), node("\"$gt\""), node("\"COMPLAINT,SOLVED\""));
    private static final List<String> WRONG_CONTENT_TYPES = List.of("text/plain", "application/xml",
            "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/javascript",
            "image/png", "");
    private static final List<String> SEARCH_PARAMS = List.of("status", "unit", "category", "channel", "area",
            "urgency", "overdue", "from", "to", "q", "phone", "number", "page", "size");

    private final Random random;
    private final String knownCase;

    HostileRequests(long seed, String knownCase) {
        this.random = new Random(seed);
        this.knownCase = knownCase;
    }

    Hostile next() {
        return switch (random.nextInt(10)) {
            case 0, 1, 2, 3, 4 -> commandWithBadBody();
            case 5 -> commandWithBadContentType();
            case 6 -> commandOnHostileId();
            case 7 -> commandWithWrongMethod();
            case 8 -> caseReadOnHostileInput();
            default -> searchOrInboxWithHostileInput();
        };
    }

    // ------------------------------------------------------------------ commands

    private String commandPath(Endpoint endpoint, String caseId) {
        return endpoint.action() == null ? "/api/v1/cases" : "/api/v1/cases/" + caseId + "/" + endpoint.action();
    }

    private String someCase() {
        return random.nextInt(4) == 0 ? "fz-no-such-case-" + random.nextInt(1000) : knownCase;
    }

    private Hostile commandWithBadBody() {
        Endpoint endpoint = pick(COMMANDS);
        String path = commandPath(endpoint, someCase());
        if (random.nextInt(5) == 0) {
            return post(path, "application/json", brokenJson(endpoint.validBody()), "broken JSON");
        }
        ObjectNode body = (ObjectNode) node(endpoint.validBody());
        String what = mutate(endpoint, body);
        if (what == null) {
            return post(path, "application/json", brokenJson(endpoint.validBody()), "broken JSON");
        }
        return post(path, "application/json", bytes(body.toString()), what);
    }

    /** Breaks the body in one of many ways; null when the endpoint has nothing of the chosen kind. */
    private String mutate(Endpoint endpoint, ObjectNode body) {
        switch (random.nextInt(8)) {
            case 0: {
                if (endpoint.required().isEmpty()) {
                    return unknownKey(body);
                }
                String field = pick(endpoint.required());
                if (random.nextBoolean()) {
                    remove(body, field);
                    return "missing " + field;
                }
                set(body, field, JSON.nullNode());
                return "null " + field;
            }
            case 1: {
                List<String> fields = allFields(endpoint);
                String field = pick(fields);
                // a list takes no list here (["a"] is a fine list of items); anything else is wrong everywhere
                JsonNode wrong = LISTS.contains(field) ? pick(WRONG_FOR_LISTS) : pick(WRONG_TYPES);
                set(body, field, wrong);
                return "wrong type " + field + "=" + wrong;
            }
            case 2: {
                if (endpoint.texts().isEmpty()) {
                    return null;
                }
                Text text = pick(endpoint.texts());
                boolean forTheServer = random.nextInt(4) == 0;
                int length = forTheServer ? SERVER_LIMIT + 1 + random.nextInt(SERVER_LIMIT)
                        : text.max() + 1 + random.nextInt(3000);
                set(body, text.name(), JSON.getNodeFactory().textNode(longText(length)));
                return (forTheServer ? "huge for the server " : "too long ") + text.name() + " (" + length + ")";
            }
            case 3: {
                if (endpoint.enums().isEmpty()) {
                    return unknownKey(body);
                }
                String field = pick(endpoint.enums());
                JsonNode bad = pick(BAD_ENUMS);
                set(body, field, bad);
                return "unknown enum " + field + "=" + bad;
            }
            case 4: {
                List<Text> patterned = endpoint.texts().stream().filter(Text::patterned).toList();
                if (patterned.isEmpty()) {
                    return operatorObject(endpoint, body);
                }
                Text text = pick(patterned);
                String hostile = pick(OPERATOR_STRINGS);
                set(body, text.name(), JSON.getNodeFactory().textNode(hostile));
                return "operator string in " + text.name();
            }
            case 5:
                return operatorObject(endpoint, body);
            case 6:
                return unknownKey(body);
            default: {
                if (endpoint.booleans().isEmpty() && endpoint.numbers().isEmpty()) {
                    return operatorObject(endpoint, body);
                }
                List<String> scalars = new ArrayList<>(endpoint.booleans());
                scalars.addAll(endpoint.numbers());
                String field = pick(scalars);
                JsonNode coerced = endpoint.booleans().contains(field)
                        ? pick(List.of(node("\"true\""), node("1"), node("\"yes\""), node("0")))
                        : pick(List.of(node("\"3\""), node("3.5"), node("0"), node("61"), node("true"), node("1e2")));
                set(body, field, coerced);
                return "coerced scalar " + field + "=" + coerced;
            }
        }
    }

    private String operatorObject(Endpoint endpoint, ObjectNode body) {
        String field = pick(allFields(endpoint));
        JsonNode hostile = pick(OPERATOR_OBJECTS);
        set(body, field, hostile);
        return "operator object in " + field;
    }

    private String unknownKey(ObjectNode body) {
        String key = pick(List.of("$where", "$gt", "$set", "__proto__", "constructor", "citizen.phone", "id", "_id",
                "version", "actor"));
        if (random.nextBoolean() && body.has("citizen") && body.get("citizen").isObject()) {
            ((ObjectNode) body.get("citizen")).set(key, node("{\"$ne\":1}"));
            return "unknown key citizen." + key;
        }
        body.set(key, random.nextBoolean() ? node("\"1 == 1\"") : node("{\"$gt\":\"\"}"));
        return "unknown key " + key;
    }

    private byte[] brokenJson(String valid) {
        String compact = node(valid).toString();
        return switch (random.nextInt(11)) {
            case 0 -> bytes(compact.substring(0, 1 + random.nextInt(compact.length() - 2)));
            case 1 -> bytes(compact + "}}");
            case 2 -> bytes(compact.replaceFirst(":", "="));
            case 3 -> new byte[]{(byte) 0xFF, (byte) 0xFE, '{', '}'};
            case 4 -> new byte[0];
            case 5 -> bytes("null");
            case 6 -> bytes("[" + compact + "]");
            case 7 -> bytes("\"" + compact.replace("\"", "'") + "\"");
            case 8 -> bytes("[".repeat(3000) + "]".repeat(3000));
            case 9 -> bytes(compact.replaceFirst("\\{", "{\"title\":\"a\",\"title\":\"b\",\"note\":\"a\",\"note\":\"b\","
                    + "\"reason\":\"a\",\"reason\":\"b\","));
            default -> bytes(compact + " {\"$where\":\"1\"}");
        };
    }

    private Hostile commandWithBadContentType() {
        Endpoint endpoint = pick(COMMANDS);
        String type = pick(WRONG_CONTENT_TYPES);
        return new Hostile(HttpMethod.POST, commandPath(endpoint, someCase()), type.isEmpty() ? null : type,
                bytes(node(endpoint.validBody()).toString()), "content type '" + type + "'");
    }

    private Hostile commandOnHostileId() {
        String id = pick(HOSTILE_IDS);
        boolean bodiless = random.nextInt(4) == 0;
        String action = bodiless ? pick(BODILESS) : pick(COMMANDS.subList(1, COMMANDS.size())).action();
        String body = bodiless ? null : COMMANDS.stream().filter(e -> action.equals(e.action())).findFirst()
                .orElseThrow().validBody();
        return new Hostile(HttpMethod.POST, "/api/v1/cases/" + encodePath(id) + "/" + action,
                body == null ? null : "application/json", body == null ? null : bytes(node(body).toString()),
                "hostile id " + abbreviate(id, 40));
    }

    private Hostile commandWithWrongMethod() {
        String action = random.nextBoolean() ? pick(BODILESS) : pick(COMMANDS.subList(1, COMMANDS.size())).action();
        HttpMethod method = pick(List.of(HttpMethod.GET, HttpMethod.PUT, HttpMethod.DELETE, HttpMethod.PATCH));
        String path = random.nextInt(5) == 0 ? "/api/v1/cases" : "/api/v1/cases/" + knownCase + "/" + action;
        if (path.equals("/api/v1/cases") && method == HttpMethod.GET) {
            method = HttpMethod.DELETE;
        }
        return new Hostile(method, path, method == HttpMethod.GET || method == HttpMethod.DELETE ? null
                : "application/json", method == HttpMethod.GET || method == HttpMethod.DELETE ? null : bytes("{}"),
                "wrong method");
    }

    // ------------------------------------------------------------------ queries

    private Hostile caseReadOnHostileInput() {
        if (random.nextBoolean()) {
            return get("/api/v1/cases/" + encodePath(pick(HOSTILE_IDS)), "hostile id on read");
        }
        String version = pick(List.of("abc", "1e3", "-", "99999999999999999999", "$gt", "{\"$gt\":0}", "1.5",
                "true"));
        return get("/api/v1/cases/" + knownCase + "?atLeastVersion=" + encodeQuery(version),
                "hostile atLeastVersion " + version);
    }

    private Hostile searchOrInboxWithHostileInput() {
        if (random.nextInt(5) == 0) {
            String unit = pick(List.of("$gt", "{\"$gt\":\"\"}", "a b", "x".repeat(200), "../x", "$where"));
            return get("/api/v1/inbox?unit=" + encodeQuery(unit), "hostile inbox unit");
        }
        String param = pick(SEARCH_PARAMS);
        String value = switch (param) {
            case "q" -> pick(List.of(".*", "a.*b", "$where", "{\"$gt\":\"\"}")) + longText(101 + random.nextInt(300));
            case "phone" -> pick(List.of("$gt", "{\"$gt\":\"\"}", "no digits", "(.*)"));
            case "page" -> pick(List.of("-1", "abc", "99999999999", "1.5", "$gt"));
            case "size" -> pick(List.of("0", "1000", "x", "-5", "$gt"));
            case "overdue" -> pick(List.of("maybe", "1", "$gt", "yes"));
            case "from", "to" -> pick(List.of("yesterday", "2026-13-45", "$gt", "{\"$gt\":\"\"}", "2026-11-20T99:00:00Z"));
            case "area" -> pick(List.of("$gt", "37.*", "^3706", "{\"$gt\":\"\"}", "3706021"));
            default -> pick(List.of("$gt", "{\"$ne\":null}", "$where", "a b", "../x", "x".repeat(300), "REGISTERED,$gt"));
        };
        String query = param + "=" + encodeQuery(value);
        String operatorKey = pick(List.of("status[$ne]=x", "$where=1", "area[$gt]=", "filter=%7B%22%24gt%22%3A%22%22%7D"));
        switch (random.nextInt(6)) {
            case 0 -> query = operatorKey + "&" + query;
            case 1 -> query = operatorKey;
            default -> {
            }
        }
        return get("/api/v1/cases?" + query, "hostile search " + param);
    }

    // ------------------------------------------------------------------ helpers

    private Hostile post(String path, String contentType, byte[] body, String what) {
        return new Hostile(HttpMethod.POST, path, contentType, body, what);
    }

    private static Hostile get(String path, String what) {
        return new Hostile(HttpMethod.GET, path, null, null, what);
    }

    private List<String> allFields(Endpoint endpoint) {
        List<String> fields = new ArrayList<>(endpoint.required());
        endpoint.texts().stream().map(Text::name).filter(name -> !fields.contains(name)).forEach(fields::add);
        endpoint.enums().stream().filter(name -> !fields.contains(name)).forEach(fields::add);
        if (fields.isEmpty()) {
            fields.add("note");
        }
        return fields;
    }

    /** Sets a dotted field ({@code citizen.phone}, {@code items[0]}), creating what is missing on the way. */
    private static void set(ObjectNode body, String field, JsonNode value) {
        String[] parts = field.split("\\.");
        ObjectNode parent = body;
        for (int i = 0; i < parts.length - 1; i++) {
            JsonNode child = parent.get(parts[i]);
            if (!(child instanceof ObjectNode)) {
                child = parent.putObject(parts[i]);
            }
            parent = (ObjectNode) child;
        }
        String last = parts[parts.length - 1];
        if (last.endsWith("[0]")) {
            String name = last.substring(0, last.length() - 3);
            ArrayNode array = parent.putArray(name);
            array.add(value);
        } else {
            parent.set(last, value);
        }
    }

    private static void remove(ObjectNode body, String field) {
        String[] parts = field.split("\\.");
        JsonNode parent = body;
        for (int i = 0; i < parts.length - 1 && parent != null; i++) {
            parent = parent.get(parts[i]);
        }
        if (parent instanceof ObjectNode object) {
            object.remove(parts[parts.length - 1]);
        }
    }

    private String longText(int length) {
        String alphabet = "路灯坏了abcXYZ 0123456789$.*{}\"\\";
        StringBuilder text = new StringBuilder(length);
        while (text.length() < length) {
            text.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return text.toString();
    }

    private <T> T pick(List<T> options) {
        return options.get(random.nextInt(options.size()));
    }

    private static JsonNode node(String json) {
        try {
            return JSON.readTree(json);
        } catch (Exception e) {
            throw new IllegalArgumentException(json, e);
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String encodePath(String segment) {
        return java.net.URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20")
                .replace("%2E", ".");
    }

    private static String encodeQuery(String value) {
        return java.net.URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String abbreviate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max) + "…(" + text.length() + ")";
    }
}
