package io.hotline.infra.privacy;

import io.hotline.command.privacy.SealedPersonalData;

import java.util.List;
import java.util.Optional;

/**
 * The erasure process's view of crypto-shredding: the citizen keys ({@link CitizenKeys}) and the cases sealed
 * under them in the log ({@link StoredCitizens}).
 */
class CryptoShredding implements SealedPersonalData {

    private final CitizenKeys keys;
    private final StoredCitizens stored;

    CryptoShredding(CitizenKeys keys, StoredCitizens stored) {
        this.keys = keys;
        this.stored = stored;
    }

    @Override
    public Optional<String> keyOfPhone(String phone) {
        return keys.keyIdForPhone(phone);
    }

    @Override
    public Optional<CaseCitizen> citizenOfCase(String caseId) {
        return stored.ofCase(caseId).map(citizen -> new CaseCitizen(citizen.keyIds(), citizen.plain()));
    }

    @Override
    public List<String> casesSealedUnder(String keyId) {
        return stored.casesSealedUnder(keyId);
    }

    @Override
    public boolean keyExists(String keyId) {
        return keys.exists(keyId);
    }

    @Override
    public boolean shred(String keyId) {
        return keys.destroy(keyId);
    }
}
