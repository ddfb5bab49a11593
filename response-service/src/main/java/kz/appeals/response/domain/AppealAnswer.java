package kz.appeals.response.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import kz.appeals.contracts.AppealEvents.Language;
import kz.appeals.contracts.AppealEvents.Outcome;

import java.time.Instant;

/** The body's answer of one cycle and the applicant's rating of it. Part of {@link Appeal}; changed only through it. */
@Entity
@Table(name = "appeal_answer")
public class AppealAnswer {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id")
    private Long id;

    @Column(name = "cycle", nullable = false, updatable = false)
    private int cycle;

    @Column(name = "body_code", nullable = false, updatable = false)
    private String bodyCode;

    @Enumerated(EnumType.STRING)
    @Column(name = "outcome", nullable = false, updatable = false)
    private Outcome outcome;

    @Enumerated(EnumType.STRING)
    @Column(name = "language", nullable = false, updatable = false)
    private Language language;

    @Column(name = "text", nullable = false, updatable = false)
    private String text;

    @Column(name = "answered_at", nullable = false, updatable = false)
    private Instant answeredAt;

    @Column(name = "answered_by", nullable = false, updatable = false)
    private String answeredBy;

    @Column(name = "rating_satisfied")
    private Boolean ratingSatisfied;

    @Column(name = "rating_comment")
    private String ratingComment;

    @Column(name = "rated_at")
    private Instant ratedAt;

    protected AppealAnswer() {
    }

    /** The row as stored, without its key: what the office's and the applicant's actions read and write back. */
    public record Snapshot(int cycle, String bodyCode, Outcome outcome, Language language, String text,
                           Instant answeredAt, String answeredBy, Boolean ratingSatisfied, String ratingComment,
                           Instant ratedAt) {
    }

    static AppealAnswer restored(Snapshot stored) {
        AppealAnswer answer = new AppealAnswer(stored.cycle(), stored.bodyCode(), stored.outcome(), stored.language(),
                stored.text(), stored.answeredAt(), stored.answeredBy());
        answer.ratingSatisfied = stored.ratingSatisfied();
        answer.ratingComment = stored.ratingComment();
        answer.ratedAt = stored.ratedAt();
        return answer;
    }

    /** The columns to write back; equal to what {@link #restored} took while nobody rated it. */
    public Snapshot snapshot() {
        return new Snapshot(cycle, bodyCode, outcome, language, text, answeredAt, answeredBy, ratingSatisfied,
                ratingComment, ratedAt);
    }

    AppealAnswer(int cycle, String bodyCode, Outcome outcome, Language language, String text, Instant answeredAt,
                 String answeredBy) {
        this.cycle = cycle;
        this.bodyCode = bodyCode;
        this.outcome = outcome;
        this.language = language;
        this.text = text;
        this.answeredAt = answeredAt;
        this.answeredBy = answeredBy;
    }

    void rate(boolean satisfied, String comment, Instant at) {
        this.ratingSatisfied = satisfied;
        this.ratingComment = comment;
        this.ratedAt = at;
    }

    public boolean isRated() {
        return ratedAt != null;
    }

    public int cycle() {
        return cycle;
    }

    public String bodyCode() {
        return bodyCode;
    }

    public Outcome outcome() {
        return outcome;
    }

    public Language language() {
        return language;
    }

    public String text() {
        return text;
    }

    public Instant answeredAt() {
        return answeredAt;
    }

    public String answeredBy() {
        return answeredBy;
    }

    public Boolean ratingSatisfied() {
        return ratingSatisfied;
    }

    public String ratingComment() {
        return ratingComment;
    }

    public Instant ratedAt() {
        return ratedAt;
    }
}
