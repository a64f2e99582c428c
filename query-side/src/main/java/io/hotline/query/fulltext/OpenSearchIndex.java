package io.hotline.query.fulltext;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch.generic.Body;
import org.opensearch.client.opensearch.generic.Requests;
import org.opensearch.client.opensearch.generic.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One index on an OpenSearch cluster, kept by an {@link IndexFeed} like this node's {@link LuceneIndex}: created with
 * its settings and mappings when missing, and with how far into the log it is in its mapping's {@code _meta}
 * (layout, position, first event), the place OpenSearch keeps an index's own metadata. OpenSearch makes a write
 * durable when it acknowledges it (its translog), so a commit only has to record the position: every write of the
 * events up to it was acknowledged before the feed's token moved past them.
 * <p>
 * An index written by another layout is cleared when opened (the name should carry the layout, so that nodes of
 * two versions never share one). Searches see writes when the engine refreshes (its {@code refresh_interval});
 * {@link #refreshNow()} asks it at once.
 */
public final class OpenSearchIndex implements FedIndex {

    private static final Logger log = LoggerFactory.getLogger(OpenSearchIndex.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final OpenSearchClient client;
    private final String name;
    private final String definition;
    private final String layout;

    private OpenSearchIndex(OpenSearchClient client, String name, String definition, String layout) {
        this.client = client;
        this.name = name;
        this.definition = definition;
        this.layout = layout;
    }

    /**
     * The index {@code name}, created from {@code definition} (the JSON body of an index creation: settings and
     * mappings) when missing, cleared when another layout wrote it.
     */
    public static OpenSearchIndex open(OpenSearchClient client, String name, String definition, String layout) {
        OpenSearchIndex index = new OpenSearchIndex(client, name, definition, layout);
        if (index.call("HEAD", "/" + name, null).status() == 404) {
            index.create();
        } else {
            String written = index.meta().path(LuceneIndex.LAYOUT).asText(null);
            if (!layout.equals(written)) {
                log.info("Index {} was written by layout {} ({} here): cleared, it is rebuilt from the log", name,
                        written, layout);
                index.clear();
            }
        }
        return index;
    }

    /** The client, for the searches and writes of the index's feature. */
    public OpenSearchClient client() {
        return client;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public OptionalLong committedPosition() {
        JsonNode position = meta().get(LuceneIndex.POSITION);
        return position == null || position.isNull() ? OptionalLong.empty()
                : OptionalLong.of(Long.parseLong(position.asText()));
    }

    @Override
    public Optional<String> committedLog() {
        return Optional.ofNullable(meta().path(LuceneIndex.LOG).asText(null));
    }

    @Override
    public synchronized void commit(OptionalLong position, String logId) {
        ObjectNode meta = JSON.createObjectNode().put(LuceneIndex.LAYOUT, layout);
        position.ifPresent(p -> meta.put(LuceneIndex.POSITION, Long.toString(p)));
        if (logId != null) {
            meta.put(LuceneIndex.LOG, logId);
        }
        ObjectNode body = JSON.createObjectNode();
        body.set("_meta", meta);
        call("PUT", "/" + name + "/_mapping", body.toString()).ok();
    }

    @Override
    public synchronized void clear() {
        Reply deleted = call("DELETE", "/" + name, null);
        if (deleted.status() != 404) {
            deleted.ok();
        }
        create();
    }

    /** Nothing to do: the engine opens new searchers by itself, every {@code refresh_interval}. */
    @Override
    public void refresh() {
        // the engine refreshes on its own schedule
    }

    @Override
    public void refreshNow() {
        call("POST", "/" + name + "/_refresh", null).ok();
    }

    /** How many documents searches see. */
    public long size() {
        try {
            return client.count(count -> count.index(name)).count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            client._transport().close();
        } catch (IOException e) {
            log.warn("Could not close the connection to index {}", name, e);
        }
    }

    private void create() {
        try {
            ObjectNode body = (ObjectNode) JSON.readTree(definition);
            ObjectNode mappings = body.has("mappings") ? (ObjectNode) body.get("mappings") : body.putObject("mappings");
            mappings.putObject("_meta").put(LuceneIndex.LAYOUT, layout);
            call("PUT", "/" + name, body.toString()).ok();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private JsonNode meta() {
        Reply mapping = call("GET", "/" + name + "/_mapping", null).ok();
        try {
            return JSON.readTree(mapping.body()).path(name).path("mappings").path("_meta");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An answer of the cluster: its status and body. */
    private record Reply(String request, int status, String body) {
        Reply ok() {
            if (status >= 300) {
                throw new IllegalStateException(request + " answered " + status + ": " + body);
            }
            return this;
        }
    }

    /** Index administration through the client's generic requests: the JSON of the index's definition as it is. */
    private Reply call(String method, String path, String json) {
        var request = Requests.builder().method(method).endpoint(path);
        if (json != null) {
            request.json(json);
        }
        try (Response response = client.generic().execute(request.build())) {
            return new Reply(method + " " + path, response.getStatus(),
                    response.getBody().map(Body::bodyAsString).orElse(""));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
