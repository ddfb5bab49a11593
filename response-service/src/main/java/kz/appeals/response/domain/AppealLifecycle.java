package kz.appeals.response.domain;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The office's state machine in one table, so that the allowed moves can be read (and checked by a lawyer) in one
 * place. Routing events move an appeal between bodies; they are decided in {@link Appeal#reassign}, not here.
 */
public final class AppealLifecycle {

    private static final Map<AppealStatus, Map<AppealAction, AppealStatus>> TRANSITIONS =
            new EnumMap<>(AppealStatus.class);

    static {
        TRANSITIONS.put(AppealStatus.ROUTED, Map.of(
                AppealAction.ACKNOWLEDGE, AppealStatus.IN_WORK,
                AppealAction.EXTEND, AppealStatus.ROUTED,
                AppealAction.TAKE_OVER, AppealStatus.IN_WORK,
                // A simple question may be answered at once, without a separate acknowledgement.
                AppealAction.ANSWER, AppealStatus.ANSWERED,
                AppealAction.REDIRECT, AppealStatus.REDIRECT_REQUESTED));
        TRANSITIONS.put(AppealStatus.IN_WORK, Map.of(
                AppealAction.EXTEND, AppealStatus.IN_WORK,
                AppealAction.TAKE_OVER, AppealStatus.IN_WORK,
                AppealAction.ANSWER, AppealStatus.ANSWERED,
                AppealAction.REDIRECT, AppealStatus.REDIRECT_REQUESTED));
        // The applicant rates the answer; an unsatisfied one may come back as a new cycle.
        TRANSITIONS.put(AppealStatus.ANSWERED, Map.of(
                AppealAction.RATE, AppealStatus.ANSWERED,
                AppealAction.REOPEN, AppealStatus.ROUTED));
        TRANSITIONS.put(AppealStatus.REDIRECT_REQUESTED, Map.of());
    }

    /** @throws IllegalTransitionException if {@code action} is not allowed in {@code current} */
    public static AppealStatus next(AppealStatus current, AppealAction action) {
        AppealStatus next = TRANSITIONS.get(current).get(action);
        if (next == null) {
            throw new IllegalTransitionException(current, action, allowedActions(current));
        }
        return next;
    }

    /** In declaration order, so that clients and error messages list them stably. */
    public static Set<AppealAction> allowedActions(AppealStatus current) {
        Map<AppealAction, AppealStatus> moves = TRANSITIONS.get(current);
        return Collections.unmodifiableSet(moves.isEmpty()
                ? EnumSet.noneOf(AppealAction.class) : EnumSet.copyOf(moves.keySet()));
    }

    private AppealLifecycle() {
    }
}
