package kz.appeals.intake.open311.domain;

import kz.appeals.contracts.AppealEvents.AppealType;
import kz.appeals.contracts.AppealEvents.Language;
import kz.appeals.intake.domain.Publication;

import java.util.List;

/**
 * What an appeal needs beyond the GeoReport core fields, published in every service definition and sent back as
 * {@code attribute[code]}: the applicant's IIN that APPK Art. 63 requires, and the appeal's type and language.
 * The settlement's KATO code needs no attribute: it is the standard's {@code address_id}.
 */
public enum ServiceAttribute {

    IIN("iin", Datatype.STRING, true,
            new Text("Өтініш берушінің ЖСН-і (12 цифр). ӘРПК 63-бабы бойынша тағы аты-жөні (first_name, last_name) "
                    + "және байланыс: телефон (phone) немесе e-mail (email) қажет",
                    "ИИН заявителя (12 цифр). По ст. 63 АППК нужны также имя (first_name, last_name) и способ "
                            + "связи: телефон (phone) или e-mail (email)",
                    "Applicant's individual identification number (IIN, 12 digits). APPK Art. 63 also asks for the "
                            + "applicant's name (first_name, last_name) and a way to reach them: phone or email"),
            new Text("12 цифр", "12 цифр", "12 digits"), List.of()),

    APPEAL_TYPE("appeal_type", Datatype.SINGLEVALUELIST, false,
            new Text("Өтініш түрі (әдепкі: өтініш)", "Вид обращения (по умолчанию: заявление)",
                    "Kind of appeal under the APPK (default: application)"),
            null, List.of(
            new Value(AppealType.APPLICATION, new Text("Өтініш", "Заявление", "Application")),
            new Value(AppealType.COMPLAINT, new Text("Шағым", "Жалоба", "Complaint")),
            new Value(AppealType.PROPOSAL, new Text("Ұсыныс", "Предложение", "Proposal")),
            new Value(AppealType.REQUEST, new Text("Сауал", "Запрос", "Request for information")),
            new Value(AppealType.RESPONSE, new Text("Үн қату", "Отклик", "Response")),
            new Value(AppealType.REPORT, new Text("Хабарлама", "Сообщение", "Report")))),

    LANGUAGE("language", Datatype.SINGLEVALUELIST, false,
            new Text("Өтініш тілі; жауап осы тілде немесе қазақ тілінде беріледі (әдепкі: қазақ тілі)",
                    "Язык обращения; ответ дается на нем или на казахском (по умолчанию: казахский)",
                    "Language of the appeal; the answer comes in it or in Kazakh (default: Kazakh)"),
            null, List.of(
            new Value(Language.kk, new Text("Қазақ тілі", "Казахский", "Kazakh")),
            new Value(Language.ru, new Text("Орыс тілі", "Русский", "Russian")),
            new Value(Language.en, new Text("Ағылшын тілі", "Английский", "English")))),

    PUBLICATION("publication", Datatype.SINGLEVALUELIST, false,
            new Text("Өтінішті ашық тізімде көрсету (әдепкі: жабық). Ашық өтініште ЖСН, телефон, e-mail және "
                    + "өтініш берушінің аты жасырылады",
                    "Показывать обращение в открытом списке (по умолчанию: закрыто). В открытом обращении ИИН, "
                            + "телефоны, e-mail и имя заявителя скрыты",
                    "Show the request in the public list (default: private). A public request shows the matter "
                            + "with IINs, phone numbers, e-mail addresses and the applicant's name masked"),
            null, List.of(
            new Value(Publication.PRIVATE, new Text("Жабық", "Закрыто", "Private")),
            new Value(Publication.PUBLIC, new Text("Ашық", "Открыто", "Public"))));

    public static final AppealType DEFAULT_APPEAL_TYPE = AppealType.APPLICATION;
    /** The state language: an answer in it is always lawful, whatever language the citizen wrote in. */
    public static final Language DEFAULT_LANGUAGE = Language.kk;
    /** Private unless the client says its user chose to publish (FixMyStreet's model, safe by default). */
    public static final Publication DEFAULT_PUBLICATION = Publication.PRIVATE;

    public enum Datatype {
        STRING, NUMBER, DATETIME, TEXT, SINGLEVALUELIST, MULTIVALUELIST;

        public String wireName() {
            return name().toLowerCase();
        }
    }

    /** One choice of a list attribute: the key a client sends and the name it shows. */
    public record Value(String key, Text name) {
        Value(Enum<?> key, Text name) {
            this(key.name(), name);
        }
    }

    private final String code;
    private final Datatype datatype;
    private final boolean required;
    private final Text description;
    private final Text datatypeDescription;
    private final List<Value> choices;

    ServiceAttribute(String code, Datatype datatype, boolean required, Text description, Text datatypeDescription,
                     List<Value> choices) {
        this.code = code;
        this.datatype = datatype;
        this.required = required;
        this.description = description;
        this.datatypeDescription = datatypeDescription;
        this.choices = choices;
    }

    public String code() {
        return code;
    }

    public Datatype datatype() {
        return datatype;
    }

    public boolean required() {
        return required;
    }

    public Text description() {
        return description;
    }

    /** Null when the datatype says it all. */
    public Text datatypeDescription() {
        return datatypeDescription;
    }

    public List<Value> choices() {
        return choices;
    }

    /** The form parameter that carries this attribute in POST requests. */
    public String formField() {
        return "attribute[" + code + "]";
    }
}
