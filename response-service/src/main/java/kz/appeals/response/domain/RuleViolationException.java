package kz.appeals.response.domain;

/**
 * The action is allowed in the appeal's status, but a rule of the law or of the platform refuses it for this input
 * (an extension past the cap, a reopening too late). {@code field} names the input the rule judged.
 */
public class RuleViolationException extends RuntimeException {

    private final String field;
    private final String code;

    public RuleViolationException(String field, String code, String message) {
        super(message);
        this.field = field;
        this.code = code;
    }

    public String field() {
        return field;
    }

    public String code() {
        return code;
    }
}
