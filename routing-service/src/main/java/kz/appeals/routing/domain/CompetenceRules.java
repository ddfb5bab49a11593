package kz.appeals.routing.domain;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The competence rules in force, looked up most specific first: the category at the place's level, the category
 * anywhere, then the default rule at that level.
 */
public final class CompetenceRules {

    private record Key(String category, CompetenceRule.Scope scope) {
    }

    private final Map<Key, CompetenceRule> rules = new HashMap<>();

    public CompetenceRules(Collection<CompetenceRule> all) {
        all.forEach(rule -> rules.put(new Key(rule.categoryCode, rule.scope), rule));
    }

    public Optional<CompetenceRule> find(String category, TerritorialLevel level) {
        CompetenceRule.Scope scope = CompetenceRule.Scope.valueOf(level.name());
        CompetenceRule rule = rules.get(new Key(category, scope));
        if (rule == null) {
            rule = rules.get(new Key(category, CompetenceRule.Scope.ANY));
        }
        if (rule == null) {
            rule = rules.get(new Key(CompetenceRule.ANY_CATEGORY, scope));
        }
        return Optional.ofNullable(rule);
    }

    /** The category's rule that applies wherever the problem is, if it names a body that needs no place. */
    public Optional<CompetenceRule> placeIndependent(String category) {
        return Optional.ofNullable(rules.get(new Key(category, CompetenceRule.Scope.ANY)))
                .filter(rule -> !rule.responsibility.needsPlace());
    }
}
