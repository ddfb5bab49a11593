package kz.appeals.escalation.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import kz.appeals.contracts.AppealEvents.Body;
import kz.appeals.contracts.AppealEvents.BodyLevel;

/**
 * The body whose clock runs, as routing described it. Kept whole so that an escalation can name the body it
 * leaves exactly as routing named it.
 */
@Embeddable
public class AnsweringBody {

    @Column(name = "body_code")
    private String code;

    @Enumerated(EnumType.STRING)
    @Column(name = "body_level")
    private BodyLevel level;

    @Column(name = "body_kato")
    private String katoCode;

    @Column(name = "body_name_kk")
    private String nameKk;

    @Column(name = "body_name_ru")
    private String nameRu;

    protected AnsweringBody() {
    }

    private AnsweringBody(String code, BodyLevel level, String katoCode, String nameKk, String nameRu) {
        this.code = code;
        this.level = level;
        this.katoCode = katoCode;
        this.nameKk = nameKk;
        this.nameRu = nameRu;
    }

    public static AnsweringBody of(Body body) {
        return new AnsweringBody(body.code(), body.level(), body.katoCode(), body.nameKk(), body.nameRu());
    }

    public Body toContract() {
        return new Body(code, level, katoCode, nameKk, nameRu);
    }

    public String code() {
        return code;
    }

    public BodyLevel level() {
        return level;
    }

    public String katoCode() {
        return katoCode;
    }
}
