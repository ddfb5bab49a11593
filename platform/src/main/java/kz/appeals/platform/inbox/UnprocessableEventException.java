package kz.appeals.platform.inbox;

/**
 * A record that can never be processed as it is (broken envelope, unknown type, data violating the contract, or a
 * business precondition that no retry will change). It goes to the dead-letter topic with this message as reason.
 */
public class UnprocessableEventException extends RuntimeException {

    public UnprocessableEventException(String reason) {
        super(reason);
    }

    public UnprocessableEventException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
