package io.hotline.infra.privacy;

import javax.crypto.SecretKey;

/**
 * One citizen's data key. {@code version} changes when a key is made again under the same id (the citizen
 * called again after an erasure), so data sealed under the destroyed key never open with the new one.
 */
record CitizenKey(String id, String version, SecretKey key) {

    @Override
    public String toString() {
        return "CitizenKey[" + id + " v" + version + "]";
    }
}
