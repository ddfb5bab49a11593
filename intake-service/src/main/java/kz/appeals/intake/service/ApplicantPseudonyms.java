package kz.appeals.intake.service;

import jakarta.enterprise.context.ApplicationScoped;
import kz.appeals.intake.config.IntakeConfig;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

/**
 * HMAC-SHA256 of the IIN under a secret key: the same person always gets the same reference (so analytics can
 * count repeated appeals), but the reference cannot be turned back into an IIN without the key.
 */
@ApplicationScoped
public class ApplicantPseudonyms {

    private final SecretKeySpec key;

    public ApplicantPseudonyms(IntakeConfig config) {
        this.key = new SecretKeySpec(config.pseudonymKey().getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    public String referenceFor(String iin) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal(iin.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
