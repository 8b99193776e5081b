package org.studyloop.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.studyloop.HttpTest;
import org.studyloop.practice.demo.DemoCohortFixture;
import org.studyloop.shared.DemoMode;

/**
 * The demo class as a first demo start shows it: the teacher's heat-map of sixteen students with
 * three weeks of practice and the students at risk, the results of a quiz most of them took, and the
 * demo student's dashboard with a streak of days, a forecast and a risk.
 */
@HttpTest
class DemoClassPagesTests extends BrowserTest {

    @Autowired
    ApplicationContext context;

    @BeforeAll
    void demoClass() throws Exception {
        DemoCohortFixture.ensure(context);
    }

    @Test
    void theDemoClassHasThreeWeeksOfPracticeOnEveryPage() {
        browser.signIn(DemoMode.TEACHER, DemoCohortFixture.PASSWORD);
        browser.open("/teacher/classes");
        browser.driver().findElement(By.linkText("Demo class")).click();
        browser.click("a[href$='/heatmap']");
        List<WebElement> rows = browser.driver().findElements(By.cssSelector("#heatmap tbody tr"));
        assertThat(rows).hasSizeGreaterThanOrEqualTo(1 + DemoMode.COHORT.size());
        assertThat(browser.text("#heatmap")).contains("Sam Student", "Ava Martin", "%");
        List<WebElement> atRisk = browser.driver().findElements(By.cssSelector("#at-risk ul.at-risk > li"));
        assertThat(atRisk).as("students at risk").hasSizeGreaterThanOrEqualTo(3);
        assertThat(browser.text("#at-risk")).contains("No practice for");
        check("demo-heatmap");

        browser.driver().navigate().back();
        browser.click("a[href$='/assignments']");
        browser.driver().findElement(By.linkText("Linear equations check")).click();
        List<WebElement> finished =
                browser.driver().findElements(By.xpath("//table[@id='results']//tr[td[contains(., 'Finished')]]"));
        assertThat(finished).as("students who finished the quiz").hasSizeGreaterThanOrEqualTo(8);
        check("demo-assignment-results");

        browser.signIn(DemoMode.STUDENT, DemoCohortFixture.PASSWORD);
        browser.open("/dashboard");
        assertThat(Integer.parseInt(browser.text("#answers"))).isGreaterThan(100);
        assertThat(browser.find("canvas#forecast-chart")).isNotNull();
        assertThat(browser.find("canvas#mastery-chart")).isNotNull();
        assertThat(browser.text("#risk-level")).isNotBlank();
        check("demo-dashboard");

        assertThat(violations).as("serious or critical axe-core violations").isEmpty();
    }
}
