package io.hotline.command.privacy;

import io.hotline.kernel.common.Actor;
import org.bson.Document;

import java.time.Instant;
import java.util.Date;
import java.util.List;

/**
 * The record of one erasure (document of {@code citizen_erasures}): who asked, when, which key was destroyed
 * and which cases recorded it. Never the personal data, nor the phone number asked by: the key id stands for
 * the person and means nothing without the master secret.
 *
 * @param requestedBy the administrator's user name ({@code standingInFor} when acting for a colleague)
 * @param by          {@code PHONE} or {@code CASE}: what the request named
 * @param caseId      the case named, when erased by case
 * @param reference   the legal request's reference (e.g. the ticket of the data-protection officer), if given
 * @param unfinished  cases that could not record the erasure yet; posting the erasure again finishes them
 */
public record Erasure(String erasureId, String keyId, String by, String caseId, String reference,
                      String requestedBy, String requestedByUnit, String standingInFor, Instant at,
                      List<String> cases, List<String> unfinished) {

    static final String COLLECTION = "citizen_erasures";

    static Erasure begun(String erasureId, String keyId, String by, String caseId, String reference, Actor actor,
                         Instant at) {
        return new Erasure(erasureId, keyId, by, caseId, reference, actor.userId(), actor.unitId(),
                actor.standingInFor(), at, List.of(), List.of());
    }

    Erasure finished(List<String> cases, List<String> unfinished) {
        return new Erasure(erasureId, keyId, by, caseId, reference, requestedBy, requestedByUnit, standingInFor, at,
                List.copyOf(cases), List.copyOf(unfinished));
    }

    Document toDocument() {
        return new Document("_id", erasureId).append("keyId", keyId).append("by", by).append("caseId", caseId)
                .append("reference", reference).append("requestedBy", requestedBy)
                .append("requestedByUnit", requestedByUnit).append("standingInFor", standingInFor)
                .append("at", Date.from(at)).append("cases", cases).append("unfinished", unfinished);
    }

    static Erasure of(Document document) {
        return new Erasure(document.getString("_id"), document.getString("keyId"), document.getString("by"),
                document.getString("caseId"), document.getString("reference"), document.getString("requestedBy"),
                document.getString("requestedByUnit"), document.getString("standingInFor"),
                document.getDate("at").toInstant(), document.getList("cases", String.class, List.of()),
                document.getList("unfinished", String.class, List.of()));
    }

    public boolean complete() {
        return unfinished.isEmpty();
    }
}
