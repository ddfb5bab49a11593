package kz.appeals.escalation.domain;

import kz.appeals.appk.DeadlinePolicy;

/** Everything a deadline needs to derive its dates and decide what a sweep does: the law, the warnings, the ladder. */
public record ClockRules(DeadlinePolicy policy, WarningSchedule warnings, EscalationLadder ladder) {
}
