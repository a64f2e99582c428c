package io.hotline.infra.eventstore;

import org.bson.Document;

import java.util.List;

/**
 * Where commit documents are finally written, after {@link CommitLog} has given them their positions. It is an
 * interface of its own so that tests can put a decorator between taking a position and storing there (a writer
 * that stalls, as a long pause or a saturated link makes one), without any switch for it in production.
 */
public interface CommitWrites {

    /** Stores one commit at the position its {@code _id} names; fails on a duplicate key if it is taken. */
    void insertOne(Document commit);

    /** Stores consecutive commits in one ordered write; stops at the first refused one. */
    void insertMany(List<Document> commits);

}
