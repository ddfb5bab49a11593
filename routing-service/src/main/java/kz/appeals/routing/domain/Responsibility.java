package kz.appeals.routing.domain;

import kz.appeals.contracts.AppealEvents.Body;
import kz.appeals.contracts.AppealEvents.BodyLevel;
import kz.appeals.contracts.BodyCode;

import java.util.Optional;

/**
 * The kinds of body a competence rule can name, each a named policy for finding the concrete body from where the
 * problem is. A rule supplies the department (e.g. {@code roads}) and its name; the place supplies the territory.
 */
public enum Responsibility {

    /**
     * The rural-level akim where the problem is: of its rural district (auyl akimi), village or settlement akimat,
     * town of district significance or town administration.
     */
    RURAL_AKIM(true) {
        @Override
        public Optional<Body> body(CompetenceRule rule, Placement place) {
            return Optional.ofNullable(place.ruralDistrict()).map(rd -> new Body(BodyCode.ruralAkim(rd.katoCode),
                    BodyLevel.RURAL_DISTRICT, rd.katoCode, rd.nameKk, rd.nameRu));
        }
    },
    /**
     * A department of the district akimat (or the akimat itself) of the district, city administration of regional
     * significance or city district where the problem is.
     */
    DISTRICT_DEPARTMENT(true) {
        @Override
        public Optional<Body> body(CompetenceRule rule, Placement place) {
            return Optional.ofNullable(place.district()).map(d -> territorial(rule, d, BodyLevel.DISTRICT_AKIMAT));
        }
    },
    /** A department of the akimat (e.g. health care) of the region or city of republican significance. */
    REGION_DEPARTMENT(true) {
        @Override
        public Optional<Body> body(CompetenceRule rule, Placement place) {
            return Optional.ofNullable(place.region()).map(r -> territorial(rule, r, BodyLevel.REGION_AKIMAT));
        }
    },
    /** The utility serving the region (power, gas, water supply). */
    UTILITY(true) {
        @Override
        public Optional<Body> body(CompetenceRule rule, Placement place) {
            return Optional.ofNullable(place.region()).map(r -> territorial(rule, r, BodyLevel.UTILITY));
        }
    },
    /** A national agency, wherever the problem is. */
    NATIONAL_AGENCY(false) {
        @Override
        public Optional<Body> body(CompetenceRule rule, Placement place) {
            return Optional.of(new Body(BodyCode.agency(rule.departmentCode), BodyLevel.NATIONAL_AGENCY, null,
                    rule.nameKk, rule.nameRu));
        }
    },
    /** No public body handles the subject: the applicant is told so (and where such matters go). */
    NO_PUBLIC_BODY(false) {
        @Override
        public Optional<Body> body(CompetenceRule rule, Placement place) {
            return Optional.empty();
        }
    };

    private final boolean needsPlace;

    Responsibility(boolean needsPlace) {
        this.needsPlace = needsPlace;
    }

    /** Whether the body depends on where the problem is; if not, an appeal that could not be placed can still go. */
    public boolean needsPlace() {
        return needsPlace;
    }

    /** The body answering for this rule at this place, if the place is known well enough. */
    public abstract Optional<Body> body(CompetenceRule rule, Placement place);

    private static Body territorial(CompetenceRule rule, TerritorialUnit unit, BodyLevel level) {
        return new Body(BodyCode.territorial(level, rule.departmentCode, unit.katoCode), level, unit.katoCode,
                rule.nameKk + " (" + unit.nameKk + ")", rule.nameRu + " (" + unit.nameRu + ")");
    }
}
