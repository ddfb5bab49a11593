package kz.appeals.systemtests;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import kz.appeals.contracts.AppealEvents.AppealType;
import kz.appeals.contracts.AppealEvents.Body;
import kz.appeals.contracts.AppealEvents.BodyLevel;
import kz.appeals.contracts.AppealEvents.Escalated;
import kz.appeals.contracts.AppealEvents.Language;
import kz.appeals.contracts.AppealEvents.Routed;
import kz.appeals.contracts.AppealEvents.RoutingMethod;
import kz.appeals.contracts.ContractEvent;
import kz.appeals.contracts.ContractJson;
import kz.appeals.contracts.EventType;
import kz.appeals.contracts.Topics;
import kz.appeals.testing.KafkaProbe;
import kz.appeals.testing.Tokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The trust dashboard as a person sees it: Debian's Chromium, headless, opens the page analytics serves, reads the
 * packaged routing and analytics services over the real broker and database, and shows the headline figures, the
 * region's ranking explained with every rural district not ranked and why, the funnel, the map coloured by band
 * from the sample polygons, the drill-down by real links (Back included), the three languages, the phone width
 * (360 px) without sideways scrolling, the keyboard's way through it, the public view without a token (ranking,
 * units and trend with small counts suppressed), a bad token, the open data it links, and axe-core's audit of every
 * view (no serious or critical violation). Screenshots are kept in {@code system-tests/target/dashboard-*.png};
 * with {@code -Dappeals.dashboard.readme-screenshots=true} the public view's desktop and phone screenshots are also
 * copied to {@code docs/img/} for the README.
 */
class DashboardIT {

    private static final String REGION = "990000000";
    private static final String DISTRICT = "991000000";
    /** Three rural districts of the sample district, each with its own share of appeals that reached the centre. */
    private static final List<String> RURAL_DISTRICTS = List.of("991021000", "991023000", "991025000");
    private static final Path TARGET = Path.of("target");
    /** The README's screenshots, rewritten only when asked, so that an ordinary run leaves the tree clean. */
    private static final boolean README_SCREENSHOTS = Boolean.getBoolean("appeals.dashboard.readme-screenshots");

    private static final List<ServiceProcess> SERVICES = new ArrayList<>();
    private static ServiceProcess routing;
    private static ServiceProcess analytics;
    private static ChromeDriver browser;

