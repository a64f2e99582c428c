package io.hotline.command.privacy;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What an erasure needs from where the platform keeps the citizens' personal data: the log stores each citizen
 * sealed under a key of their own, beside the key's id in the clear, and destroying that key erases them. The
 * erasure process declares this port; the platform implements it with its key store and its event log.
 */
public interface SealedPersonalData {

    /** The key id a phone number's owner has (or would have); empty for a text without digits. */
    Optional<String> keyOfPhone(String phone);

    /** The citizen of a case as its registration stored it; empty when the log holds no such case. */
    Optional<CaseCitizen> citizenOfCase(String caseId);

    /** Every case with a citizen sealed under this key, in no particular order. */
    List<String> casesSealedUnder(String keyId);

    /** Whether a key is stored under this id now. */
    boolean keyExists(String keyId);

    /** Destroys the key: everything sealed under it reads as erased from now on. True when there was one. */
    boolean shred(String keyId);

    /**
     * How a case's citizen is stored: the key ids it is sealed under, and whether it is stored in plain form
     * (registered before personal data were sealed).
     */
    record CaseCitizen(Set<String> keyIds, boolean plain) {
    }
}
