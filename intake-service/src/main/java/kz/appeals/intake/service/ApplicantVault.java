package kz.appeals.intake.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import kz.appeals.intake.domain.Applicant;

import java.util.UUID;

/** Turns an applicant into the sealed bytes stored with their appeal, and back. */
@ApplicationScoped
public class ApplicantVault {

    private final PersonalDataCipher cipher;
    private final ObjectMapper json;

    public ApplicantVault(PersonalDataCipher cipher, ObjectMapper json) {
        this.cipher = cipher;
        this.json = json;
    }

    public byte[] seal(Applicant applicant, UUID appealId) {
        try {
            return cipher.seal(json.writeValueAsString(applicant), appealId);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot serialise the applicant", e);
        }
    }

    public Applicant open(byte[] sealed, UUID appealId) {
        try {
            return json.readValue(cipher.open(sealed, appealId), Applicant.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Sealed applicant of appeal " + appealId + " is not readable", e);
        }
    }
}