    @BeforeAll
    static void startTheServicesAndTheBrowser() throws Exception {
        routing = new ServiceProcess("routing", 27082,
                java.util.Map.of("APPEALS_DASHBOARD_ORIGINS", "http://127.0.0.1:27085"));
        analytics = new ServiceProcess("analytics", 27085, java.util.Map.of(
                "APPEALS_ANALYTICS_DASHBOARD_TERRITORY_URL", routing.baseUrl(),
                "APPEALS_ANALYTICS_RANKING_MINIMUM_APPEALS", "2"));
        SERVICES.addAll(List.of(routing, analytics));
        for (ServiceProcess service : SERVICES) {
            service.start();
        }
        for (ServiceProcess service : SERVICES) {
            service.awaitReady(Duration.ofSeconds(120));
        }
        Path profile = Files.createTempDirectory("dashboard-chromium");
        ChromeOptions options = new ChromeOptions().setBinary("/usr/bin/chromium").addArguments("--headless=new",
                "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--window-size=1400,1100",
                "--user-data-dir=" + profile);
        // The Debian driver, named explicitly, so that Selenium never tries to download one.
        browser = new ChromeDriver(new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver")).build(), options);
    }

    /** What the page showed when the test ended, pass or fail: the status line, and a screenshot. */
    @AfterEach
    void keepTheLastView() throws Exception {
        if (browser != null) {
            System.out.println("DashboardIT: at " + browser.getCurrentUrl() + " the status line reads \""
                    + browser.findElement(By.id("status")).getText() + "\"");
            screenshot("last");
        }
    }

    @AfterAll
    static void stopEverything() throws Exception {
        if (browser != null) {
            browser.quit();
        }
        for (ServiceProcess service : SERVICES) {
            service.close();
        }
    }

    @Test
    void aReaderSeesTheRankingTheMapTheDrillDownInThreeLanguages() throws Exception {
        given().header("Authorization", bearer("admin"))
                .post(routing.baseUrl() + "/api/v1/admin/territory/import?source=sample").then().statusCode(200);
        LocalDate yesterday = LocalDate.now(ZoneOffset.ofHours(5)).minusDays(1);
        Instant firstSent = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        try (KafkaProbe probe = new KafkaProbe(Topics.ROUTING)) {
            for (int district = 0; district < RURAL_DISTRICTS.size(); district++) {
                for (int appeal = 0; appeal < 4; appeal++) {
                    UUID appealId = UUID.randomUUID();
                    send(probe, routed(appealId, RURAL_DISTRICTS.get(district), yesterday));
                    if (appeal < district) {
                        send(probe, new Escalated(appealId, ruralBody(RURAL_DISTRICTS.get(district)),
                                new Body("presidential-administration", BodyLevel.PRESIDENTIAL_ADMINISTRATION, null, "ПӘ", "АП"),
                                yesterday.plusDays(20), null, Instant.now()));
                    }
                }
            }
        }
        String period = "?from=" + yesterday.withDayOfYear(1) + "&to=" + LocalDate.now(ZoneOffset.ofHours(5));
        JsonPath ranking = eventually("the three rural districts ranked, with their names", () -> {
            Response response = given().header("Authorization", bearer("analyst"))
                    .get(analytics.baseUrl() + "/api/v1/rankings/rural-districts" + period + "&districtKato=" + DISTRICT);
            if (response.statusCode() != 200) {
                return null;
            }
            List<String> ranked = response.jsonPath().getList("ranked.kato");
            return ranked.containsAll(RURAL_DISTRICTS) && given().header("Authorization", bearer("analyst"))
                    .get(analytics.baseUrl() + "/api/v1/metrics/rural-districts/" + RURAL_DISTRICTS.get(0) + period)
                    .jsonPath().getString("territory.nameRu") != null ? response.jsonPath() : null;
        });
        List<String> expectedOrder = ranking.getList("ranked.kato");

        browser.get(analytics.baseUrl() + "/dashboard/?lang=ru&region=" + REGION + "#token="
                + Tokens.forRole("analyst"));
        // The page redraws its tables on every step, so an element read mid-redraw may be gone: read again.
        var wait = new WebDriverWait(browser, Duration.ofSeconds(60))
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class);
        wait.until(page -> text("#status").isEmpty() && rows("#ranking tbody tr").size() >= RURAL_DISTRICTS.size()
                && !browser.findElements(By.cssSelector("#map path")).isEmpty());
        assertTrue(browser.getCurrentUrl().contains("region=" + REGION) && !browser.getCurrentUrl().contains("token"),
                "the place is in the address, the token is not: " + browser.getCurrentUrl());

        // The ranking is the API's ranking of the region, in Russian, with the districts' Russian names.
        assertEquals("Рейтинг сельских округов", text("#ranking-section h2"));
        // Other tests' appeals in the region may be ranked between the page's read and this one (rankings are
        // recomputed in the background), and a ranking computed before this test's events may already list the
        // same districts in the same order (bands, then codes): the page is read again until it shows the ranking
        // the API serves then, computed after the events.
        JsonPath regionRanking = null;
        List<String> shown = List.of();
        for (int attempt = 0; attempt < 6; attempt++) {
            regionRanking = JsonPath.from(given().header("Authorization", bearer("analyst"))
                    .get(analytics.baseUrl() + "/api/v1/rankings/rural-districts" + period + "&regionKato=" + REGION)
                    .asString());
            shown = rows("#ranking tbody tr").stream().map(row -> row.getAttribute("data-kato")).toList();
            Instant pageComputedAt = shownComputedAt();
            // the headline figures the page read with it, as the API gives them now
            String received = given().header("Authorization", bearer("analyst"))
                    .get(analytics.baseUrl() + "/api/v1/dashboard/headline/regions/" + REGION + period).jsonPath()
                    .getString("received.shown");
            List<String> notRankedShown = rows("#not-ranked tbody tr").stream()
                    .map(row -> row.getAttribute("data-kato")).toList();
            if (regionRanking.getList("ranked.kato").equals(shown) && pageComputedAt != null
                    && regionRanking.getList("notRanked.kato").equals(notRankedShown)
                    && !pageComputedAt.isBefore(firstSent) && text("#headline dd").startsWith(received)) {
                break;
            }
            Thread.sleep(5_000);
            browser.navigate().refresh();
            wait.until(page -> text("#status").isEmpty() && rows("#ranking tbody tr").size() >= RURAL_DISTRICTS.size());
        }
        assertEquals(regionRanking.getList("ranked.kato"), shown);
        String bestName = given().header("Authorization", bearer("analyst"))
                .get(analytics.baseUrl() + "/api/v1/metrics/rural-districts/"
                        + regionRanking.getString("ranked[0].kato") + period).jsonPath().getString("territory.nameRu");
        assertEquals(bestName, rowName("#ranking tbody tr"));
        // When it was computed, on the country's clock: after the events it counts, and not in the future.
        Instant shownComputedAt = shownComputedAt();
        assertTrue(shownComputedAt != null, "computed-at: " + text("#computed-at"));
        assertTrue(!shownComputedAt.isBefore(firstSent) && !shownComputedAt.isAfter(Instant.now()),
                "computed at " + shownComputedAt + ", events sent from " + firstSent);
        // Folded under "Формула" until opened: read what opening it shows.
        assertTrue(browser.findElement(By.id("formula")).getAttribute("textContent").contains("Wilson"),
                "the formula is published beside the index");
        assertTrue(expectedOrder.indexOf("991021000") < expectedOrder.indexOf("991025000"),
                "no escalation ranks above two of four: " + expectedOrder);

        // The ranking explained: the settings in force and a link to the methodology page in the page's language.
        assertTrue(text("#ranking-explained").contains(String.valueOf(regionRanking.getInt("minimumAppeals")))
                && text("#ranking-explained").contains(String.valueOf(regionRanking.getInt("applicantWeightCap"))),
                "settings in force: " + text("#ranking-explained"));
        assertTrue(browser.findElement(By.id("methodology-link")).getDomProperty("href")
                .endsWith("/dashboard/methodology-ru.html"));
        // Every rural district of the region is on the page (as the ranking the page shows lists it): ranked, or
        // not ranked with its reason; and the ranking lists every rural district analytics knows in the region.
        assertEquals(regionRanking.getList("notRanked.kato"), rows("#not-ranked tbody tr").stream()
                .map(row -> row.getAttribute("data-kato")).toList());
        for (WebElement row : rows("#not-ranked tbody tr")) {
            assertTrue(!row.findElement(By.cssSelector("td[data-reason]")).getText().isBlank(), "reason shown");
        }
        JsonPath shownRanking = regionRanking;
        List<String> everyRuralDistrict = given().header("Authorization", bearer("analyst"))
                .get(analytics.baseUrl() + "/api/v1/metrics/rural-districts" + period + "&regionKato=" + REGION)
                .jsonPath().getList("kato");
        java.util.Set<String> ranked = new java.util.TreeSet<>(shownRanking.getList("ranked.kato"));
        ranked.addAll(shownRanking.getList("notRanked.kato"));
        assertTrue(ranked.containsAll(RURAL_DISTRICTS) && ranked.size() > RURAL_DISTRICTS.size()
                && everyRuralDistrict.containsAll(ranked), "units without appeals listed too: " + ranked);

        // The headline figures at the top, as the API gives them to the analyst, and the funnel with its table.
        JsonPath headline = JsonPath.from(given().header("Authorization", bearer("analyst"))
                .get(analytics.baseUrl() + "/api/v1/dashboard/headline/regions/" + REGION + period).asString());
        List<WebElement> figures = browser.findElements(By.cssSelector("#headline dd"));
        assertTrue(figures.size() >= 10, "headline figures: " + figures.size());
        assertTrue(figures.get(0).getText().startsWith(headline.getString("received.shown")),
                figures.get(0).getText() + " vs " + headline.getString("received.shown"));
        assertTrue(browser.findElements(By.cssSelector("#funnel circle")).size() >= RURAL_DISTRICTS.size(),
                "the funnel's dots");
        assertTrue(rows("#funnel-table tbody tr").size() >= RURAL_DISTRICTS.size(), "the funnel as a table");
        assertTrue(!text("#funnel-reference").isBlank());

        // The map: every sample polygon of the region is drawn, the ranked ones coloured by their band, each
        // marked with its band's symbol too, and named for a screen reader.
        List<WebElement> polygons = browser.findElements(By.cssSelector("#map a path"));
        assertTrue(polygons.size() >= RURAL_DISTRICTS.size(), "polygons: " + polygons.size());
        for (String kato : RURAL_DISTRICTS) {
            WebElement polygon = browser.findElement(By.cssSelector("#map path[data-kato='" + kato + "']"));
            assertNotEquals("#c8ced4", polygon.getAttribute("fill"), kato + " is coloured");
            WebElement area = browser.findElement(By.cssSelector("#map a[data-kato='" + kato + "']"));
            assertTrue(!area.findElement(By.tagName("text")).getAttribute("textContent").isBlank(), "symbol");
            assertTrue(area.getDomAttribute("aria-label").contains(" — "), area.getDomAttribute("aria-label"));
        }
        assertEquals(List.of(), accessibilityProblems());
        // Keyboard: the skip link first, then on to the drill-down links, the ranking's links and the map's areas.
        browser.executeScript("document.activeElement.blur(); window.scrollTo(0, 0);");
        new Actions(browser).sendKeys(Keys.TAB).perform();
        assertEquals("skip", browser.switchTo().activeElement().getDomAttribute("class"));
        java.util.Set<String> reached = new java.util.HashSet<>();
        for (int tab = 0; tab < 400 && reached.size() < 3; tab++) {
            WebElement focused = browser.switchTo().activeElement();
            String where = (String) browser.executeScript("const e = arguments[0]; return e.closest('#units') ? "
                    + "'units' : e.closest('#ranking') ? 'ranking' : e.closest('#map') ? 'map' : '';", focused);
            if (!where.isEmpty() && focused.getDomAttribute("href") != null) {
                reached.add(where);
            }
            new Actions(browser).sendKeys(Keys.TAB).perform();
        }
        assertEquals(java.util.Set.of("units", "ranking", "map"), reached, "reached by Tab");
        screenshot("ru");

        // Kazakh and English: the page's own words change, and so do the names of the territories.
        browser.findElement(By.cssSelector("#languages a[data-lang='kk']")).click();
        wait.until(page -> text("#status").isEmpty() && "Ауылдық округтер рейтингі".equals(text("#ranking-section h2"))
                && rows("#ranking tbody tr").size() >= RURAL_DISTRICTS.size());
        assertTrue(browser.getCurrentUrl().contains("lang=kk"), browser.getCurrentUrl());
        String bestNameKk = given().header("Authorization", bearer("analyst"))
                .get(analytics.baseUrl() + "/api/v1/metrics/rural-districts/"
                        + regionRanking.getString("ranked[0].kato") + period).jsonPath().getString("territory.nameKk");
        assertEquals(bestNameKk, rowName("#ranking tbody tr"));
        screenshot("kk");
        browser.findElement(By.cssSelector("#languages a[data-lang='en']")).click();
        wait.until(page -> text("#status").isEmpty() && "Rural districts ranked".equals(text("#ranking-section h2")));
        assertEquals("en", browser.findElement(By.tagName("html")).getAttribute("lang"));
        screenshot("en");

        // Another comparison group: the map draws only the units it compares, none here (the region has rural
        // districts only), so it is not shown; back to the rural akims, it is.
        new Select(browser.findElement(By.id("group"))).selectByValue("CITIES");
        wait.until(page -> text("#status").isEmpty()
                && "Cities of regional significance and city districts ranked".equals(text("#ranking-section h2")));
        assertFalse(browser.findElement(By.id("map-section")).isDisplayed(), "no city on the rural districts' map");
        new Select(browser.findElement(By.id("group"))).selectByValue("RURAL");
        wait.until(page -> text("#status").isEmpty() && "Rural districts ranked".equals(text("#ranking-section h2"))
                && browser.findElement(By.id("map-section")).isDisplayed());
        assertTrue(browser.findElements(By.cssSelector("#map path[data-band='other']")).isEmpty(),
                "every rural district is in the rural akims' comparison");

        // The phone: nothing scrolls sideways at 360 px; tables scroll inside their own region.
        browser.manage().window().setSize(new Dimension(360, 800));
        browser.navigate().refresh();
        wait.until(page -> text("#status").isEmpty() && rows("#ranking tbody tr").size() >= RURAL_DISTRICTS.size());
        assertEquals("en", browser.findElement(By.tagName("html")).getAttribute("lang"), "reload keeps the language");
        long documentWidth = (Long) browser.executeScript("return document.documentElement.scrollWidth;");
        long viewportWidth = (Long) browser.executeScript("return window.innerWidth;");
        assertTrue(documentWidth <= viewportWidth, "document " + documentWidth + " px in a " + viewportWidth
                + " px viewport");
        screenshot("phone");
        browser.manage().window().setSize(new Dimension(1400, 1100));

        // A rural district reached from the region's ranking: the breadcrumb names its district too.
        browser.findElement(By.cssSelector("#ranking tbody tr[data-kato='991025000'] a")).click();
        wait.until(page -> text("#status").isEmpty()
                && browser.findElements(By.cssSelector("#breadcrumbs > span")).size() == 4);
        assertTrue(browser.findElement(By.cssSelector("#breadcrumbs a[data-kato='" + DISTRICT + "']")).getText()
                .matches(".*\\p{L}.*"), "the district by name: " + text("#breadcrumbs"));
        browser.navigate().back();
        wait.until(page -> text("#status").isEmpty() && rows("#ranking tbody tr").size() >= RURAL_DISTRICTS.size());

        // Drill-down: region → district (its rural districts listed) → rural district (categories and trend).
        rows("#units tbody tr").stream().filter(row -> DISTRICT.equals(row.getAttribute("data-kato"))).findFirst()
                .orElseThrow().findElement(By.tagName("a")).click();
        // A step's tables, map and trend arrive one after the other; the status line empties when all are drawn.
        wait.until(page -> text("#status").isEmpty()
                && browser.findElements(By.cssSelector("#breadcrumbs > span")).size() == 3
                && rows("#units tbody tr").stream().map(row -> row.getAttribute("data-kato")).toList()
                .containsAll(RURAL_DISTRICTS)
                && browser.findElements(By.cssSelector("#map a path")).stream()
                .allMatch(path -> path.getAttribute("data-kato").startsWith(DISTRICT.substring(0, 4))));
        assertTrue(browser.getCurrentUrl().contains("district=" + DISTRICT), browser.getCurrentUrl());
        assertTheDistrictMapFitsIsLabelledAndZooms();
        browser.findElement(By.cssSelector("#map path[data-kato='991025000']")).click();
        wait.until(page -> text("#status").isEmpty()
                && browser.findElements(By.cssSelector("#breadcrumbs > span")).size() == 4
                && !rows("#units tbody tr[data-category='roads']").isEmpty());
        assertEquals("Roads", rowName("#units tbody tr[data-category='roads']"), "category names translated");
        assertTrue(browser.findElement(By.id("trend-received")).getAttribute("points").contains(","),
                "the monthly trend is drawn");
        assertTrue(!text("#trend-summary").isBlank(), "the trend's text alternative");
        assertEquals("0", browser.findElement(By.cssSelector("#trend text")).getText(), "the count axis from zero");
        assertTrue(browser.findElements(By.cssSelector("#trend text")).size() >= 3, "the axis has a scale");
        assertTrue(browser.findElement(By.id("status")).getText().isEmpty(), "no error shown");
        assertEquals(List.of(), accessibilityProblems());
        screenshot("rural-district");
        // Back returns to the district, inside the dashboard.
        browser.navigate().back();
        wait.until(page -> text("#status").isEmpty()
                && browser.findElements(By.cssSelector("#breadcrumbs > span")).size() == 3);

        // One month: the trend still draws, its one point on an axis from zero.
        browser.get(analytics.baseUrl() + "/dashboard/?lang=en&rural=991025000&from=" + yesterday + "&to="
                + yesterday);
        wait.until(page -> text("#status").isEmpty() && !browser.findElements(By.id("trend-received")).isEmpty());
        assertEquals(1, browser.findElements(By.cssSelector("#trend circle")).size(), "one month, one point");
        assertTrue(browser.findElement(By.id("trend-received")).getAttribute("points").contains(","));

        // The public view, without a token: the headline figures, the units, the ranking, the map and the trend as
        // the open data would show them (counts of 1-4 as "<5"); routing publishes the map's boundaries.
        browser.executeScript("sessionStorage.removeItem('appeals.token');");
        browser.get(analytics.baseUrl() + "/dashboard/?lang=ru&district=" + DISTRICT);
        // drawn when the status line ("Loading…" meanwhile) is empty again with the ranking and the trend on the page
        wait.until(page -> text("#status").isEmpty() && rows("#ranking tbody tr").size() >= RURAL_DISTRICTS.size()
                && !browser.findElements(By.id("trend-received")).isEmpty());
        JsonPath publicRanking = JsonPath.from(given().get(analytics.baseUrl() + "/api/v1/dashboard/ranking/districts/"
                + DISTRICT + periodOf(browser.getCurrentUrl())).asString());
        assertTrue(publicRanking.getBoolean("smallCountsSuppressed"));
        assertEquals(publicRanking.getList("ranked.kato"), rows("#ranking tbody tr").stream()
                .map(row -> row.getAttribute("data-kato")).toList());
        assertEquals(publicRanking.getString("ranked[0].received.shown"),
                rows("#ranking tbody tr").get(0).findElements(By.tagName("td")).get(1).getText());
        assertTrue(rows("#units tbody tr").stream().map(row -> row.getAttribute("data-kato")).toList()
                .containsAll(RURAL_DISTRICTS), "every rural district listed without a token");
        wait.until(page -> browser.findElements(By.cssSelector("#map a[href]")).size() >= RURAL_DISTRICTS.size());
        for (String kato : RURAL_DISTRICTS) {
            WebElement area = browser.findElement(By.cssSelector("#map a[data-kato='" + kato + "']"));
            browser.executeScript("arguments[0].focus();", area); // does nothing to what cannot take focus
            assertEquals(kato, browser.switchTo().activeElement().getDomAttribute("data-kato"), "area focusable");
            assertTrue(area.getDomAttribute("aria-label").contains(" — "), area.getDomAttribute("aria-label"));
        }
        assertTheDistrictMapFitsIsLabelledAndZooms();
        assertTrue(text("#headline-note").contains("<5"), text("#headline-note"));
        assertTrue(browser.findElement(By.id("token-field")).isDisplayed(), "the token field is offered");
        assertEquals(List.of(), accessibilityProblems());
        screenshot("public");
        copyForTheReadme("public", "dashboard-desktop.png");
        browser.manage().window().setSize(new Dimension(360, 800));
        browser.navigate().refresh();
        wait.until(page -> text("#status").isEmpty() && rows("#ranking tbody tr").size() >= RURAL_DISTRICTS.size());
        assertTrue((Long) browser.executeScript("return document.documentElement.scrollWidth;")
                <= (Long) browser.executeScript("return window.innerWidth;"), "no sideways scrolling at 360 px");
        assertEquals(List.of(), accessibilityProblems());
        screenshot("public-phone");
        copyForTheReadme("public-phone", "dashboard-phone.png");
        browser.manage().window().setSize(new Dimension(1400, 1100));

        // A rural district opened directly: the breadcrumb has the region and the district by name.
        browser.get(analytics.baseUrl() + "/dashboard/?lang=ru&rural=991021000");
        wait.until(page -> text("#status").isEmpty() && !browser.findElements(By.cssSelector("#headline dd")).isEmpty()
                && !rows("#units tbody tr[data-category='roads']").isEmpty());
        JsonPath open = JsonPath.from(given().get(analytics.baseUrl() + "/api/v1/dashboard/headline/rural-districts/"
                + "991021000" + periodOf(browser.getCurrentUrl())).asString());
        assertTrue(open.getBoolean("smallCountsSuppressed"));
        assertTrue(text("#headline dd").startsWith(open.getString("received.shown")),
                text("#headline dd") + " vs " + open.getString("received.shown"));
        assertEquals("Дороги", rowName("#units tbody tr[data-category='roads']"), "category names translated");
        assertEquals(4, browser.findElements(By.cssSelector("#breadcrumbs > span")).size(),
                "region › district › rural district");
        assertTrue(!text("#breadcrumbs").matches(".*\\d{9}.*"), "names, not codes: " + text("#breadcrumbs"));

        // A bad token, in Kazakh: said in Kazakh, the token field stays for another, the public view meanwhile.
        browser.get(analytics.baseUrl() + "/dashboard/?lang=kk&district=" + DISTRICT + "#token=not-a-token");
        wait.until(page -> text("#status").startsWith("Токен"));
        assertEquals("Токен жарамсыз немесе мерзімі өтті: басқасын енгізіңіз", text("#status"));
        assertTrue(rows("#ranking tbody tr").size() >= RURAL_DISTRICTS.size(), "the public ranking meanwhile");
        assertTrue(browser.findElement(By.id("token-field")).isDisplayed(), "the token field stays");
        assertTrue(!text("#breadcrumbs").matches(".*\\d{9}.*"), text("#breadcrumbs"));

        // The open data the page links: every rural district of the region, as a file, with its licence.
        String openData = browser.findElement(By.id("open-data-link")).getDomProperty("href");
        Response csv = given().get(openData);
        assertEquals(200, csv.statusCode(), openData);
        assertTrue(csv.header("Content-Disposition").startsWith("attachment; filename="), csv.header("Content-Disposition"));
        assertTrue(csv.header("Link").contains("rel=\"license\"") && csv.header("Link").contains("dictionary"));
        List<String> everyRuralDistrictOfTheRegion = given().header("Authorization", bearer("analyst"))
                .get(analytics.baseUrl() + "/api/v1/metrics/rural-districts" + periodOf(openData) + "&regionKato="
                        + REGION).jsonPath().getList("kato");
        assertEquals(everyRuralDistrictOfTheRegion.size() + 1, csv.asString().split("\r\n").length,
                "a row per rural district, with or without appeals");

        // The small things: the icon, and the API described in its OpenAPI document.
        given().get(analytics.baseUrl() + "/favicon.ico").then().statusCode(200).contentType("image/x-icon");
        assertTrue(!given().get(analytics.baseUrl() + "/q/openapi?format=json").jsonPath().getString("info.description")
                .isBlank());
    }

