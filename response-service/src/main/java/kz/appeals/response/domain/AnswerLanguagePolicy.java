package kz.appeals.response.domain;

import kz.appeals.contracts.AppealEvents.Language;

/**
 * The applicant is answered in the state language (Kazakh) or in the language of the appeal. Source: Law No. 221
 * "On the procedure for considering appeals", Art. 10 (repealed by the APPK; the APPK's equivalent is not
 * confirmed — see DOMAIN.md). Kept as one rule so that a lawyer can change it in one place.
 */
public final class AnswerLanguagePolicy {

    public static boolean allows(Language answer, Language appeal) {
        return answer == Language.kk || answer == appeal;
    }

    private AnswerLanguagePolicy() {
    }
}
