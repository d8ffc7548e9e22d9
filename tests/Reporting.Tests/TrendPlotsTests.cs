using System.Text.RegularExpressions;
using EfficiencyMisnomer.Exporters;

namespace EfficiencyMisnomer.Reporting.Tests;

public sealed class TrendPlotsTests
{
    [TestCase(2)]
    [TestCase(16)]
    public void Every_run_is_labelled_while_the_labels_fit(int runs)
    {
        var svg = TrendPlots.Of(new[] { Trend(runs) })[0].Svg;

        Assert.That(RunLabels(svg), Is.EqualTo(Enumerable.Range(0, runs).Select(Label)));
    }

    [TestCase(17)]
    [TestCase(60)]
    [TestCase(400)]
    public void Many_runs_keep_every_point_but_show_at_most_sixteen_evenly_spaced_labels(int runs)
    {
        var svg = TrendPlots.Of(new[] { Trend(runs) })[0].Svg;

        var labels = RunLabels(svg);
        var step = (runs + TrendPlots.MaxRunLabels - 1) / TrendPlots.MaxRunLabels;
        Assert.Multiple(() =>
        {
            Assert.That(labels, Has.Count.InRange(TrendPlots.MaxRunLabels / 2, TrendPlots.MaxRunLabels));
            Assert.That(labels, Is.EqualTo(Enumerable.Range(0, labels.Count).Select(i => Label(i * step))), "evenly spaced from the first run");
            Assert.That(Markers(svg), Is.GreaterThanOrEqualTo(runs), "every run is still a point on the line");
        });
    }

    private static TrendSeries Trend(int runs) => new("spec", "model", "latency.p50", "cpu", "ms",
        Enumerable.Range(0, runs).Select(i => new TrendPoint(Label(i), DateTimeOffset.UnixEpoch.AddHours(i), 1 + (i % 7), null, null, "pass", false)).ToList());

    private static string Label(int run) => $"r{run:000}";

    private static List<string> RunLabels(string svg) =>
        Regex.Matches(svg, @">(r\d{3})<").Select(m => m.Groups[1].Value).ToList();

    // OxyPlot draws each circle marker as an ellipse element.
    private static int Markers(string svg) => Regex.Count(svg, "<ellipse");
}
