using EfficiencyMisnomer.Exporters;
using EfficiencyMisnomer.Results;

namespace EfficiencyMisnomer.Tests.Exporters;

/// <summary>Report cells: a single observation without a degenerate interval, unit columns that never contradict the cells, unstable only where it matters.</summary>
public sealed class ResultValueTests
{
    [Test]
    public void A_single_observation_reads_as_its_value_alone()
    {
        Assert.Multiple(() =>
        {
            Assert.That(ResultValue.WithInterval(71.0244, 71.0244, 71.0244, "ms"), Is.EqualTo("71.02 ms"));
            Assert.That(ResultValue.WithInterval(3.1, 3.07, 3.13, "ms"), Is.EqualTo("3.1 ms (3.07 ms to 3.13 ms)"));
        });
    }

    [TestCase("ms", "time")]
    [TestCase("s", "time")]
    [TestCase("bytes", "bytes")]
    [TestCase("B", "bytes")]
    [TestCase("samples/s", "per second")]
    [TestCase("parameters", "parameters")]
    [TestCase("J", "J")]
    public void The_unit_column_names_what_the_cells_scale(string unit, string column) =>
        Assert.That(ResultValue.UnitColumn(unit), Is.EqualTo(column));

    [Test]
    public void A_statistic_nothing_budgets_is_not_called_unstable()
    {
        var run = new RuntimeResults("m1", "cpu", 1, "cpu", new Dictionary<string, string>(),
            new[]
            {
                new IndicatorResult("latency.p50", "ms", 1, 0.9, 1.1, 100, Stable: false),
                new IndicatorResult("latency.p99", "ms", 2, 1, 5, 100, Stable: false),
            }, Array.Empty<double>(), Array.Empty<string>());
        var model = new ModelResults("m", "m.onnx", new Dictionary<string, double>(), Array.Empty<IndicatorResult>(), new[] { run },
            new[] { new VerdictResult("budget", "latency.p50", "unstable", "unstable", "s.yaml(9,3)", "cpu", 1) });
        var document = new EfficiencyResults(DateTimeOffset.UnixEpoch, new[] { new MachineResults("m1", "cpu", new Dictionary<string, string>()) },
            new[] { new SpecResults("s", "s.yaml", "warn", new[] { model }) });

        var rows = ResultsReport.Build(document).Specs.Single().Runtime.Single().Rows;

        Assert.Multiple(() =>
        {
            Assert.That(rows.Single(r => r[0] == "latency.p50")[2], Does.EndWith("unstable"), "budgeted");
            Assert.That(rows.Single(r => r[0] == "latency.p99")[2], Does.Not.Contain("unstable"), "not budgeted: sampling never aimed at it");
        });
    }
}
