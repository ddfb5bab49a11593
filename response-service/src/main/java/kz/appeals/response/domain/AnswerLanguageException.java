package kz.appeals.response.domain;

import kz.appeals.contracts.AppealEvents.Language;

/** The answer is in a language the applicant is not entitled to be answered in. */
public class AnswerLanguageException extends RuntimeException {

    public AnswerLanguageException(Language answer, Language appeal) {
        super("An appeal written in '" + appeal + "' is answered in "
                + (appeal == Language.kk ? "'kk'" : "'kk' or '" + appeal + "'") + ", not '" + answer + "'");
    }
}
