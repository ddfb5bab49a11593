package kz.appeals.response.domain;

import kz.appeals.contracts.AppealEvents.Language;
import kz.appeals.contracts.AppealEvents.Outcome;

/**
 * A text a clerk can start an answer from: for one category ({@link #ANY_CATEGORY} for every category), one language
 * and one outcome. Square brackets mark what the clerk must fill in.
 */
public record AnswerTemplate(String id, String categoryCode, Language language, Outcome outcome, String text) {

    public static final String ANY_CATEGORY = "*";

    public AnswerTemplate {
        if (text == null || text.isBlank() || text.length() > AnswerText.MAX_LENGTH) {
            throw new IllegalArgumentException("Template " + id + " has no text or one longer than an answer may be");
        }
    }

    public boolean appliesTo(String category) {
        return ANY_CATEGORY.equals(categoryCode) || categoryCode.equals(category);
    }
}
