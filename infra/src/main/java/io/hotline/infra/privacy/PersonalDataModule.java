package io.hotline.infra.privacy;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.hotline.kernel.common.Citizen;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.crypto.AEADBadTagException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * Crypto-shredding at the serialisation layer: registered on the storage mapper, it writes every
 * {@link Citizen}, wherever one appears in an event (or snapshot) payload, as a sealed envelope
 * <pre>{"kid": key id, "kv": key version, "iv": nonce, "ct": AES-GCM of the name, phone and ID number}</pre>
 * under that citizen's key ({@link CitizenKeys}), and reads it back.
 * <p>
 * Why here: the event log is append-only and hash-chained over its stored bytes, so personal data can never be
 * removed from it; destroying the key instead leaves the stored bytes (and the chain) untouched while making the
 * person unreadable. Once the key is gone the envelope reads as {@link Citizen#erased()}, so every event still
 * replays, every case still loads and the figures stay as they were.
 * <p>
 * Citizens stored in plain form before this module existed ({@code {"name": ..., "phone": ...}}) still read as
 * they are. The key id and version are stored in the clear: they say nothing about the person without the
 * master secret, and let an erasure find the events sealed under a key.
 */
public final class PersonalDataModule extends SimpleModule {

    /** Field names of the sealed form; {@code citizen.kid} is what an erasure looks events up by. */
    static final String KEY_ID = "kid";
    static final String KEY_VERSION = "kv";
    static final String NONCE = "iv";
    static final String SEALED = "ct";

    private static final Logger log = LoggerFactory.getLogger(PersonalDataModule.class);

    public PersonalDataModule(CitizenKeys keys) {
        super("hotline-personal-data");
        addSerializer(Citizen.class, new SealingSerializer(keys));
        addDeserializer(Citizen.class, new OpeningDeserializer(keys));
    }

    private static byte[] associated(String keyId, String version) {
        return ("citizen|" + keyId + "|" + version).getBytes(StandardCharsets.UTF_8);
    }

    /**
     * The sealed fields as a small binary record (a format byte, then per field a presence flag and its
     * modified UTF-8): no one reads it but this class, and it is several times cheaper than a JSON object.
     * Format 1 holds name, phone and ID number; format 2 adds the email (reporting apps send one). A citizen
     * without an email is still written as format 1, so the bytes of phone registrations stay as they were, and
     * both formats are read forever.
     */
    static final class SealedFields {

        private static final int FORMAT = 1;
        private static final int FORMAT_WITH_EMAIL = 2;

        private SealedFields() {
        }

        static byte[] of(Citizen citizen) throws IOException {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(64);
            try (DataOutputStream out = new DataOutputStream(bytes)) {
                out.writeByte(citizen.email() == null ? FORMAT : FORMAT_WITH_EMAIL);
                write(out, citizen.name());
                write(out, citizen.phone());
                write(out, citizen.idNumber());
                if (citizen.email() != null) {
                    write(out, citizen.email());
                }
            }
            return bytes.toByteArray();
        }

        static Citizen citizen(byte[] sealed) throws IOException {
            try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(sealed))) {
                int format = in.readUnsignedByte();
                if (format != FORMAT && format != FORMAT_WITH_EMAIL) {
                    throw new IOException("unknown sealed citizen format " + format);
                }
                String name = read(in);
                String phone = read(in);
                String idNumber = read(in);
                return new Citizen(name, phone, idNumber, format == FORMAT_WITH_EMAIL ? read(in) : null);
            }
        }

        private static void write(DataOutputStream out, String value) throws IOException {
            out.writeBoolean(value != null);
            if (value != null) {
                out.writeUTF(value);
            }
        }

        private static String read(DataInputStream in) throws IOException {
            return in.readBoolean() ? in.readUTF() : null;
        }
    }

    private static final class SealingSerializer extends JsonSerializer<Citizen> {

        private final CitizenKeys keys;

        SealingSerializer(CitizenKeys keys) {
            this.keys = keys;
        }

        @Override
        public void serialize(Citizen citizen, JsonGenerator json, SerializerProvider provider) throws IOException {
            if (citizen.wasErased()) {
                // Nothing left to protect; a sealed placeholder would need a key made for no one.
                json.writeStartObject();
                json.writeStringField("name", citizen.name());
                json.writeEndObject();
                return;
            }
            CitizenKey key = keys.keyFor(citizen);
            byte[] nonce = Aead.nonce();
            byte[] sealed = Aead.seal(key.key(), nonce, associated(key.id(), key.version()), SealedFields.of(citizen));
            Base64.Encoder base64 = Base64.getEncoder();
            json.writeStartObject();
            json.writeStringField(KEY_ID, key.id());
            json.writeStringField(KEY_VERSION, key.version());
            json.writeStringField(NONCE, base64.encodeToString(nonce));
            json.writeStringField(SEALED, base64.encodeToString(sealed));
            json.writeEndObject();
        }
    }

    private static final class OpeningDeserializer extends JsonDeserializer<Citizen> {

        private final CitizenKeys keys;

        OpeningDeserializer(CitizenKeys keys) {
            this.keys = keys;
        }

        @Override
        public Citizen deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            JsonNode node = parser.readValueAsTree();
            if (node == null || node.isNull()) {
                return null;
            }
            if (!node.has(SEALED)) {
                // Stored in plain form, before sealing existed (or an erased placeholder).
                return new Citizen(text(node, "name"), text(node, "phone"), text(node, "idNumber"), text(node, "email"));
            }
            String keyId = text(node, KEY_ID);
            String version = text(node, KEY_VERSION);
            Optional<CitizenKey> key = keys.key(keyId);
            if (key.isEmpty() || !key.get().version().equals(version)) {
                return Citizen.erased();
            }
            Base64.Decoder base64 = Base64.getDecoder();
            try {
                byte[] plain = Aead.open(key.get().key(), base64.decode(text(node, NONCE)),
                        associated(keyId, version), base64.decode(text(node, SEALED)));
                return SealedFields.citizen(plain);
            } catch (AEADBadTagException | IllegalArgumentException e) {
                // The stored bytes were altered: the hash chain names the event; the case itself must still load.
                log.error("A citizen sealed under key {} does not open: its stored event was altered; reading it "
                        + "as erased", keyId);
                return Citizen.erased();
            }
        }

        @Override
        public Citizen getNullValue(DeserializationContext context) {
            return null;
        }

        private static String text(JsonNode node, String field) {
            JsonNode value = node.get(field);
            return value == null || value.isNull() ? null : value.asText();
        }
    }
}
