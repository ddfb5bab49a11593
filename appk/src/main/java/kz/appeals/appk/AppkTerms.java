package kz.appeals.appk;

import java.time.LocalTime;
import java.time.Period;
import java.time.ZoneOffset;

/**
 * Every term of the Administrative Procedural and Process Code of the Republic of Kazakhstan (APPK, Code No. 350-VI
 * of 29 June 2020, in force since 1 July 2021) that the platform enforces, each with the article it comes from, so
 * that a lawyer can check them against the text in one file. No other code may hard-code these numbers.
 */
public final class AppkTerms {

    /** The code as cited in reasons and documents. */
    public static final String CODE = "APPK (Code of the Republic of Kazakhstan No. 350-VI)";

    /**
     * Art. 76: an appeal is decided within 15 working days of receipt, unless another law sets another term.
     * Counted from the day after registration (see {@link WorkingCalendar#addWorkingDays}).
     */
    public static final WorkingDayTerm ANSWER = new WorkingDayTerm(15, "Art. 76");

    /**
     * Art. 76: an appeal outside the body's competence goes to the competent body within 3 working days of receipt.
     * The clause names заявление, сообщение, отклик, предложение and запрос; it does not name a complaint (жалоба).
     *
     * <p>Complaints (жалоба), checked for issue 22: Art. 91(3) gives a complaint to the body considering it, the
     * higher administrative body (the President, the Prime Minister and the Government excepted); Art. 91(4) has it
     * filed with the body whose act or inaction is complained of; Art. 92(1) allows three months from the day the
     * applicant learnt of it. The term within which the higher body decides a complaint (Chapter 13, after Art. 98)
     * could not be confirmed from the text available here, nor what the body complained of must do with it before
     * passing it on: a second search (issue 22) found only a summary of Art. 91(4) by the National Bank of
     * Kazakhstan (nationalbank.kz, "Administrative act appealing"), which has that body send the complaint with the
     * case to the body considering it within 3 working days of receipt unless it grants it in that time — a
     * summary, not the article's text, so it is not encoded. The platform therefore still applies {@link #ANSWER}
     * and this redirect to every appeal type, complaints included; a lawyer should settle both before complaints get
     * a term of their own.
     */
    public static final WorkingDayTerm REDIRECT = new WorkingDayTerm(3, "Art. 76");

    /**
     * Art. 76: the head of the body (or a deputy) may extend the term by a reasoned decision, to no more than two
     * months from receipt in total.
     */
    public static final CalendarTerm EXTENSION_CAP = new CalendarTerm(Period.ofMonths(2), "Art. 76");

    /** Art. 76: the applicant is told of an extension within 3 working days of the decision. */
    public static final WorkingDayTerm EXTENSION_NOTICE = new WorkingDayTerm(3, "Art. 76");

    /**
     * Art. 64: an appeal is registered on the day of receipt; one received on a non-working day is registered on the
     * next working day, and so is one received after working hours (that part unconfirmed, see
     * {@link #ASSUMED_WORKING_HOURS}). See {@link WorkingCalendar#registrationDay}.
     */
    public static final String REGISTRATION_ARTICLE = "Art. 64";

    /**
     * Art. 91(2): a body that has not decided in time is deemed to have refused, from the day the term expires.
     * The applicant may then complain to the higher body (Art. 91(3)–(4)).
     */
    public static final String DEEMED_REFUSAL_ARTICLE = "Art. 91(2)";

    /** Kazakhstan has one national time zone, UTC+5, since 1 March 2024; every "day" of a term is a day there. */
    public static final ZoneOffset NATIONAL_OFFSET = ZoneOffset.ofHours(5);

    /**
     * Working hours for the Art. 64 rule. The code does not fix them: 09:00–18:00 is our assumption of a usual
     * government office day, not a legal number, and callers whose body keeps other hours pass their own
     * {@link WorkingHours} to {@link WorkingCalendar#registrationDay(java.time.Instant, WorkingHours)}.
     *
     * <p>Whether Art. 64 moves a receipt after working hours at all is not confirmed (issue 22): the summaries of
     * Art. 63–64 found (e.g. the Centre of Forensic Expertise of the Ministry of Justice) speak only of an appeal
     * received on a non-working day being registered on the next working day; the article's own text was not
     * available to check (a second search for issue 22, on adilet.zan.kz's text of the code and elsewhere, again
     * found only such summaries). Until a lawyer confirms it from the text, an evening receipt keeps moving to the next
     * working day, the behaviour the platform has had since it started.
     */
    public static final WorkingHours ASSUMED_WORKING_HOURS =
            new WorkingHours(LocalTime.of(9, 0), LocalTime.of(18, 0), NATIONAL_OFFSET);

    /** A term counted in working days after the day it starts from. */
    public record WorkingDayTerm(int workingDays, String article) {
        public String citation() {
            return cite(article);
        }
    }

    /** A term counted in calendar time from the day it starts from. */
    public record CalendarTerm(Period length, String article) {
        public String citation() {
            return cite(article);
        }
    }

    /** E.g. "APPK (Code of the Republic of Kazakhstan No. 350-VI) Art. 76". */
    public static String cite(String article) {
        return CODE + " " + article;
    }

    private AppkTerms() {
    }
}
