package kz.appeals.escalation.domain;

import kz.appeals.contracts.AppealEvents.Body;
import kz.appeals.contracts.AppealEvents.BodyLevel;
import kz.appeals.contracts.BodyCode;

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
            case RURAL_DISTRICT -> districtKato(lapsed, from).map(kato -> akimat(lapsed, BodyLevel.DISTRICT_AKIMAT,
                    kato));
            case DISTRICT_AKIMAT, UTILITY -> regionKato(lapsed, from).map(kato -> akimat(lapsed,
                    BodyLevel.REGION_AKIMAT, kato));
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
     * The akimat as routing's territorial reference names it (routing's events carry it, with the code an appeal
     * routed there gets). Only for an event from before routing sent it is the akimat named by its KATO code; a
     * reader wanting the proper name then looks the code up in the classifier.
     */
    private static Body akimat(Deadline lapsed, BodyLevel level, String kato) {
        return lapsed.akimat(level).filter(named -> kato.equals(named.katoCode())).orElseGet(() -> {
            boolean district = level == BodyLevel.DISTRICT_AKIMAT;
            return new Body(BodyCode.akimat(level, kato), level, kato,
                    (district ? "Аудан әкімдігі" : "Облыс әкімдігі") + " (КАТО " + kato + ")",
                    (district ? "Акимат района" : "Акимат области") + " (КАТО " + kato + ")");
        });
    }

    private static Body presidentialAdministration() {
        return new Body(BodyCode.PRESIDENTIAL_ADMINISTRATION, BodyLevel.PRESIDENTIAL_ADMINISTRATION, null,
                "Қазақстан Республикасы Президентінің Әкімшілігі", "Администрация Президента Республики Казахстан");
    }

    private static boolean isKato(String code) {
        return code != null && code.matches("\\d{9}");
    }
}
