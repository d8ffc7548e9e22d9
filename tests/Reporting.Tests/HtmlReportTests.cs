using System.Text.RegularExpressions;
using EfficiencyMisnomer.Results;

namespace EfficiencyMisnomer.Reporting.Tests;

public sealed partial class HtmlReportTests
{
    private static readonly string Html = HtmlReport.Render(SampleResults.Document());

    [Test]
    public void The_page_is_self_contained()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Html, Does.StartWith("<!DOCTYPE html>"));
            Assert.That(Html, Does.Contain("<style>"));
            Assert.That(Html, Does.Not.Contain("<link"));
            Assert.That(Html, Does.Not.Contain("<script"));
            Assert.That(Html, Does.Not.Match("(src|href)=\"(https?:)?//"));
            Assert.That(Html, Does.Not.Match("url\\((https?:)?//"));
        });
    }

    [Test]
    public void Every_indicator_of_every_model_is_in_one_table()
    {
        var table = Regex.Match(Html, "<table class=\"indicators\">.*?</table>", RegexOptions.Singleline).Value;
        Assert.Multiple(() =>
        {
            foreach (var model in SampleResults.Models)
            {
                Assert.That(table, Does.Contain($"<th>{System.Net.WebUtility.HtmlEncode(model)}</th>"));
            }

            Assert.That(table, Does.Contain("<td>params</td><td>parameters</td><td class=\"num\">5.7 M</td><td class=\"num\">22 M</td><td class=\"num\">25.6 M</td><td class=\"num\">3 M</td>"));
            Assert.That(table, Does.Contain("<td>top1</td>"));
            Assert.That(Html, Does.Contain("3.1 ms (3.07 ms to 3.13 ms)"));
        });
    }

    [Test]
    public void Names_from_the_document_are_escaped_everywhere()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Html, Does.Not.Contain("<b>vit</b>"));
            Assert.That(Html, Does.Contain("&lt;b&gt;vit&lt;/b&gt; &amp; &quot;wide&quot;"));
        });
    }

    [Test]
    public void Verdicts_are_listed_worst_first_with_their_status_as_class()
    {
        var rows = Regex.Matches(Html, "<tr class=\"(\\w+)\"><td>\\1</td><td>([^<]*)</td>").Select(m => m.Groups[1].Value).ToList();
        Assert.That(rows.Take(3), Is.EqualTo(new[] { "fail", "regressed", "pass" }));
        Assert.That(Html, Does.Contain("<h3>Against the baseline</h3>"));
        Assert.That(Html, Does.Contain("<td class=\"num\">+25%</td>"));
    }

    [Test]
    public void Quality_is_plotted_against_every_varying_cost_indicator_with_its_pareto_frontier()
    {
        var plots = ReportPlots.Of(SampleResults.Document().Specs[0]);
        var quality = plots.Where(p => p.Kind == "quality").Select(p => p.Title).ToList();
        Assert.That(quality, Is.EquivalentTo(new[]
        {
            "top1 against params", "top1 against macs", "top1 against flops", "top1 against latency.p50, ci-cpu b1", "top1 against throughput, ci-cpu b1",
        }), "unknown_ops is the same for every model, so it is not plotted");
        foreach (var plot in plots.Where(p => p.Kind == "quality"))
        {
            Assert.That(plot.Svg, Does.StartWith("<svg"));
            Assert.That(plot.Svg, Does.Contain("Pareto frontier"));
            Assert.That(plot.Svg, Does.Contain("<polyline"), "the frontier is a line through the non-dominated models");
        }
    }

    [Test]
    public void A_rate_axis_reads_higher_is_better_and_its_frontier_follows_that_direction()
    {
        var plots = ReportPlots.Of(SampleResults.Document().Specs[0]).Where(p => p.Kind == "quality").ToDictionary(p => p.Title);
        var series = CostSeries.Of(SampleResults.Document().Specs[0]).Single(s => s.Indicator == "throughput");
        var points = series.Values.Select(v => new ModelPoint(v.Key, v.Value, SampleResults.Document().Specs[0].Model(v.Key)!.Quality["top1"])).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(plots["top1 against throughput, ci-cpu b1"].Svg, Does.Contain("(higher is better)").And.Not.Contain("(lower is cheaper)"));
            Assert.That(plots["top1 against latency.p50, ci-cpu b1"].Svg, Does.Contain("(lower is cheaper)"));
            Assert.That(series.HigherIsBetter, Is.True);
            // vit-w3072 is the fastest (1.2 ms) and vit-d48 the most accurate: the frontier on throughput is the one on
            // latency, as the two indicators say the same thing in opposite directions.
            Assert.That(ParetoFrontier.Of(points, series.HigherIsBetter).Select(p => p.Model), Is.EqualTo(new[] { "vit-w3072", "vit-d48" }));
        });
    }

    [Test]
    public void Indicators_are_plotted_against_each_other_with_every_point_labelled()
    {
        var plots = ReportPlots.Of(SampleResults.Document().Specs[0]).Where(p => p.Kind == "indicators").ToList();
        Assert.That(plots.Select(p => p.Title), Is.SupersetOf(new[] { "macs against params", "latency.p50, ci-cpu b1 against params", "latency.p50, ci-cpu b1 against macs" }));
        foreach (var plot in plots)
        {
            foreach (var model in SampleResults.Models)
            {
                var text = model.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);
                Assert.That(plot.Svg, Does.Contain(">" + text + "</text>"), $"{plot.Title} labels {model}");
            }
        }
    }

    [Test]
    public void Rank_agreement_is_a_heat_map_that_scrolls_instead_of_overflowing()
    {
        var table = HeatmapTable().Match(Html);
        Assert.That(table.Success, Is.True, "the agreement table, inside a scrolling box");
        var cells = HeatmapCell().Matches(table.Value).Select(m => (Hue: int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture),
            Tau: double.Parse(m.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture))).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(cells, Is.Not.Empty);
            Assert.That(table.Value, Does.Contain("<th class=\"column\">"), "column titles written upright");
            foreach (var (hue, tau) in cells)
            {
                Assert.That(hue, Is.EqualTo((int)Math.Round(60 * (tau + 1))), $"tau {tau}: red at -1, yellow at 0, green at 1");
            }

            Assert.That(cells.Any(c => c.Tau < 1), Is.True, "the sample has indicators ranking the models differently, coloured away from green");
        });
    }

    [Test]
    public void Clip_path_ids_are_unique_on_the_page()
    {
        var ids = ClipPathId().Matches(Html).Select(m => m.Groups[1].Value).ToList();
        Assert.That(ids, Is.Not.Empty);
        Assert.That(ids, Is.Unique);
    }

    [Test]
    public void A_document_without_models_still_renders()
    {
        var empty = new EfficiencyResults(DateTimeOffset.UnixEpoch, Array.Empty<MachineResults>(), new[] { new SpecResults("empty", "e.yaml", "off", Array.Empty<ModelResults>()) });
        var html = HtmlReport.Render(empty);
        Assert.That(html, Does.Contain("<h2>empty <code>e.yaml</code></h2>"));
        Assert.That(html, Does.Not.Contain("<svg"));
    }

    [Test]
    public void BenchmarkDotNet_cases_are_a_table_of_their_own_and_their_verdicts_are_listed()
    {
        var benchmark = new BenchmarkResults("text", "Text.Join(Size: 16)", "results/Text-report-full.json", new Dictionary<string, string> { ["cpu"] = "AMD EPYC" },
            new[] { new IndicatorResult("mean", "ms", 0.000168), new IndicatorResult("allocated", "bytes", 136) }, new[] { 0.00017 },
            new[] { new VerdictResult("budget", "allocated", "fail", "benchmark 'text' case 'Text.Join(Size: 16)': allocated 136 B exceeds max 100 B", "b.yaml(6,22)") });
        var document = new EfficiencyResults(DateTimeOffset.UnixEpoch, Array.Empty<MachineResults>(),
            new[] { new SpecResults("bench", "b.yaml", "off", Array.Empty<ModelResults>()) { Benchmarks = new[] { benchmark } } });

        var html = HtmlReport.Render(document);

        Assert.Multiple(() =>
        {
            Assert.That(html, Does.Contain("<table class=\"indicators benchmarks\">"));
            Assert.That(html, Does.Contain("Text.Join(Size: 16)"));
            Assert.That(html, Does.Contain("168 ns"));
            Assert.That(html, Does.Contain("text: Text.Join(Size: 16)"), "the verdict names the entry and the case");
        });
    }

    [GeneratedRegex("id=\"([^\"]*clipPath[^\"]*)\"")]
    private static partial Regex ClipPathId();

    [GeneratedRegex("<div class=\"scroll\">\\s*<table class=\"correlations heatmap\">.*?</table>\\s*</div>", RegexOptions.Singleline)]
    private static partial Regex HeatmapTable();

    [GeneratedRegex("style=\"background: hsl\\((\\d+), 70%, 82%\\)\">(-?[\\d.]+)</td>")]
    private static partial Regex HeatmapCell();
}
