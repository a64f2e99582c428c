package io.hotline.infra.security.accounts;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Instant;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * The {@code accounts} collection. Every single-account read and write goes by {@code _id} (the user name), the
 * only index the embedded store needs; only the admin's list scans.
 */
class Accounts {

    static final String COLLECTION = "accounts";

    private final ReactiveMongoTemplate mongo;

    Accounts(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    Mono<Account> find(String username) {
        return mongo.findById(username, Account.class);
    }

    Mono<Boolean> anyExists() {
        return mongo.exists(new Query(), Account.class);
    }

    /** Inserts a new account; errors with {@link AccountExists} when the user name is taken. */
    Mono<Account> create(Account account) {
        return mongo.insert(account)
                .onErrorMap(DuplicateKeyException.class, e -> new AccountExists(account.username()));
    }

    Flux<Account> all() {
        return mongo.find(new Query().with(Sort.by("_id")), Account.class);
    }

    /** True when the account exists (and now has the new hash). */
    Mono<Boolean> changePassword(String username, String passwordHash, String by, Instant at) {
        return change(username, new Update().set("passwordHash", passwordHash), by, at);
    }

    /** True when the account exists (and is now enabled or disabled as asked). */
    Mono<Boolean> setEnabled(String username, boolean enabled, String by, Instant at) {
        return change(username, new Update().set("enabled", enabled), by, at);
    }

    private Mono<Boolean> change(String username, Update update, String by, Instant at) {
        return mongo.updateFirst(Query.query(where("_id").is(username)),
                        update.set("changedAt", at).set("changedBy", by), Account.class)
                .map(result -> result.getMatchedCount() > 0);
    }

    /** The user name is taken. */
    static final class AccountExists extends RuntimeException {
        AccountExists(String username) {
            super("an account named " + username + " already exists");
        }
    }
}
