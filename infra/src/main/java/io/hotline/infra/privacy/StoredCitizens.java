package io.hotline.infra.privacy;

import org.bson.Document;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Finds citizens in the stored event log by what is stored in the clear beside their sealed data, the key id
 * ({@code citizen.kid} in a stored payload): which cases hold a citizen sealed under a key, and which key a case's
 * citizen is sealed under. Reads only; the log is never changed.
 * <p>
 * On a real MongoDB a sparse index on that path makes the first a lookup; the embedded store scans the log, which
 * an erasure (rare, and an administrator's act) can afford.
 */
public class StoredCitizens {

    static final String KEY_PATH = "citizen." + PersonalDataModule.KEY_ID;
    private static final String INDEX = "citizen_key";

    private final StoredPayloads payloads;

    public StoredCitizens(StoredPayloads payloads) {
        this.payloads = payloads;
    }

    /** Creates the index an erasure looks events up by; for a real MongoDB. */
    public void ensureIndex() {
        payloads.index(KEY_PATH, INDEX);
    }

    /** How a case's citizen is stored: the key ids it is sealed under, and whether it is stored in plain form. */
    public record CaseCitizen(Set<String> keyIds, boolean plain) {
    }

    /** The citizen of a case as its registration stored it; empty when the log holds no such case. */
    public Optional<CaseCitizen> ofCase(String caseId) {
        Optional<List<Document>> registration = payloads.ofFirstCommit(caseId);
        if (registration.isEmpty()) {
            return Optional.empty();
        }
        Set<String> keyIds = new LinkedHashSet<>();
        boolean plain = false;
        for (Document payload : registration.get()) {
            if (payload.get("citizen") instanceof Document citizen) {
                if (citizen.getString(PersonalDataModule.KEY_ID) != null) {
                    keyIds.add(citizen.getString(PersonalDataModule.KEY_ID));
                } else if (citizen.get("phone") != null || citizen.get("idNumber") != null) {
                    plain = true;
                }
            }
        }
        return Optional.of(new CaseCitizen(keyIds, plain));
    }

    /** Every case with a citizen sealed under this key, in no particular order. */
    public List<String> casesSealedUnder(String keyId) {
        return payloads.casesWhere(KEY_PATH, keyId);
    }
}
