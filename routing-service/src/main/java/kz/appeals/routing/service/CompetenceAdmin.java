package kz.appeals.routing.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import kz.appeals.contracts.BodyCode;
import kz.appeals.platform.audit.AuditTrail;
import kz.appeals.platform.problem.ProblemException;
import kz.appeals.routing.domain.CompetenceRule;
import kz.appeals.routing.domain.Responsibility;

import java.time.Clock;
import java.util.List;

/** Competence rules as data: administrators list, set and remove them; routing uses them from the next decision. */
@ApplicationScoped
@Transactional
public class CompetenceAdmin {

    public record RuleView(String categoryCode, String scope, String responsibility, String departmentCode,
                           String nameKk, String nameRu, String note) {
    }

    public record RuleChange(String responsibility, String departmentCode, String nameKk, String nameRu,
                             String note) {
    }

    private final CompetenceRuleRepository rules;
    private final AuditTrail audit;
    private final Clock clock;

    public CompetenceAdmin(CompetenceRuleRepository rules, AuditTrail audit, Clock clock) {
        this.rules = rules;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<RuleView> list() {
        return rules.list("order by categoryCode, scope").stream().map(CompetenceAdmin::view).toList();
    }

    public RuleView put(String category, String scopeName, RuleChange change) {
        CompetenceRule.Scope scope = scope(scopeName);
        if (!CompetenceRule.ANY_CATEGORY.equals(category) && (category == null || !category.matches("[a-z0-9-]{1,64}"))) {
            throw ProblemException.invalidField("category", "pattern", "A category code is 1-64 of a-z, 0-9 and -, or *");
        }
        if (change == null) {
            throw ProblemException.invalidField("body", "required", "The rule is missing");
        }
        Responsibility responsibility;
        try {
            responsibility = Responsibility.valueOf(String.valueOf(change.responsibility()));
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField("responsibility", "enum", "One of " + List.of(Responsibility.values()));
        }
        if (change.departmentCode() == null || !change.departmentCode().matches(BodyCode.DEPARTMENT)) {
            throw ProblemException.invalidField("departmentCode", "pattern", "1-32 of a-z, 0-9 and -");
        }
        requireText("nameKk", change.nameKk(), 200);
        requireText("nameRu", change.nameRu(), 200);
        requireText("note", change.note(), 1000);
        CompetenceRule rule = rules.find(category, scope).orElseGet(CompetenceRule::new);
        rule.categoryCode = category;
        rule.scope = scope;
        rule.responsibility = responsibility;
        rule.departmentCode = change.departmentCode();
        rule.nameKk = change.nameKk();
        rule.nameRu = change.nameRu();
        rule.note = change.note();
        rule.updatedAt = clock.instant();
        boolean created = rule.id == null;
        if (created) {
            rules.persist(rule);
        }
        RuleView view = view(rule);
        audit.record(created ? "competence-rule-created" : "competence-rule-changed", subject(category, scope),
                view.toString());
        return view;
    }

    public void delete(String category, String scopeName) {
        CompetenceRule rule = rules.find(category, scope(scopeName))
                .orElseThrow(() -> ProblemException.notFound("No rule for " + category + " × " + scopeName));
        rules.delete(rule);
        audit.record("competence-rule-deleted", subject(category, rule.scope), view(rule).toString());
    }

    private static String subject(String category, CompetenceRule.Scope scope) {
        return "competence-rule:" + category + "/" + scope;
    }

    private static CompetenceRule.Scope scope(String name) {
        try {
            return CompetenceRule.Scope.valueOf(name);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw ProblemException.invalidField("scope", "enum", "One of " + List.of(CompetenceRule.Scope.values()));
        }
    }

    private static void requireText(String field, String value, int max) {
        if (value == null || value.isBlank() || value.length() > max) {
            throw ProblemException.invalidField(field, "required", field + " must have 1 to " + max + " characters");
        }
    }

    private static RuleView view(CompetenceRule r) {
        return new RuleView(r.categoryCode, r.scope.name(), r.responsibility.name(), r.departmentCode, r.nameKk,
                r.nameRu, r.note);
    }
}
