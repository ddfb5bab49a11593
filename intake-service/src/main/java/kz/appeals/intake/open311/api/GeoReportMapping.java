package kz.appeals.intake.open311.api;

import kz.appeals.appk.AppkTerms;
import kz.appeals.contracts.AppealEvents.Language;
import kz.appeals.intake.api.AppealReceipt;
import kz.appeals.intake.domain.Category;
import kz.appeals.intake.domain.CategoryAttribute;
import kz.appeals.intake.open311.domain.RequestStatus;
import kz.appeals.intake.open311.domain.ServiceAttribute;
import kz.appeals.intake.open311.domain.Text;
import kz.appeals.intake.open311.service.RequestUpdateRow;
import kz.appeals.intake.open311.service.ServiceRequestRow;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** Intake's catalogue and appeals as GeoReport v2 representations, in the language the client asked for. */
final class GeoReportMapping {

    private static final Text SERVICE_DESCRIPTION = new Text(
            "Өтініш %d жұмыс күні ішінде қаралады (APPK %s)",
            "Обращение рассматривается в течение %d рабочих дней (APPK %s)",
            "Decided within %d working days of registration (APPK %s)");

    private static final Text REGISTERED_NOTICE = new Text(
            "%s тіркелді (APPK %s); жауап %d жұмыс күні ішінде беріледі (APPK %s)",
            "Зарегистрировано %s (APPK %s); ответ в течение %d рабочих дней (APPK %s)",
            "Registered on %s (APPK %s); the answer is due within %d working days (APPK %s)");

    /** The due date is a whole day in national time: the term lapses only once it has passed (APPK Art. 91(2)). */
    private static final LocalTime END_OF_DAY = LocalTime.of(23, 59, 59);

    static GeoReportViews.Service service(Category category, Language language) {
        return new GeoReportViews.Service(category.code(), name(category, language),
                SERVICE_DESCRIPTION.in(language).formatted(AppkTerms.ANSWER.workingDays(), AppkTerms.ANSWER.article()),
                true, "realtime", null, null);
    }

    static GeoReportViews.ServiceDefinition definition(Category category, Language language) {
        List<GeoReportViews.Attribute> attributes = new ArrayList<>();
        Arrays.stream(ServiceAttribute.values())
                .map(attribute -> new GeoReportViews.Attribute(true, attribute.code(), attribute.datatype().wireName(),
                        attribute.required(),
                        attribute.datatypeDescription() == null ? null : attribute.datatypeDescription().in(language),
                        attribute.ordinal() + 1, attribute.description().in(language),
                        attribute.choices().stream()
                                .map(value -> new GeoReportViews.Value(value.key(), value.name().in(language)))
                                .toList()))
                .forEach(attributes::add);
        // Then what the category itself asks (the same definitions GET /api/v1/categories lists).
        for (CategoryAttribute attribute : category.attributes()) {
            attributes.add(new GeoReportViews.Attribute(true, attribute.code(),
                    attribute.datatype().name().toLowerCase(Locale.ROOT), attribute.required(), null,
                    attributes.size() + 1,
                    new Text(attribute.nameKk(), attribute.nameRu(), attribute.nameEn()).in(language),
                    attribute.values().stream().map(value -> new GeoReportViews.Value(value.key(),
                            new Text(value.nameKk(), value.nameRu(), value.nameEn()).in(language))).toList()));
        }
        return new GeoReportViews.ServiceDefinition(category.code(), attributes);
    }

    /** No personal data: the applicant is not part of a service request, only the place and the matter are. */
    static GeoReportViews.ServiceRequest request(ServiceRequestRow row, Language language) {
        String serviceName = Category.byCode(row.categoryCode()).map(category -> name(category, language)).orElse(null);
        return new GeoReportViews.ServiceRequest(row.receiptNumber(), RequestStatus.of(row.status()).wireName(),
                row.statusNotes(), serviceName, row.categoryCode(), row.description(), agency(row, language),
                registeredNotice(row.registrationDay(), language),
                dateTime(row.registeredAt()),
                dateTime(row.updatedAt() != null ? row.updatedAt() : row.registeredAt()),
                row.dueOn() == null ? null : endOf(row.dueOn()),
                row.addressText(), row.katoCode(), null, row.latitude(), row.longitude(), row.mediaUrl());
    }

    static GeoReportViews.RequestUpdate update(RequestUpdateRow row) {
        return new GeoReportViews.RequestUpdate(row.updateId().toString(), row.receiptNumber(),
                row.closes() ? RequestStatus.CLOSED.wireName() : RequestStatus.OPEN.wireName(),
                dateTime(row.occurredAt()), row.text(), null, row.kind().name());
    }

    static GeoReportViews.Created created(AppealReceipt receipt, Language language) {
        return new GeoReportViews.Created(receipt.receiptNumber(),
                registeredNotice(receipt.registrationDay(), language), null);
    }

    /** The same notice on creation and on every read, so that a client showing either shows the same words. */
    private static String registeredNotice(LocalDate registrationDay, Language language) {
        return REGISTERED_NOTICE.in(language).formatted(registrationDay, AppkTerms.REGISTRATION_ARTICLE,
                AppkTerms.ANSWER.workingDays(), AppkTerms.ANSWER.article());
    }

    /** ISO 8601 in national time, to the second, e.g. {@code 2026-11-23T10:15:30+05:00}. */
    static String dateTime(Instant instant) {
        return OffsetDateTime.ofInstant(instant, AppkTerms.NATIONAL_OFFSET).truncatedTo(ChronoUnit.SECONDS)
                .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }

    private static String endOf(LocalDate day) {
        return day.atTime(END_OF_DAY).atOffset(AppkTerms.NATIONAL_OFFSET)
                .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }

    private static String name(Category category, Language language) {
        return new Text(category.nameKk(), category.nameRu(), category.nameEn()).in(language);
    }

    /** The body's name in Kazakh when asked for, otherwise in Russian (bodies have no English names). */
    private static String agency(ServiceRequestRow row, Language language) {
        String kk = row.bodyNameKk();
        String ru = row.bodyNameRu();
        return language == Language.kk ? (kk != null ? kk : ru) : (ru != null ? ru : kk);
    }

    /** The first of the client's Accept-Language choices that intake serves; Kazakh, the state language, if none. */
    static Language language(List<Locale> acceptable) {
        return acceptable.stream().map(Locale::getLanguage)
                .flatMap(tag -> Arrays.stream(Language.values()).filter(known -> known.name().equals(tag)))
                .findFirst().orElse(ServiceAttribute.DEFAULT_LANGUAGE);
    }

    private GeoReportMapping() {
    }
}
