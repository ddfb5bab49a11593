package kz.appeals.intake.open311.domain;

import kz.appeals.contracts.AppealEvents.Language;

/** A text a client shows to people, in the three languages intake serves. */
public record Text(String kk, String ru, String en) {

    public String in(Language language) {
        return switch (language) {
            case kk -> kk;
            case ru -> ru;
            case en -> en;
        };
    }
}
