package kz.appeals.intake.service;

import jakarta.enterprise.context.ApplicationScoped;
import kz.appeals.intake.config.IntakeConfig;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Seals personal data with AES-256-GCM before it is stored. A sealed value names its key (so keys rotate by adding a
 * new current key) and is bound to its appeal's id as associated data, so a sealed value copied onto another row
 * does not open.
 */
@ApplicationScoped
public class PersonalDataCipher {

    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final int KEY_BYTES = 32;

    /**
     * One cipher object per thread, re-initialised for every value with its fresh nonce: the submission path seals
     * twice per appeal and need not look the transformation up among the security providers each time. The keys are
     * built once, here in the constructor.
     */
    private static final ThreadLocal<Cipher> CIPHERS = ThreadLocal.withInitial(() -> {
        try {
            return Cipher.getInstance("AES/GCM/NoPadding");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    });

    private final SecureRandom random = new SecureRandom();
    private final Map<String, SecretKey> keys;
    private final String currentKey;

    public PersonalDataCipher(IntakeConfig config) {
        IntakeConfig.PersonalData settings = config.personalData();
        Map<String, SecretKey> all = new HashMap<>();
        settings.retiredKeys().orElse(List.of()).forEach(entry -> {
            int colon = entry.indexOf(':');
            if (colon < 1) {
                throw new IllegalStateException("appeals.personal-data.retired-keys entries are id:base64");
            }
            all.put(entry.substring(0, colon), key(entry.substring(0, colon), entry.substring(colon + 1)));
        });
        this.currentKey = settings.currentKeyId();
        all.put(currentKey, key(currentKey, settings.currentKey()));
        this.keys = Map.copyOf(all);
    }

    /** Layout: key-name length (1 byte), key name, nonce, ciphertext with tag. */
    public byte[] seal(String plaintext, UUID appealId) {
        byte[] name = currentKey.getBytes(StandardCharsets.US_ASCII);
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        byte[] sealed = crypt(Cipher.ENCRYPT_MODE, keys.get(currentKey), nonce, appealId,
                plaintext.getBytes(StandardCharsets.UTF_8));
        return ByteBuffer.allocate(1 + name.length + NONCE_BYTES + sealed.length)
                .put((byte) name.length).put(name).put(nonce).put(sealed).array();
    }

    public String open(byte[] sealedValue, UUID appealId) {
        ByteBuffer buffer = ByteBuffer.wrap(sealedValue);
        byte[] name = new byte[buffer.get()];
        buffer.get(name);
        SecretKey key = keys.get(new String(name, StandardCharsets.US_ASCII));
        if (key == null) {
            throw new IllegalStateException("Sealed with key '" + new String(name, StandardCharsets.US_ASCII)
                    + "', which is no longer configured");
        }
        byte[] nonce = new byte[NONCE_BYTES];
        buffer.get(nonce);
        byte[] sealed = new byte[buffer.remaining()];
        buffer.get(sealed);
        return new String(crypt(Cipher.DECRYPT_MODE, key, nonce, appealId, sealed), StandardCharsets.UTF_8);
    }

    private static byte[] crypt(int mode, SecretKey key, byte[] nonce, UUID appealId, byte[] input) {
        try {
            Cipher cipher = CIPHERS.get();
            cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(appealId.toString().getBytes(StandardCharsets.US_ASCII));
            return cipher.doFinal(input);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Personal data cannot be " + (mode == Cipher.ENCRYPT_MODE ? "sealed" : "opened"), e);
        }
    }

    private static SecretKey key(String name, String base64) {
        byte[] bytes = Base64.getDecoder().decode(base64.trim());
        if (bytes.length != KEY_BYTES) {
            throw new IllegalStateException("Personal-data key '" + name + "' must be 32 bytes (Base64), not " + bytes.length);
        }
        return new SecretKeySpec(bytes, "AES");
    }
}
