package kz.appeals.escalation.domain;

import kz.appeals.contracts.AppealEvents.Body;
import kz.appeals.contracts.AppealEvents.BodyLevel;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * Where an appeal goes when a body's term lapses: one step up the responsibility chain, rural district akim →
 * district akimat → regional akimat → Presidential Administration, where the ladder ends. A utility answers to the
 * regional akimat and a national agency to the Presidential Administration (our choice: the bodies residents write
 * to next). Each level takes the matter up with its own term, in working days, from configuration.
 */
public class EscalationLadder {

    /** Same scheme as routing's "rural-akim:<kato>", so a body code names its level and territory. */
    static final String DISTRICT_AKIMAT_CODE_PREFIX = "district-akimat:";
    static final String REGION_AKIMAT_CODE_PREFIX = "region-akimat:";
    static final String PRESIDENTIAL_ADMINISTRATION_CODE = "presidential-administration";

    /** The next body and the working days it has to answer. */
    public record Rung(Body body, int termWorkingDays) {
    }

    private final Map<BodyLevel, Integer> termWorkingDays;

    /** @param termWorkingDays the term of each level an appeal can be escalated to */
    public EscalationLadder(Map<BodyLevel, Integer> termWorkingDays) {
        for (BodyLevel level : new BodyLevel[]{BodyLevel.DISTRICT_AKIMAT, BodyLevel.REGION_AKIMAT,
                BodyLevel.PRESIDENTIAL_ADMINISTRATION}) {
            Integer days = termWorkingDays.get(level);
            if (days == null || days < 1) {
                throw new IllegalArgumentException("The escalation term of " + level + " must be at least one "
                        + "working day: " + days);
            }
        }
        this.termWorkingDays = new EnumMap<>(termWorkingDays);
    }

    public Optional<Rung> nextRung(Deadline lapsed) {
        return lapsed.currentBody().flatMap(from -> higherBody(lapsed, from))
                .map(body -> new Rung(body, termWorkingDays.get(body.level())));
    }

    private static Optional<Body> higherBody(Deadline lapsed, AnsweringBody from) {
        return switch (from.level()) {
            case RURAL_DISTRICT -> districtKato(lapsed, from).map(EscalationLadder::districtAkimat);
            case DISTRICT_AKIMAT, UTILITY -> regionKato(lapsed, from).map(EscalationLadder::regionAkimat);
            case REGION_AKIMAT, NATIONAL_AGENCY -> Optional.of(presidentialAdministration());
            case PRESIDENTIAL_ADMINISTRATION -> Optional.empty();
        };
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

    /** The region routing named; failing that, the region part (AB 00 00 000) of the body's own or the district's code. */
    private static Optional<String> regionKato(Deadline lapsed, AnsweringBody body) {
        if (isKato(lapsed.regionKato())) {
            return Optional.of(lapsed.regionKato());
        }
        for (String code : new String[]{body.katoCode(), lapsed.districtKato()}) {
            if (isKato(code)) {
                return Optional.of(code.substring(0, 2) + "0000000");
            }
        }
        return Optional.empty();
    }

    /**
     * Escalation holds no territorial reference data, so an akimat is named by its KATO code; a reader wanting the
     * proper name looks the code up in the classifier.
     */
    private static Body districtAkimat(String kato) {
        return new Body(DISTRICT_AKIMAT_CODE_PREFIX + kato, BodyLevel.DISTRICT_AKIMAT, kato,
                "Аудан әкімдігі (КАТО " + kato + ")", "Акимат района (КАТО " + kato + ")");
    }

    private static Body regionAkimat(String kato) {
        return new Body(REGION_AKIMAT_CODE_PREFIX + kato, BodyLevel.REGION_AKIMAT, kato,
                "Облыс әкімдігі (КАТО " + kato + ")", "Акимат области (КАТО " + kato + ")");
    }

    private static Body presidentialAdministration() {
        return new Body(PRESIDENTIAL_ADMINISTRATION_CODE, BodyLevel.PRESIDENTIAL_ADMINISTRATION, null,
                "Қазақстан Республикасы Президентінің Әкімшілігі", "Администрация Президента Республики Казахстан");
    }

    private static boolean isKato(String code) {
        return code != null && code.matches("\\d{9}");
    }
}
