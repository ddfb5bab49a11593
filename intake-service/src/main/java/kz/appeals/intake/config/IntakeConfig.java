package kz.appeals.intake.config;

import io.smallrye.config.ConfigMapping;

import java.util.List;
import java.util.Optional;

@ConfigMapping(prefix = "appeals")
public interface IntakeConfig {

    /** Secret of the keyed hash that turns an IIN into the pseudonymous applicant reference on public topics. */
    String pseudonymKey();

    PersonalData personalData();

    /**
     * Keys that seal the applicant's personal data at rest (AES-256-GCM, 32 bytes in Base64). A sealed value names
     * its key, so a rotation adds a new current key and keeps the old one under retired keys until nothing sealed
     * with it is left.
     */
    interface PersonalData {

        /** Name stored with every value sealed by {@link #currentKey()}, e.g. {@code 2026-11}. */
        String currentKeyId();

        String currentKey();

        /** Older keys that still open what they sealed, as {@code id:base64} entries. */
        Optional<List<String>> retiredKeys();
    }
}
