using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;
using StbImageSharp;

namespace EfficiencyMisnomer.Reporting.Tests;

/// <summary>
/// The HTML report as a browser shows it: headless Chromium takes a screenshot (which must not be blank) and
/// dumps the DOM it built (which must hold the tables and the plots with every model's name). Without
/// Chromium the test is inconclusive, except under CI (<c>CI</c> set), where it fails.
/// </summary>
[NonParallelizable]
public sealed class BrowserRenderingTests
{
    private static readonly string[] Browsers = { "chromium", "chromium-browser", "google-chrome" };

    private string folder = "";
    private string page = "";

    [SetUp]
    public void WritePage()
    {
        folder = Directory.CreateTempSubdirectory("misnomer-html-").FullName;
        page = Path.Combine(folder, "report.html");
        File.WriteAllText(page, HtmlReport.Render(SampleResults.Document()));
    }

    [TearDown]
    public void DeleteFolder() => Directory.Delete(folder, recursive: true);

    [Test]
    public void The_screenshot_is_not_blank()
    {
        var screenshot = Path.Combine(folder, "report.png");
        Browse($"--screenshot={screenshot} --window-size=1280,2000");
        Assert.That(File.Exists(screenshot), Is.True, "the browser wrote no screenshot");

        using var stream = File.OpenRead(screenshot);
        var image = ImageResult.FromStream(stream, ColorComponents.RedGreenBlue);
        Assert.That((image.Width, image.Height), Is.EqualTo((1280, 2000)));

        // The page's background is white; text, table borders and plots are not.
        long drawn = 0;
        for (int i = 0; i < image.Data.Length; i += 3)
        {
            if (image.Data[i] < 0xf0 || image.Data[i + 1] < 0xf0 || image.Data[i + 2] < 0xf0)
            {
                drawn++;
            }
        }

        var fraction = drawn / (double)(image.Width * image.Height);
        TestContext.Out.WriteLine($"{fraction:P1} of the pixels are not background");
        Assert.That(fraction, Is.GreaterThan(0.02), "the rendered page is (nearly) blank");
    }

    [Test]
    public void The_rendered_page_holds_the_tables_and_the_plots()
    {
        var dom = Browse("--dump-dom");
        var tables = Regex.Matches(dom, "<table class=\"([^\"]+)\"").Select(m => m.Groups[1].Value).ToList();
        var plots = Regex.Matches(dom, "<figure class=\"plot [^\"]+\">\\s*<svg.*?</svg>", RegexOptions.Singleline).Select(m => m.Value).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(tables, Is.SupersetOf(new[] { "indicators", "indicators runtime", "verdicts", "deltas", "machines" }));
            Assert.That(plots, Has.Count.GreaterThanOrEqualTo(8));
            foreach (var model in SampleResults.Models)
            {
                var text = WebUtility.HtmlEncode(model).Replace("&quot;", "\"", StringComparison.Ordinal);
                Assert.That(plots.Count(p => p.Contains(text, StringComparison.Ordinal)), Is.EqualTo(plots.Count), $"every plot labels {model}");
            }

            Assert.That(dom, Does.Not.Contain("<b>vit</b>"), "a model name never becomes markup");
            var throughput = plots.Single(p => p.Contains("top1 against throughput", StringComparison.Ordinal));
            Assert.That(throughput, Does.Contain("(higher is better)"), "throughput is a rate: more is better");
        });
    }

    /// <summary>Runs the headless browser on the page; returns what it printed.</summary>
    private string Browse(string arguments)
    {
        var browser = Browsers.Select(Find).FirstOrDefault(p => p is not null);
        if (browser is null)
        {
            const string reason = "Chromium is not installed (apt-get install chromium); the HTML report was not rendered.";
            if (!string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI")))
            {
                Assert.Fail(reason);
            }

            Assert.Inconclusive(reason);
        }

        var profile = Path.Combine(folder, "profile");
        var start = new ProcessStartInfo(browser!,
            $"--headless --no-sandbox --disable-gpu --no-first-run --user-data-dir={profile} {arguments} {new Uri(page).AbsoluteUri}")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(120)))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail("the browser did not finish within 120 s");
        }

        Assert.That(process.ExitCode, Is.Zero, $"the browser failed: {stderr.Result}");
        return stdout.Result;
    }

    private static string? Find(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(folder => Path.Combine(folder, name))
            .FirstOrDefault(File.Exists);
}
