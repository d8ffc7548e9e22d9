using EfficiencyMisnomer.Exporters;
using EfficiencyMisnomer.Results;

namespace EfficiencyMisnomer.Tests.Exporters;

/// <summary>Trends over runs: every gated indicator per setup, ordered by when each run was made, with its verdicts and baseline changes.</summary>
public sealed class TrendReportTests
{
    private const string Machine = "m1";

    [Test]
    public void Gated_indicators_follow_the_runs_in_time_order_with_breaches_and_new_baselines_marked()
    {
        // Given out of order; the third run regressed on latency, the fourth ran against a new baseline.
        var runs = new[]
        {
            Run("cccccccc11", 3, parameters: 110, latency: 5.0, paramsStatus: "fail", latencyStatus: "regressed", reference: 4.0),
            Run("aaaaaaaa11", 1, parameters: 100, latency: 4.0, paramsStatus: "pass", latencyStatus: "pass", reference: 4.0),
            Run("bbbbbbbb11", 2, parameters: 100, latency: 4.1, paramsStatus: "pass", latencyStatus: "pass", reference: 4.0),
            Run("dddddddd11", 4, parameters: 110, latency: 5.0, paramsStatus: "fail", latencyStatus: "pass", reference: 5.0),
        };

        var trends = TrendReport.Build(runs);

        var parameters = trends.Single(t => t.Indicator == "params");
        var latency = trends.Single(t => t.Indicator == "latency.p50");
        Assert.Multiple(() =>
        {
            Assert.That(trends.Select(t => t.Indicator), Does.Not.Contain("macs"), "macs has no verdict: not gated");
            Assert.That(parameters.Setup, Is.EqualTo("static"));
            Assert.That(parameters.Points.Select(p => p.Label), Is.EqualTo(new[] { "aaaaaaaa", "bbbbbbbb", "cccccccc", "dddddddd" }));
            Assert.That(parameters.Points.Select(p => p.Breached), Is.EqualTo(new[] { false, false, true, true }));
            Assert.That(latency.Setup, Is.EqualTo("cpu, batch 1"));
            Assert.That(latency.Points.Select(p => p.Value), Is.EqualTo(new[] { 4.0, 4.1, 5.0, 5.0 }));
            Assert.That(latency.Points.Select(p => p.Status), Is.EqualTo(new[] { "pass", "pass", "regressed", "pass" }));
            Assert.That(latency.Points.Select(p => p.BaselineUpdated), Is.EqualTo(new[] { false, false, false, true }));
            Assert.That(latency.Points[2].Lower, Is.EqualTo(4.9));
        });

        var tables = (ResultsReport.Build(runs[0]) with { Trends = trends }).TrendTables();
        Assert.That(tables.Single().Rows.Single(r => r[0] == "latency.p50").Skip(2), Is.EqualTo(new[] { "4 ms", "4.1 ms", "5 ms (regressed)", "5 ms (new baseline)" }));
    }

    [Test]
    public void One_run_or_runs_without_verdicts_give_no_trend()
    {
        Assert.Multiple(() =>
        {
            Assert.That(TrendReport.Build(new[] { Run("aaaaaaaa", 1, 100, 4.0, "pass", "pass", 4.0) }), Is.Empty);
            Assert.That(TrendReport.Build(Array.Empty<EfficiencyResults>()), Is.Empty);
        });
    }

    private static EfficiencyResults Run(string commit, int day, double parameters, double latency, string paramsStatus, string latencyStatus, double reference) =>
        new(new DateTimeOffset(2026, 12, day, 0, 0, 0, TimeSpan.Zero),
            new[] { new MachineResults(Machine, "cpu", new Dictionary<string, string>()) },
            new[]
            {
                new SpecResults("s", "specs/s.yaml", "warn", new[]
                {
                    new ModelResults("m", "m.onnx", new Dictionary<string, double>(),
                        new[] { new IndicatorResult("params", "parameters", parameters), new IndicatorResult("macs", "MAC", 1e6) },
                        new[]
                        {
                            new RuntimeResults(Machine, "cpu", 1, "cpu", new Dictionary<string, string>(),
                                new[] { new IndicatorResult("latency.p50", "ms", latency, latency - 0.1, latency + 0.1, 100, true) }, Array.Empty<double>(), Array.Empty<string>()),
                        },
                        new[]
                        {
                            new VerdictResult("budget", "params", paramsStatus, "params", "specs/s.yaml(5,3)"),
                            new VerdictResult("regression", "latency.p50", latencyStatus, "latency", "specs/s.yaml(9,3)", "cpu", 1, latency, reference),
                        }),
                }),
            })
        { Commit = commit };
}
