package kz.appeals.routing.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/**
 * One competence rule, as data an administrator edits: appeals of a category, placed at a territorial level,
 * are answered by a kind of body. Category {@value #ANY_CATEGORY} is the default for categories without own rule;
 * level {@link Scope#ANY} applies wherever the problem is.
 */
@Entity
@Table(name = "competence_rule")
public class CompetenceRule {

    public static final String ANY_CATEGORY = "*";

    /** Where the problem was placed; ANY for a rule that does not depend on it. */
    public enum Scope { ANY, RURAL_DISTRICT, DISTRICT, REGION }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "category_code", nullable = false)
    public String categoryCode;

    @Enumerated(EnumType.STRING)
    @Column(name = "location_level", nullable = false)
    public Scope scope;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Responsibility responsibility;

    /** Department or agency code, part of the body code (e.g. {@code roads} → {@code district:roads:991000000}). */
    @Column(name = "department_code", nullable = false)
    public String departmentCode;

    @Column(name = "name_kk", nullable = false)
    public String nameKk;

    @Column(name = "name_ru", nullable = false)
    public String nameRu;

    /** Why the rule is so (e.g. the law that assigns the competence); for NO_PUBLIC_BODY, what the applicant is told. */
    @Column(nullable = false)
    public String note;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    public String describe() {
        return (ANY_CATEGORY.equals(categoryCode) ? "default rule" : "rule " + categoryCode) + " × "
                + scope.name().toLowerCase().replace('_', ' ') + " → " + responsibility + " " + departmentCode;
    }
}
