using Microsoft.Playwright;

namespace GenomDE.Orleans.Tests.Browser;

/// <summary>One headless Chromium for the browser tests, driven by Playwright. It always uses the
/// machine's own Chromium (Debian's <c>chromium</c> package); Playwright never downloads a browser.
/// When Chromium is missing, every test that asks for a page fails with a message that says how to
/// install it: these tests are never skipped silently.</summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    /// <summary>Overrides where Chromium is looked for (a full path to the executable).</summary>
    public const string ChromiumPathVariable = "GENOMDE_CHROMIUM";

    private static readonly string[] KnownChromiumPaths = ["/usr/bin/chromium", "/usr/bin/chromium-browser"];

    private static readonly string[] ChromiumArgs =
    [
        "--no-sandbox", // we run as root in CI
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
    ];

    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private string? _unavailable;

    /// <summary>Folder the screenshots are written to (overwritten on every run).</summary>
    public static string ScreenshotFolder { get; } = Path.Combine(Path.GetTempPath(), "genomde-browser-tests");

    public IBrowser Browser => _browser ?? throw new InvalidOperationException(_unavailable ?? "The browser fixture was not initialised.");

    public async ValueTask InitializeAsync()
    {
        // Belt and braces: nothing in these tests may fetch a browser build from the internet.
        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");

        var chromium = FindChromium();
        if (chromium is null)
        {
            var configured = Environment.GetEnvironmentVariable(ChromiumPathVariable);
            var where = string.IsNullOrEmpty(configured)
                ? $"looked at {string.Join(", ", KnownChromiumPaths)} and for 'chromium'/'chromium-browser' on PATH"
                : $"{ChromiumPathVariable}={configured} does not exist";
            _unavailable = $"Chromium was not found ({where}). The browser tests need Debian's Chromium: run `apt-get install -y chromium` "
                + "(.ci/run installs it). Playwright must not download its own browser.";
            return;
        }

        try
        {
            _playwright = await Playwright.CreateAsync();
            _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = chromium,
                Headless = true,
                Args = ChromiumArgs,
                Timeout = 60_000,
            });
        }
        catch (Exception e)
        {
            _unavailable = $"Chromium at {chromium} could not be started by Playwright: {e.Message} "
                + "(is it installed completely? `apt-get install -y chromium`)";
        }

        Directory.CreateDirectory(ScreenshotFolder);
    }

    /// <summary>A fresh, isolated browser context (own cookies) with one page.</summary>
    public async Task<IPage> NewPageAsync(Uri baseAddress)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = 1400, Height = 900 },
            Locale = "en-US",
        });
        context.SetDefaultTimeout(30_000);
        context.SetDefaultNavigationTimeout(30_000);
        return await context.NewPageAsync();
    }

    /// <summary>Writes a screenshot (the viewport, or the whole page) to <see cref="ScreenshotFolder"/> and attaches it to the test result.</summary>
    public static async Task<string> ScreenshotAsync(IPage page, string name, bool fullPage = false)
    {
        Directory.CreateDirectory(ScreenshotFolder);
        var path = Path.Combine(ScreenshotFolder, name + ".png");
        var png = await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = fullPage });
        Assert.True(png.Length > 1000, $"Screenshot {path} is suspiciously small ({png.Length} bytes).");
        TestContext.Current.AddAttachment(name + ".png", png, "image/png");
        TestContext.Current.TestOutputHelper?.WriteLine($"Screenshot: {path}");
        return path;
    }

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.CloseAsync();
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
    }

    private static string? FindChromium()
    {
        var configured = Environment.GetEnvironmentVariable(ChromiumPathVariable);
        if (!string.IsNullOrEmpty(configured))
        {
            return File.Exists(configured) ? configured : null;
        }

        foreach (var known in KnownChromiumPaths)
        {
            if (File.Exists(known))
            {
                return known;
            }
        }

        var path = Environment.GetEnvironmentVariable("PATH") ?? "";
        foreach (var folder in path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            foreach (var name in new[] { "chromium", "chromium-browser" })
            {
                var candidate = Path.Combine(folder, name);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        return null;
    }
}
