package kz.appeals.response.domain;

/** Limits of an answer's text: long enough for a reasoned refusal, short enough to be read and sent as a message. */
public final class AnswerText {

    public static final int MAX_LENGTH = 10_000;

    private AnswerText() {
    }
}
