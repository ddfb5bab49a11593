package kz.appeals.intake.domain;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Something a front end asks for an appeal of one category, beyond the common fields: the Open311 "service
 * definition" idea. Datatypes are Open311's, so the same definition serves both APIs.
 */
public record CategoryAttribute(String code, Datatype datatype, boolean required, String nameKk, String nameRu,
                                String nameEn, List<Value> values) {

    public enum Datatype { STRING, NUMBER, TEXT, SINGLEVALUELIST }

    /** One choice of a {@link Datatype#SINGLEVALUELIST}. */
    public record Value(String key, String nameKk, String nameRu, String nameEn) {
    }

    static final List<Value> YES_NO = List.of(new Value("yes", "Иә", "Да", "Yes"), new Value("no", "Жоқ", "Нет", "No"));

    static CategoryAttribute text(String code, boolean required, String nameKk, String nameRu, String nameEn) {
        return new CategoryAttribute(code, Datatype.STRING, required, nameKk, nameRu, nameEn, List.of());
    }

    static CategoryAttribute number(String code, String nameKk, String nameRu, String nameEn) {
        return new CategoryAttribute(code, Datatype.NUMBER, false, nameKk, nameRu, nameEn, List.of());
    }

    static CategoryAttribute choice(String code, boolean required, String nameKk, String nameRu, String nameEn,
                                    Value... values) {
        return new CategoryAttribute(code, Datatype.SINGLEVALUELIST, required, nameKk, nameRu, nameEn,
                Arrays.asList(values));
    }

    /** @return why {@code value} does not fit, as a machine-readable code; empty when it fits */
    public Optional<String> rejects(String value) {
        if (value == null || value.isBlank()) {
            return required ? Optional.of("required") : Optional.empty();
        }
        if (value.length() > 500) {
            return Optional.of("size");
        }
        return switch (datatype) {
            case NUMBER -> isNumber(value) ? Optional.empty() : Optional.of("type");
            case SINGLEVALUELIST -> values.stream().anyMatch(v -> v.key().equals(value))
                    ? Optional.empty() : Optional.of("not-in-list");
            case STRING, TEXT -> Optional.empty();
        };
    }

    private static boolean isNumber(String value) {
        try {
            new BigDecimal(value.trim());
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