    /**
     * A district's map: framed to the district's own extent (its areas span the frame's width or height, the frame
     * neither a strip nor a wide band), names on the areas that hold them, and the zoom buttons, by keyboard,
     * narrowing the view and showing more names, then the reset returning to the whole district.
     */
    private static void assertTheDistrictMapFitsIsLabelledAndZooms() {
        double[] frame = viewBox();
        @SuppressWarnings("unchecked")
        List<Number> areas = (List<Number>) browser.executeScript("""
                const boxes = [...document.querySelectorAll('#map a path')].map(path => path.getBBox());
                const left = Math.min(...boxes.map(b => b.x)), top = Math.min(...boxes.map(b => b.y));
                return [Math.max(...boxes.map(b => b.x + b.width)) - left, Math.max(...boxes.map(b => b.y + b.height)) - top];""");
        assertTrue(areas.get(0).doubleValue() >= 0.9 * frame[2] || areas.get(1).doubleValue() >= 0.9 * frame[3],
                "the district fills its frame: " + areas + " in " + java.util.Arrays.toString(frame));
        assertTrue(frame[3] / frame[2] >= 0.5 && frame[3] / frame[2] <= 1.6, "frame " + java.util.Arrays.toString(frame));
        int namesBefore = visibleNames();
        assertTrue(namesBefore >= 1, "a district's areas are named on the map");
        browser.findElement(By.id("map-zoom-in")).sendKeys(Keys.ENTER);
        browser.findElement(By.id("map-zoom-in")).sendKeys(Keys.ENTER);
        double[] zoomed = viewBox();
        assertEquals(frame[2] / 4, zoomed[2], 0.5, "two steps in: a quarter of the width");
        String address = browser.getCurrentUrl();
        new Actions(browser).moveToElement(browser.findElement(By.id("map"))).clickAndHold().moveByOffset(-60, -40)
                .release().perform();
        double[] dragged = viewBox();
        assertTrue(dragged[0] > zoomed[0] && dragged[1] > zoomed[1] && dragged[2] == zoomed[2],
                "dragged left and up, it shows what lies right and below: " + java.util.Arrays.toString(dragged));
        assertEquals(address, browser.getCurrentUrl(), "a drag opens no area");
        // Tab from the last button into the map: its first area, out of the zoomed view, is brought into it
        WebElement firstArea = browser.findElement(By.cssSelector("#map a[data-kato]"));
        String inView = """
                const b = arguments[0].getBBox(), v = document.getElementById('map').viewBox.baseVal;
                const x = b.x + b.width / 2, y = b.y + b.height / 2;
                return x >= v.x && x <= v.x + v.width && y >= v.y && y <= v.y + v.height;""";
        assertEquals(false, browser.executeScript(inView, firstArea), "out of the zoomed view before");
        browser.executeScript("document.getElementById('map-reset').focus();");
        new Actions(browser).sendKeys(Keys.TAB).perform();
        assertEquals(firstArea.getDomAttribute("data-kato"), browser.executeScript(
                "return document.activeElement.getAttribute('data-kato') || document.activeElement.outerHTML.slice(0, 120);"));
        assertEquals(true, browser.executeScript(inView, firstArea), "brought into view when focused");
        browser.findElement(By.id("map-zoom-out")).sendKeys(Keys.ENTER);
        assertEquals(frame[2] / 2, viewBox()[2], 0.5);
        browser.findElement(By.id("map-reset")).sendKeys(Keys.ENTER);
        assertEquals(java.util.Arrays.toString(frame), java.util.Arrays.toString(viewBox()), "reset");
        assertEquals(namesBefore, visibleNames());
    }

