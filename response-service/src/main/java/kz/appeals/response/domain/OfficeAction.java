package kz.appeals.response.domain;

/** What an office account can do to an appeal in its inbox. */
public enum OfficeAction {
    ACKNOWLEDGE, ANSWER, REDIRECT
}
