package io.armature.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The console in a real browser (Debian's headless Chromium) against a real demo runtime: log in,
 * roles, features, a plugin uploaded and configured through its generated form, a driver created
 * from its form, live and bucketed charts, every page rendered. Screenshots land in {@code
 * target/console-screenshots/}.
 */
class ConsoleIT extends OneRuntimePerClass {
    private static final String VIEWER_PASSWORD = "a viewer's long password";
    private static Chromium browser;
    private static String adminPassword;

    @BeforeAll
    static void openBrowser() throws Exception {
        adminPassword =
                Files.readString(runtime.home().resolve("data/secrets/admin.password")).strip();
        browser = Chromium.start(1280, 900);
    }

    @AfterAll
    static void closeBrowser() throws Exception {
        if (browser != null) {
            browser.close();
        }
    }

    @BeforeEach
    void loggedOut() {
        browser.open(runtime.baseUrl() + "/console/");
        browser.driver.manage().deleteAllCookies();
    }

    private void logIn(String user, String password) {
        browser.open(runtime.baseUrl() + "/console/#/login");
        browser.find("input[name=user]").sendKeys(user);
        browser.find("input[name=password]").sendKeys(password);
        browser.find("form.login-form button[type=submit]").click();
        browser.await("logged in", d -> !d.getCurrentUrl().contains("#/login"));
    }

    private void go(String hash, String heading) {
        browser.open(runtime.baseUrl() + "/console/" + hash);
        browser.awaitHeading(heading);
    }

    private List<String> navigation() {
        return browser.driver.findElements(By.cssSelector("#nav a")).stream()
                .map(WebElement::getText)
                .toList();
    }

    @Test
    void theRootLeadsToTheLoginPageAndAnAdminSeesTheOverview() throws Exception {
        browser.open(runtime.baseUrl() + "/");
        browser.await("login page", d -> d.getCurrentUrl().contains("/console/#/login"));
        browser.awaitHeading("Log in to Armature");
        browser.screenshot("login");
        browser.find("input[name=user]").sendKeys("admin");
        browser.find("input[name=password]").sendKeys("wrong password");
        browser.find("form.login-form button[type=submit]").click();
        browser.await(
                "refusal shown",
                d -> d.findElement(By.cssSelector(".login-form .problem")).isDisplayed());

        logIn("admin", adminPassword);
        browser.awaitHeading("Overview");
        browser.await(
                "ingest rate",
                d -> d.findElement(By.id("ingest-rate")).getText().contains("samples/s"));
        browser.await(
                "devices online",
                d ->
                        d.findElement(By.cssSelector("#devices-online .value"))
                                .getText()
                                .matches("[3-9] online.*"));
        assertTrue(
                navigation()
                        .containsAll(
                                List.of("Features", "Plugins", "Configuration", "Users", "Audit")),
                navigation().toString());
        browser.screenshot("overview");
        assertNoScriptErrors();
    }

    @Test
    void aViewerSeesNoAdminControlsAndAForcedAdminCallIsRefused() throws Exception {
        createUser("vera", "{\"role\":\"viewer\",\"tenant\":null}");
        logIn("vera", VIEWER_PASSWORD);
        browser.awaitHeading("Overview");
        List<String> nav = navigation();
        for (String adminOnly : List.of("Features", "Plugins", "Configuration", "Users", "Audit")) {
            assertFalse(nav.contains(adminOnly), adminOnly + " offered to a viewer: " + nav);
        }
        go("#/drivers", "Drivers");
        browser.await(
                "driver rows", d -> !d.findElements(By.cssSelector("tr[data-driver]")).isEmpty());
        assertTrue(browser.driver.findElements(By.id("new-driver-type")).isEmpty());
        assertTrue(browser.driver.findElements(By.cssSelector("tr[data-driver] button")).isEmpty());
        Object status =
                browser.asyncScript(
                        "const done = arguments[arguments.length - 1];"
                                + "fetch('/api/v1/auth/me').then(r => r.json()).then(me =>"
                                + " fetch('/api/v1/system/features/armature-webconsole', {method: 'PUT',"
                                + " headers: {'Content-Type': 'application/json', 'X-CSRF-Token': me.csrf_token},"
                                + " body: JSON.stringify({enabled: false})})).then(r => done(r.status),"
                                + " e => done(String(e)));");
        assertEquals(403L, status, "a viewer's session cannot disable a feature");
        assertTrue(
                runtime.getJson("/api/v1/system/features/armature-webconsole")
                        .get("enabled")
                        .asBoolean());
        go("#/features", "Features");
        assertFalse(
                browser.find("#feature-armature-webconsole").isEnabled(), "no switch for a viewer");
    }

    @Test
    void anEndedSessionReturnsToThePageAfterTheNextLogin() throws Exception {
        createUser("otto", "{\"role\":\"operator\",\"tenant\":\"demo\"}");
        logIn("otto", VIEWER_PASSWORD);
        go("#/devices?tenant=demo&status=online", "Devices");
        String page = browser.driver.getCurrentUrl();
        var changed =
                runtime.patch("/api/v1/users/otto", "{\"password\":\"otto's new long password\"}");
        assertEquals(200, changed.statusCode(), changed.body());
        // the devices page refreshes itself: its next request meets the ended session
        browser.await("back at the login", d -> d.getCurrentUrl().contains("#/login"));
        browser.awaitHeading("Log in to Armature");
        assertTrue(browser.find("main .notice").getText().contains("session has ended"));
        browser.find("input[name=user]").sendKeys("otto");
        browser.find("input[name=password]").sendKeys("otto's new long password");
        browser.find("form.login-form button[type=submit]").click();
        browser.await("returned to the page", d -> d.getCurrentUrl().equals(page));
        browser.awaitHeading("Devices");
    }

    @Test
    void anAdminSwitchesAFeatureOffAndOn() throws Exception {
        logIn("admin", adminPassword);
        go("#/features", "Features");
        WebElement toggle = browser.find("#feature-armature-webconsole");
        assertTrue(toggle.isSelected());
        toggle.click();
        RuntimeProcess.await(
                "feature disabled",
                Duration.ofSeconds(20),
                () ->
                        !runtime.getJson("/api/v1/system/features/armature-webconsole")
                                .get("enabled")
                                .asBoolean());
        browser.await(
                "switch re-rendered off",
                d ->
                        !d.findElement(By.id("feature-armature-webconsole")).isSelected()
                                && d.findElement(By.id("feature-armature-webconsole")).isEnabled());
        browser.screenshot("features");
        browser.find("#feature-armature-webconsole").click();
        RuntimeProcess.await(
                "feature enabled",
                Duration.ofSeconds(20),
                () ->
                        runtime.getJson("/api/v1/system/features/armature-webconsole")
                                .get("enabled")
                                .asBoolean());
        browser.await(
                "switch on", d -> d.findElement(By.id("feature-armature-webconsole")).isSelected());
        assertNoScriptErrors();
    }

    @Test
    void aPluginIsUploadedRunsAndIsConfiguredThroughItsGeneratedForm() throws Exception {
        logIn("admin", adminPassword);
        go("#/plugins", "Plugins and bundles");
        browser.driver
                .findElement(By.id("plugin-file"))
                .sendKeys(Deployables.template().toAbsolutePath().toString());
        browser.await(
                "plugin running",
                d ->
                        d.findElement(By.cssSelector(".upload-status"))
                                .getText()
                                .contains("is running"));
        browser.await(
                "listed active",
                d ->
                        d.findElement(By.cssSelector("tr[data-bundle='com.example.signal']"))
                                .getText()
                                .contains("ACTIVE"));
        browser.screenshot("plugins");

        go("#/config/com.example.signal.generator", "Example signal generator");
        Select waveform = new Select(browser.find("[data-attribute=waveform] select"));
        assertEquals(
                List.of("SINE", "RAMP"),
                waveform.getOptions().stream().map(o -> o.getAttribute("value")).toList());
        WebElement interval = browser.find("[data-attribute=intervalMillis] input");
        assertEquals("1000", interval.getAttribute("value"), "the default is shown");
        assertTrue(
                browser.find("[data-attribute=intervalMillis] .help")
                        .getText()
                        .contains("Time between samples"));
        waveform.selectByValue("RAMP");
        interval.clear();
        interval.sendKeys("500");
        browser.find("form.panel button[type=submit]").click();
        RuntimeProcess.await(
                "configuration applied",
                Duration.ofSeconds(10),
                () -> {
                    JsonNode properties =
                            runtime.getJson(
                                            "/api/v1/system/configurations/com.example.signal.generator")
                                    .get("properties");
                    return properties != null
                            && properties.path("intervalMillis").asInt() == 500
                            && properties.path("waveform").asText().equals("RAMP");
                });

        WebElement period = browser.find("[data-attribute=periodSeconds] input");
        period.clear();
        period.sendKeys("0");
        browser.find("form.panel button[type=submit]").click();
        WebElement error = browser.find("[data-attribute=periodSeconds] .field-error");
        assertTrue(error.getText().contains("minimum"), error.getText());
        assertEquals("true", period.getAttribute("aria-invalid"));
        browser.screenshot("configuration-form");
        assertEquals(
                60,
                runtime.getJson("/api/v1/system/configurations/com.example.signal.generator")
                        .get("properties")
                        .path("periodSeconds")
                        .asInt(60),
                "the invalid value changed nothing");
    }

    @Test
    void aSimulatorDriverIsCreatedFromItsFormAndRuns() throws Exception {
        logIn("admin", adminPassword);
        go("#/drivers", "Drivers");
        new Select(browser.find("#new-driver-type")).selectByValue("simulator");
        browser.find("form.inline button[type=submit]").click();
        browser.awaitHeading("New Simulated device");
        browser.find("input[name=id]").sendKeys("console-sim");
        browser.find("[data-attribute=tenant] input").sendKeys("demo");
        browser.find("[data-attribute=device] input").sendKeys("console-dev");
        browser.find("[data-attribute=sensors] button").click();
        browser.find("[data-attribute=sensors] input")
                .sendKeys(
                        "{\"sensor_identifier\":\"t\",\"sensor_type\":\"temperature\",\"sampling_interval\":1}");
        browser.screenshot("driver-form");
        browser.find("form.panel button[type=submit]").click();
        browser.awaitHeading("Drivers");
        browser.await(
                "driver running",
                d -> {
                    var rows = d.findElements(By.cssSelector("tr[data-driver='console-sim']"));
                    return !rows.isEmpty() && rows.get(0).getText().contains("running");
                });
        assertEquals(
                "running", runtime.getJson("/api/v1/drivers/console-sim").get("state").asText());
        browser.screenshot("drivers");
    }

    @Test
    void aSimulatedDevicesChartUpdatesLiveAndThirtyDaysComeInHourBuckets() throws Exception {
        logIn("admin", adminPassword);
        go("#/data/demo/press-1?metrics=press.force,press.temperature", "Data of press-1");
        WebElement chart = browser.find("#chart canvas");
        assertTrue(chart.isDisplayed());
        browser.await(
                "live updates",
                d ->
                        Integer.parseInt(d.findElement(By.id("chart")).getAttribute("data-updates"))
                                >= 2);
        assertTrue(browser.find("#chart-info").getText().contains("live"));
        browser.screenshot("chart-live");

        browser.find("a[data-range='30d']").click();
        browser.await(
                "30 days bucketed",
                d ->
                        "3600"
                                .equals(
                                        d.findElement(By.id("chart"))
                                                .getAttribute("data-bucket-seconds")));
        int buckets = Integer.parseInt(browser.find("#chart").getAttribute("data-points"));
        assertTrue(buckets >= 720 && buckets <= 722, "30 days of hour buckets: " + buckets);
        assertTrue(browser.find("#chart-info").getText().contains("hourly rollups"));
        browser.screenshot("chart-30-days");
        assertNoScriptErrors();
    }

    @Test
    void everyPageRendersWithoutErrors() throws Exception {
        logIn("admin", adminPassword);
        go("#/devices?tenant=demo", "Devices");
        browser.await(
                "devices listed",
                d -> d.findElements(By.cssSelector("tr[data-device]")).size() >= 3);
        browser.screenshot("devices");
        go("#/device/demo/press-1", "press-1");
        browser.await(
                "metrics listed",
                d -> d.findElements(By.cssSelector("tr[data-metric]")).size() == 3);
        browser.screenshot("device");
        go("#/config", "Configuration");
        browser.screenshot("configurations");
        go("#/users", "Users");
        browser.screenshot("users");
        go("#/tokens", "API tokens");
        browser.screenshot("tokens");
        go("#/audit", "Audit log");
        browser.await(
                "audit events", d -> !d.findElements(By.cssSelector("main tbody tr")).isEmpty());
        browser.screenshot("audit");
        assertTrue(browser.driver.findElements(By.cssSelector("main .problem")).isEmpty());
        assertNoScriptErrors();
    }

    @Test
    void anOperatorSendsACommandToASimulatedDeviceAndSeesItsState() throws Exception {
        createUser("olga", "{\"role\":\"operator\",\"tenant\":\"demo\"}");
        logIn("olga", VIEWER_PASSWORD);
        go("#/device/demo/living-room", "living-room");
        browser.find("input[name=name]").sendKeys("set_offset");
        WebElement arguments = browser.find("textarea[name=arguments]");
        arguments.clear();
        arguments.sendKeys("{\"value\": 5}");
        browser.find("main form button[type=submit]").click();
        browser.await(
                "command answered",
                d ->
                        d.findElement(By.cssSelector(".command-state"))
                                .getText()
                                .contains("succeeded"));
        browser.await(
                "listed among recent commands",
                d ->
                        d.findElements(By.cssSelector("main table")).stream()
                                .anyMatch(t -> t.getText().contains("set_offset")));
        browser.screenshot("device-command");
        JsonNode commands = runtime.getJson("/api/v1/tenants/demo/devices/living-room/commands");
        assertEquals("succeeded", commands.get("commands").get(0).get("state").asText());
    }

    @Test
    void theLoginWorksByKeyboardAndTheDevicesPageFitsATablet() throws Exception {
        browser.open(runtime.baseUrl() + "/console/#/login");
        browser.find("input[name=user]").sendKeys("admin" + org.openqa.selenium.Keys.TAB);
        assertEquals("password", browser.driver.switchTo().activeElement().getAttribute("name"));
        browser.driver
                .switchTo()
                .activeElement()
                .sendKeys(adminPassword + org.openqa.selenium.Keys.ENTER);
        browser.awaitHeading("Overview");
        browser.driver.manage().window().setSize(new org.openqa.selenium.Dimension(768, 1024));
        try {
            go("#/devices?tenant=demo", "Devices");
            browser.await(
                    "devices listed",
                    d -> d.findElements(By.cssSelector("tr[data-device]")).size() >= 3);
            assertEquals(
                    Boolean.TRUE,
                    browser.script(
                            "return document.documentElement.scrollWidth <= window.innerWidth"),
                    "no horizontal scrolling at tablet width");
            browser.screenshot("devices-tablet");
        } finally {
            browser.driver.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 900));
        }
    }

    private static void createUser(String name, String grant) throws Exception {
        var created =
                runtime.post(
                        "/api/v1/users",
                        "{\"name\":\""
                                + name
                                + "\",\"password\":\""
                                + VIEWER_PASSWORD
                                + "\",\"grants\":["
                                + grant
                                + "]}");
        assertEquals(201, created.statusCode(), created.body());
    }

    /** Script errors and Content-Security-Policy violations (refused API calls are expected). */
    private static void assertNoScriptErrors() {
        List<String> errors =
                browser.severeConsoleEntries().stream()
                        .filter(e -> !e.contains("Failed to load resource"))
                        .toList();
        assertTrue(errors.isEmpty(), errors.toString());
    }
}
