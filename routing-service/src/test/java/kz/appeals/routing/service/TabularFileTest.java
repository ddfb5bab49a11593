package kz.appeals.routing.service;

import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TabularFileTest {

    @Test
    void readsTheBureausCsvWithAByteOrderMarkCommentsQuotesAndWindowsLineEnds() {
        TabularFile file = TabularFile.csv(new StringReader("\uFEFF# exported 2026\r\nTE;Name_Kaz;name_rus\r\n"
                + "991021001;\"Ақбұлақ; ауылы\";\"село \"\"Акбулак\"\"\"\r\n\r\n991021002;Жаңатұрмыс ауылы;село Жанатурмыс\r\n"));
        assertEquals(List.of("te", "name_kaz", "name_rus"), file.header());
        assertEquals(2, file.rows().size());
        assertEquals(3, file.rows().get(0).number(), "line numbers count the comment and the header");
        assertEquals("Ақбұлақ; ауылы", file.rows().get(0).get("name_kaz"));
        assertEquals("село \"Акбулак\"", file.rows().get(0).get("name_rus"));
        assertEquals(5, file.rows().get(1).number());
        assertEquals("", file.rows().get(1).get("nn"), "a column the file lacks reads as empty");
    }

    @Test
    void commaSeparatedFilesWorkTooAndMissingColumnsAreNamed() {
        TabularFile file = TabularFile.csv(new StringReader("te,name_kaz\n991021001,Ақбұлақ ауылы\n"));
        assertEquals("Ақбұлақ ауылы", file.rows().get(0).get("name_kaz"));
        ImportProblem problem = assertThrows(ImportProblem.class,
                () -> file.requireColumns(List.of("te", "name_kaz", "name_rus")));
        assertTrue(problem.problem().errors().get(0).message().contains("name_rus"));
        assertThrows(ImportProblem.class, () -> TabularFile.csv(new StringReader("# only a comment\n")));
    }
}
