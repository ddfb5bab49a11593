package kz.appeals.routing.service;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import kz.appeals.routing.domain.CompetenceRule;

import java.util.Optional;

@ApplicationScoped
public class CompetenceRuleRepository implements PanacheRepositoryBase<CompetenceRule, Long> {

    public Optional<CompetenceRule> find(String category, CompetenceRule.Scope scope) {
        return find("categoryCode = ?1 and scope = ?2", category, scope).firstResultOptional();
    }
}
