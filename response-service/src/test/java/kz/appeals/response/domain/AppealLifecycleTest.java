package kz.appeals.response.domain;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.EnumSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class AppealLifecycleTest {

    @ParameterizedTest(name = "{0} --{1}--> {2}")
    @CsvSource({
            "ROUTED, ACKNOWLEDGE, IN_WORK",
            "ROUTED, ANSWER, ANSWERED",
            "ROUTED, REDIRECT, REDIRECT_REQUESTED",
            "IN_WORK, ANSWER, ANSWERED",
            "IN_WORK, REDIRECT, REDIRECT_REQUESTED",
            "ROUTED, EXTEND, ROUTED",
            "IN_WORK, EXTEND, IN_WORK",
            "ANSWERED, RATE, ANSWERED",
            "ANSWERED, REOPEN, ROUTED",
            "ROUTED, TAKE_OVER, IN_WORK",
            "IN_WORK, TAKE_OVER, IN_WORK"})
    void allowedMoves(AppealStatus from, AppealAction action, AppealStatus to) {
        assertEquals(to, AppealLifecycle.next(from, action));
    }

    @ParameterizedTest(name = "{0} refuses {1}")
    @CsvSource({
            "IN_WORK, ACKNOWLEDGE",
            "ANSWERED, ACKNOWLEDGE",
            "ANSWERED, ANSWER",
            "ANSWERED, REDIRECT",
            "ANSWERED, EXTEND",
            "ROUTED, RATE",
            "IN_WORK, REOPEN",
            "REDIRECT_REQUESTED, EXTEND",
            "ANSWERED, TAKE_OVER",
            "REDIRECT_REQUESTED, ACKNOWLEDGE",
            "REDIRECT_REQUESTED, ANSWER",
            "REDIRECT_REQUESTED, REDIRECT"})
    void refusedMovesNameTheStateAndTheAllowedActions(AppealStatus from, AppealAction action) {
        IllegalTransitionException refused = assertThrows(IllegalTransitionException.class,
                () -> AppealLifecycle.next(from, action));
        assertEquals(from, refused.current());
        assertEquals(action, refused.attempted());
        assertEquals(AppealLifecycle.allowedActions(from), refused.allowed());
    }

    @Test
    void allowedActionsPerStatus() {
        assertEquals(EnumSet.of(AppealAction.ACKNOWLEDGE, AppealAction.EXTEND, AppealAction.ANSWER,
                AppealAction.REDIRECT, AppealAction.TAKE_OVER), AppealLifecycle.allowedActions(AppealStatus.ROUTED));
        assertEquals(EnumSet.of(AppealAction.EXTEND, AppealAction.ANSWER, AppealAction.REDIRECT,
                        AppealAction.TAKE_OVER),
                AppealLifecycle.allowedActions(AppealStatus.IN_WORK));
        assertEquals(EnumSet.of(AppealAction.RATE, AppealAction.REOPEN),
                AppealLifecycle.allowedActions(AppealStatus.ANSWERED));
        assertEquals(Set.of(), AppealLifecycle.allowedActions(AppealStatus.REDIRECT_REQUESTED));
    }

    @Test
    void everyStatusHasAnEntry() {
        for (AppealStatus status : AppealStatus.values()) {
            AppealLifecycle.allowedActions(status);
        }
    }
}
