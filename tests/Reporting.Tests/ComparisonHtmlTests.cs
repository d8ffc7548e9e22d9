using EfficiencyMisnomer.Results;

namespace EfficiencyMisnomer.Reporting.Tests;

/// <summary>A run against a base revision in the HTML report: both revisions named, one table per model.</summary>
public sealed class ComparisonHtmlTests
{
    [Test]
    public void The_page_has_a_comparison_table_per_model_with_both_revisions()
    {
        const string Against = "base origin/main (3f2a1b4c)";
        var model = new ModelResults("m<1>", "specs/models/m.onnx", new Dictionary<string, double>(),
            new[] { new IndicatorResult("params", "parameters", 1000) },
            new[] { new RuntimeResults("aa", "cpu", 1, "cpu", new Dictionary<string, string>(), new[] { new IndicatorResult("latency.p50", "ms", 2.2) }, Array.Empty<double>(), Array.Empty<string>()) },
            new[]
            {
                new VerdictResult("regression", "latency.p50", "regressed", "model 'm<1>' [cpu] batch 1: latency.p50 ...", "specs/s.yaml(9,12)", "cpu", 1, 2.2, 2.0, 1.1, 1.07, 1.13)
                {
                    Against = Against, RatioLower95 = 1.08, RatioUpper95 = 1.12,
                },
            })
        {
            Base = new BaseResults("changed", "specs/models/m.onnx", Array.Empty<IndicatorResult>(), Array.Empty<RuntimeResults>()),
        };
        var document = new EfficiencyResults(DateTimeOffset.UnixEpoch, new[] { new MachineResults("aa", "cpu machine", new Dictionary<string, string>()) },
            new[] { new SpecResults("s", "specs/s.yaml", "off", new[] { model }) { Revisions = new RevisionResults("origin/main", "git", "3f2a1b4c" + new string('0', 32), null) } });

        var html = HtmlReport.Render(document);

        Assert.Multiple(() =>
        {
            Assert.That(html, Does.Contain("<h3>Against the base revision</h3>"));
            Assert.That(html, Does.Contain("Base <code>origin/main</code> (git, commit <code>3f2a1b4c"));
            Assert.That(html, Does.Contain("m&lt;1&gt; against base origin/main (3f2a1b4c)"));
            Assert.That(html, Does.Contain("<td class=\"num\">2 ms</td><td class=\"num\">2.2 ms</td><td class=\"num\">+10.0%</td><td class=\"num\">+8.0% to +12.0%</td><td>regressed</td>"));
        });
    }
}
