using OpenQA.Selenium.Chrome;
using OpenQA.Selenium.Support.UI;

namespace Roster.Console.Tests.Infrastructure;

/// <summary>
/// One headless Chromium per test class, driven through Debian's chromedriver. Both binaries are
/// taken from fixed paths (overridable with ROSTER_CHROMIUM and ROSTER_CHROMEDRIVER) so that
/// Selenium Manager never tries to download a browser or driver.
/// </summary>
public sealed class ChromiumBrowser : IDisposable
{
    public const string InstallHint = "Install them with: apt-get install -y chromium chromium-driver (Debian/Ubuntu; .ci/run does it when they are missing).";

    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    public ChromiumBrowser()
        : this("en-US")
    {
    }

    /// <summary>A Chromium whose <c>Accept-Language</c> asks for <paramref name="language"/>.</summary>
    internal ChromiumBrowser(string language)
    {
        var browser = Environment.GetEnvironmentVariable("ROSTER_CHROMIUM") is { Length: > 0 } b ? b : "/usr/bin/chromium";
        var driver = Environment.GetEnvironmentVariable("ROSTER_CHROMEDRIVER") is { Length: > 0 } d ? d : "/usr/bin/chromedriver";
        if (!File.Exists(browser) || !File.Exists(driver))
        {
            throw new InvalidOperationException(
                $"The console tests need Chromium at {browser} and chromedriver at {driver}, and at least one is missing. {InstallHint}");
        }

        var service = ChromeDriverService.CreateDefaultService(Path.GetDirectoryName(driver)!, Path.GetFileName(driver));
        service.HideCommandPromptWindow = true;
        service.SuppressInitialDiagnosticInformation = true;
        var options = new ChromeOptions { BinaryLocation = browser };
        options.AddArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", "--window-size=1280,900", $"--lang={language}", "--no-first-run");
        options.AddUserProfilePreference("intl.accept_languages", language);
        Driver = new ChromeDriver(service, options, TimeSpan.FromSeconds(60));
        Driver.Manage().Timeouts().PageLoad = TimeSpan.FromSeconds(30);
    }

    public ChromeDriver Driver { get; }

    public void GoTo(string url) => Driver.Navigate().GoToUrl(url);

    public IWebElement Find(By by) => Until(d => d.FindElement(by));

    /// <summary>The form control whose label reads <paramref name="label"/>, as a person finds it.</summary>
    public IWebElement Field(string label)
    {
        // The exact label text first; a checkbox's label also carries its explanation, so then its start.
        var element = Until(d => d.FindElements(By.XPath($"//label[normalize-space(.)='{label}']")).FirstOrDefault()
            ?? d.FindElement(By.XPath($"//label[starts-with(normalize-space(.), '{label}')]")));
        var target = element.GetAttribute("for");
        return string.IsNullOrEmpty(target) ? element.FindElement(By.XPath(".//input|.//select|.//textarea")) : Driver.FindElement(By.Id(target));
    }

    /// <summary>Ticks or clears the checkbox whose label starts with <paramref name="labelStart"/>.</summary>
    public void Check(string labelStart, bool on = true)
    {
        var label = Find(By.XPath($"//label[starts-with(normalize-space(.), '{labelStart}')]"));
        var box = label.FindElement(By.XPath(".//input[@type='checkbox']"));
        if (box.Selected != on)
        {
            label.Click();
        }
    }

    /// <summary>Picks the option <paramref name="option"/> of the list labelled <paramref name="label"/>.</summary>
    public void Select(string label, string option) => new SelectElement(Field(label)).SelectByText(option);

    public void Type(string label, string text) => Until(_ =>
    {
        // Found and typed into in one go, so that a page still being replaced is simply tried again.
        var field = Field(label);
        field.Clear();
        field.SendKeys(text);
        return true;
    });

    public void Click(string buttonOrLinkText) => Until(d =>
    {
        d.FindElement(By.XPath($"//button[normalize-space(.)='{buttonOrLinkText}'] | //a[normalize-space(.)='{buttonOrLinkText}'] | //input[@type='submit' and @value='{buttonOrLinkText}']")).Click();
        return true;
    });

    /// <summary>Clicks a button or link that loads another page and waits until the new page replaced this one.</summary>
    public void ClickToLoad(string buttonOrLinkText)
    {
        var page = Driver.FindElement(By.TagName("html"));
        Click(buttonOrLinkText);
        Until(driver =>
        {
            try
            {
                _ = page.TagName;
                return false;
            }
            catch (StaleElementReferenceException)
            {
                return true;
            }
        });
    }

    /// <summary>Clicks a button that asks for confirmation and accepts it.</summary>
    public void ClickAndConfirm(string buttonText)
    {
        Click(buttonText);
        Until(d => d.SwitchTo().Alert()).Accept();
    }

    public string Heading => Find(By.TagName("h1")).Text;

    /// <summary>Waits for the validation message next to the field named <paramref name="field"/> and returns it.</summary>
    public string ErrorFor(string field) =>
        Until(d => d.FindElement(By.CssSelector($"[data-valmsg-for='{field}']")).Text is { Length: > 0 } text ? text : null)!;

    public string Text => Driver.FindElement(By.TagName("body")).Text;

    /// <summary>Waits until the page shows <paramref name="text"/>.</summary>
    public void Sees(string text)
    {
        try
        {
            Until(d => d.FindElement(By.TagName("body")).Text.Contains(text, StringComparison.Ordinal));
        }
        catch (WebDriverTimeoutException)
        {
            Assert.Fail($"The page {Driver.Url} does not show '{text}'. It shows:\n{Text}");
        }
    }

    public T Until<T>(Func<IWebDriver, T> condition)
    {
        var wait = new WebDriverWait(Driver, Wait);
        // While a page is being replaced, chromedriver reports an element of the old one as stale,
        // or as a node that "does not belong to the document" (an unknown error): both mean try again.
        wait.IgnoreExceptionTypes(typeof(NoSuchElementException), typeof(NoAlertPresentException), typeof(StaleElementReferenceException), typeof(UnknownErrorException));
        return wait.Until(condition);
    }

    /// <summary>Forgets every cookie of the server, so that the next test starts signed out.</summary>
    public void Reset(Uri server)
    {
        ArgumentNullException.ThrowIfNull(server);
        GoTo(new Uri(server, "console/assets/console.css").ToString());
        Driver.Manage().Cookies.DeleteAllCookies();
    }

    public void Screenshot(string path)
    {
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        Driver.GetScreenshot().SaveAsFile(path);
    }

    public void Dispose()
    {
        Driver.Quit();
        Driver.Dispose();
    }
}
