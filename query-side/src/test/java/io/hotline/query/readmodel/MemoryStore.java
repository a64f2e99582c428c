package io.hotline.query.readmodel;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.bson.BsonValue;
import org.bson.Document;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A store for projections' tests: mongo-java-server in memory behind the real reactive driver and Spring's
 * template, counting the commands the driver sends, by name and collection ({@code update/call_backs}).
 */
public final class MemoryStore implements AutoCloseable {

    private final MongoServer server = new MongoServer(new MemoryBackend());
    private final MongoClient client;
    private final ReactiveMongoTemplate template;
    private final Map<String, AtomicInteger> commands = new ConcurrentHashMap<>();

    public MemoryStore() {
        InetSocketAddress address = server.bind();
        client = MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString("mongodb://" + address.getHostString() + ":" + address.getPort()))
                .addCommandListener(new CommandListener() {
                    @Override
                    public void commandStarted(CommandStartedEvent event) {
                        BsonValue target = event.getCommand().get(event.getCommandName());
                        String key = event.getCommandName()
                                + (target != null && target.isString() ? "/" + target.asString().getValue() : "");
                        commands.computeIfAbsent(key, name -> new AtomicInteger()).incrementAndGet();
                    }
                })
                .build());
        template = new ReactiveMongoTemplate(client, "test");
    }

    public ReactiveMongoTemplate template() {
        return template;
    }

    /** How many commands of this name were sent to this collection ({@code "update", "call_backs"}). */
    public int commands(String name, String collection) {
        AtomicInteger count = commands.get(name + "/" + collection);
        return count == null ? 0 : count.get();
    }

    /** The document with this {@code _id}, or null. */
    public Document find(String collection, String id) {
        return template.findOne(Query.query(Criteria.where("_id").is(id)), Document.class, collection).block();
    }

    /** Every document of a collection. */
    public List<Document> all(String collection) {
        return template.findAll(Document.class, collection).collectList().block();
    }

    @Override
    public void close() {
        client.close();
        server.shutdownNow();
    }
}
