package kz.appeals.platform.privacy;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The redactor against the shapes in which people write an IIN, a phone number, an e-mail address or their name.
 * The oracle is independent of the redactor: the digits of every planted number must not survive anywhere in the
 * digits of the output, and the planted address and name must not appear in any case.
 */
class PublicTextTest {

    private static final long SEED = 20261207L;
    private static final int CASES = 5_000;
    private static final String[] SEPARATORS = {"", " ", "-", ".", "\u00A0", " - ", "(", ") "};
    private static final String[] CONTEXT = {
            "Жолда шұңқыр бар, хабарласыңыз: %s, рахмет.",
            "Прошу отремонтировать дорогу. Мой ИИН %s",
            "Contact me at %s please",
            "%s",
            "Телефон:%s;",
            "ИИН/ЖСН — %s.",
            "Пишите (%s) или звоните"};

    @Test
    void noPlantedIinPhoneOrEmailSurvivesAnyShape() {
        Random random = new Random(SEED);
        for (int i = 0; i < CASES; i++) {
            String planted = switch (random.nextInt(3)) {
                case 0 -> spaced(iin(random), random);
                case 1 -> phone(random);
                default -> email(random);
            };
            String text = CONTEXT[random.nextInt(CONTEXT.length)].formatted(planted);
            String redacted = PublicText.redact(text);
            String plantedDigits = planted.replaceAll("\\D", "");
            if (planted.contains("@")) {
                assertFalse(redacted.toLowerCase().contains(planted.split("@")[0].toLowerCase())
                        && redacted.contains("@"), () -> "e-mail survived in " + redacted + " (from " + text + ")");
            } else {
                String core = plantedDigits.substring(plantedDigits.length() - 10);
                assertFalse(redacted.replaceAll("\\D", "").contains(core),
                        () -> "number survived in " + redacted + " (from " + text + ")");
            }
            assertTrue(redacted.contains(PublicText.MASK), () -> "nothing masked in " + text);
            assertTrue(redacted.length() <= text.length(), () -> "the public copy grew: " + redacted);
        }
    }

    @Test
    void fullWidthDigitsAndSeveralNumbersInOneRunAreMasked() {
        assertEquals("ИИН ***", PublicText.redact("ИИН ９００１０１３０００１７"));
        assertEquals("*** ***", PublicText.redact("87011234567 87017654321"));
        assertEquals("тел. *** до 18:00", PublicText.redact("тел. 8 (701) 123-45-67 до 18:00"));
        assertEquals("*** и ***", PublicText.redact("+7 701 123 45 67 и 900101300017"));
    }

    @Test
    void theMatterStaysReadable() {
        String matter = "С 01.12.2026 по 15.12.2026 не горят 12 фонарей на ул. Абая 5, ущерб 1 000 000 000 тенге; "
                + "2026-11-30 писали в акимат, ответа нет. Дом 17, кв. 3.";
        assertEquals(matter, PublicText.redact(matter));
        assertEquals("Шұңқыр тереңдігі 30 см", PublicText.redact("Шұңқыр тереңдігі 30 см"));
    }

    @Test
    void theApplicantsNameIsMaskedInCaseEndingsLookAlikesAndLatin() {
        List<String> name = List.of("Сынақ Азамат Ерланұлы");
        assertEquals("Я, *** ***, прошу", PublicText.redact("Я, Сынак Азамат, прошу", name));
        assertEquals("Ответ *** отправлен", PublicText.redact("Ответ Азамату отправлен", name));
        assertEquals("From *** *** with thanks", PublicText.redact("From AZAMAT Synak with thanks", name));
        assertEquals("*** ***, *** ***", PublicText.redact("Aigerim Saparova, Aıgerım SAPAROVA",
                List.of("Сапарова Айгерім")), "й and і written as i or ı, any case");
        assertEquals("*** хабарласыңыз", PublicText.redact("Ерланұлыға хабарласыңыз", name));
        assertEquals("*** қоғам", PublicText.redact("Азаматтық қоғам", List.of("Азамат")),
                "a word the name starts with is masked too: a wrong mask costs less than a leaked name");
        assertEquals("азаматтығының", PublicText.redact("азаматтығының", List.of("Азамат")),
                "beyond a case ending the word is another word");
        assertEquals("МолАзамат ***, 1***: ***", PublicText.redact("МолАзамат Азамат, 1Азамат: Азаматқа",
                List.of("Азамат")), "inside a word it is another word; after a digit or a sign a name starts, each time");
    }

    @Test
    void controlCharactersAreDroppedAndNullStaysNull() {
        assertEquals("ab\ncd\te", PublicText.redact("a\u0001b\r\nc\u001Bd\te"));
        assertEquals(null, PublicText.redact(null));
    }

    private static String iin(Random random) {
        StringBuilder digits = new StringBuilder();
        for (int i = 0; i < 12; i++) {
            digits.append(random.nextInt(10));
        }
        return digits.toString();
    }

    /** The digits split into random groups joined by random separators. */
    private static String spaced(String digits, Random random) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < digits.length()) {
            int group = 1 + random.nextInt(4);
            out.append(digits, i, Math.min(digits.length(), i + group));
            i += group;
            if (i < digits.length()) {
                out.append(random.nextBoolean() ? "" : SEPARATORS[random.nextInt(SEPARATORS.length)]);
            }
        }
        return out.toString();
    }

    private static String phone(Random random) {
        String subscriber = "7" + (random.nextBoolean() ? "0" : "7") + iin(random).substring(0, 8);
        String prefix = List.of("+7", "8", "7", "", "+7 ", "8 ").get(random.nextInt(6));
        return prefix + spaced(subscriber, random);
    }

    private static String email(Random random) {
        List<String> locals = new ArrayList<>(List.of("azamat.synak", "ерлан_90", "a.b-c+tag", "Test.User"));
        List<String> domains = List.of("mail.kz", "почта.қаз", "gov.kz", "Example.COM");
        return locals.get(random.nextInt(locals.size())) + "@" + domains.get(random.nextInt(domains.size()));
    }
}
