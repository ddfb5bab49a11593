package kz.appeals.response.service;

/**
 * Whose eyes an inbox query is for. Every body acts on the appeals it holds (its KATO code is the appeal's body
 * code); the bodies above also read what was escalated to them and their subordinates' appeals, and may take over
 * what was escalated to them.
 */
public record Viewer(Level level, String katoCode) {

    public enum Level {
        /** A rural-district akim's office: its body's appeals, by the body's KATO code. */
        OFFICE,
        /** A district akimat: its district's appeals and those escalated to it. */
        DISTRICT_AKIMAT,
        /** A regional akimat: its region's appeals and those escalated to it. */
        REGION_AKIMAT,
        /** Above every body: reads every appeal; its inbox lists those escalated to it. */
        PRESIDENTIAL_ADMINISTRATION
    }

    public static Viewer office(String katoCode) {
        return new Viewer(Level.OFFICE, katoCode);
    }

    /** Whether the viewer's body holds the appeal whose body has {@code bodyKato}, and so acts on it. */
    public boolean holds(String bodyKato) {
        return katoCode != null && katoCode.equals(bodyKato);
    }
}
