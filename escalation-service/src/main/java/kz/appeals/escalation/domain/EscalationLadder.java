package kz.appeals.escalation.domain;

import kz.appeals.contracts.AppealEvents.Body;
import kz.appeals.contracts.AppealEvents.BodyLevel;

import java.util.Optional;

/**
 * Where an appeal goes when a body's term lapses: one step up the responsibility chain (rural district akim,
 * district akimat, regional akimat, Presidential Administration). This version knows the first step, from a rural
 * district akim to the akimat of its district; a lapse at any other level is reported as a deemed refusal only.
 */
public class EscalationLadder {

    /** Same scheme as routing's "rural-akim:<kato>", so a body code names its level and territory. */
    static final String DISTRICT_AKIMAT_CODE_PREFIX = "district-akimat:";

    public Optional<Body> nextRung(Deadline lapsed) {
        return lapsed.body().flatMap(from -> {
            if (from.level() == BodyLevel.RURAL_DISTRICT) {
                return districtKato(lapsed, from).map(EscalationLadder::districtAkimat);
            }
            return Optional.empty();
        });
    }

    /**
     * The district routing placed the appeal in; failing that, the district part of the rural district's own KATO
     * code (AB CD EF HHH -> AB CD 00 000), since the classifier nests every rural district in one district.
     */
    private static Optional<String> districtKato(Deadline lapsed, AnsweringBody ruralAkim) {
        if (isKato(lapsed.districtKato())) {
            return Optional.of(lapsed.districtKato());
        }
        String own = ruralAkim.katoCode();
        return isKato(own) ? Optional.of(own.substring(0, 4) + "00000") : Optional.empty();
    }

    /**
     * Escalation holds no territorial reference data, so the akimat is named by its KATO code; a reader wanting
     * the district's proper name looks the code up in the classifier.
     */
    private static Body districtAkimat(String districtKato) {
        return new Body(DISTRICT_AKIMAT_CODE_PREFIX + districtKato, BodyLevel.DISTRICT_AKIMAT, districtKato,
                "Аудан әкімдігі (КАТО " + districtKato + ")", "Акимат района (КАТО " + districtKato + ")");
    }

    private static boolean isKato(String code) {
        return code != null && code.matches("\\d{9}");
    }
}