    private static double[] viewBox() {
        String[] box = browser.findElement(By.id("map")).getDomAttribute("viewBox").trim().split("\\s+");
        return java.util.Arrays.stream(box).mapToDouble(Double::parseDouble).toArray();
    }

    /** The names drawn on the map's areas (not those shown only on hover or focus). */
    private static int visibleNames() {
        return ((Number) browser.executeScript("return [...document.querySelectorAll('#map-labels text')]"
                + ".filter(name => name.getAttribute('visibility') === 'visible' && name.textContent).length;"))
                .intValue();
    }

    /** Copies a screenshot to docs/img/ for the README, when the run asks for it. */
    private static void copyForTheReadme(String shot, String name) throws java.io.IOException {
        if (README_SCREENSHOTS) {
            Path images = ServiceProcess.ROOT.resolve("docs/img");
            Files.createDirectories(images);
            Files.copy(TARGET.resolve("dashboard-" + shot + ".png"), images.resolve(name),
                    StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** The period of a dashboard address, as a query string. */
    private static String periodOf(String address) {
        Matcher period = Pattern.compile("from=([0-9-]+)&to=([0-9-]+)").matcher(address);
        assertTrue(period.find(), address);
        return "?from=" + period.group(1) + "&to=" + period.group(2);
    }

    /** The territory (or category) named in the first row matching the selector: its row header. */
    private static String rowName(String selector) {
        return rows(selector).get(0).findElement(By.cssSelector("th[scope='row']")).getText();
    }

    /**
     * The serious and critical violations axe-core (Deque's engine, injected into the page) finds, WCAG 2.x A and AA
     * and best practice, and what it does not check but the issue asks: links without an address, tables without a
     * caption or headers without a scope, charts without a text alternative, map areas without a name or a symbol
     * (colour alone), no skip link.
     */
    @SuppressWarnings("unchecked")
    private static List<String> accessibilityProblems() throws java.io.IOException {
        List<String> problems = new ArrayList<>();
        if (browser.executeScript("return typeof axe;").equals("undefined")) {
            browser.executeScript(AXE.get());
        }
        browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(120));
        problems.addAll((List<String>) browser.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, { resultTypes: ['violations'] }).then(results => done(results.violations
                  .filter(v => v.impact === 'serious' || v.impact === 'critical')
                  .map(v => 'axe ' + v.impact + ' ' + v.id + ': ' + v.nodes.slice(0, 3)
                    .map(node => node.target.join(' ')).join('; '))), error => done(['axe failed: ' + error]));"""));
        problems.addAll((List<String>) browser.executeScript("""
                const problems = [];
                document.querySelectorAll('a').forEach(a => {
                  if (!a.getAttribute('href')) problems.push('link without href: ' + a.outerHTML.slice(0, 80));
                });
                document.querySelectorAll('table').forEach(table => {
                  const caption = table.querySelector('caption');
                  if (!caption || !caption.textContent.trim()) problems.push('table without caption: ' + table.id);
                  table.querySelectorAll('th').forEach(th => {
                    if (!['col', 'row'].includes(th.getAttribute('scope'))) problems.push('th without scope: ' + table.id);
                  });
                });
                document.querySelectorAll('svg').forEach(svg => {
                  if (svg.closest('[hidden]')) return;
                  const label = svg.getAttribute('aria-label') || (svg.getAttribute('aria-labelledby') || '').split(' ')
                    .map(id => (document.getElementById(id) || {}).textContent || '').join(' ').trim();
                  if (!svg.getAttribute('role') || !label) problems.push('chart without text alternative: ' + svg.id);
                });
                document.querySelectorAll('img').forEach(img => {
                  if (!img.hasAttribute('alt')) problems.push('image without alt: ' + img.src);
                });
                document.querySelectorAll('#map a').forEach(area => {
                  if (!area.getAttribute('aria-label')) problems.push('map area without a name');
                  if (!(area.querySelector('text') || {}).textContent) problems.push('map area marked by colour only');
                });
                document.querySelectorAll('input').forEach(input => {
                  if (!input.closest('label') && !input.getAttribute('aria-label')) problems.push('input without label');
                });
                if (!document.documentElement.lang) problems.push('no language');
                const skip = document.querySelector('a.skip');
                if (!skip || !document.querySelector(skip.getAttribute('href'))) problems.push('no skip link');
                return problems;"""));
        return problems;
    }

    /** axe-core's script, from the axe-core Selenium jar, read once. */
    private static final Supplier<String> AXE = new Supplier<>() {
        private String script;

        @Override
        public synchronized String get() {
            if (script == null) {
                try (var in = DashboardIT.class.getResourceAsStream("/axe.min.js")) {
                    script = new String(java.util.Objects.requireNonNull(in, "axe.min.js on the class path")
                            .readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }
            return script;
        }
    };

    private static List<WebElement> rows(String selector) {
        return browser.findElements(By.cssSelector(selector));
    }

    /** When the ranking on the page was computed, as it says in Russian on the country's clock; null if it does not. */
    private static Instant shownComputedAt() {
        Matcher computedAt = Pattern.compile("Рассчитано (\\d{4}-\\d{2}-\\d{2}) (\\d{2}:\\d{2}:\\d{2}) \\(UTC\\+5\\)")
                .matcher(text("#computed-at"));
        return computedAt.matches() ? LocalDateTime.parse(computedAt.group(1) + "T" + computedAt.group(2))
                .toInstant(ZoneOffset.ofHours(5)) : null;
    }

    private static String text(String selector) {
        return browser.findElement(By.cssSelector(selector)).getText();
    }

    private static void screenshot(String name) throws java.io.IOException {
        File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Files.createDirectories(TARGET);
        Files.copy(shot.toPath(), TARGET.resolve("dashboard-" + name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    private static Routed routed(UUID appealId, String ruralDistrict, LocalDate registered) {
        return new Routed(appealId, "KZ-TEST", ruralBody(ruralDistrict), ruralDistrict, DISTRICT, REGION,
                RoutingMethod.KATO, "by location", AppealType.APPLICATION, "roads", "Pothole", Language.ru,
                registered, Instant.now());
    }

    private static Body ruralBody(String ruralDistrict) {
        return new Body("rural-akim:" + ruralDistrict, BodyLevel.RURAL_DISTRICT, ruralDistrict, "Әкім аппараты",
                "Аппарат акима");
    }

    private static void send(KafkaProbe probe, ContractEvent event) throws Exception {
        EventType type = EventType.of(event.getClass());
        probe.send(type.topic(), event.subject(), KafkaProbe.cloudEventHeaders(type, UUID.randomUUID(),
                event.subject()), ContractJson.mapper().writeValueAsString(event));
    }

    private static String bearer(String role) {
        return Tokens.bearer(Tokens.forRole(role));
    }

    private static <T> T eventually(String what, Supplier<T> probe) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(90);
        while (Instant.now().isBefore(deadline)) {
            T value = probe.get();
            if (value != null) {
                return value;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("Not within 90 s: " + what);
    }
}
