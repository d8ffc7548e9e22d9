using EfficiencyMisnomer.Budgets;
using EfficiencyMisnomer.Diagnostics;
using EfficiencyMisnomer.Indicators;
using EfficiencyMisnomer.Runtime.Exporters;
using EfficiencyMisnomer.Runtime.Gate;
using EfficiencyMisnomer.Runtime.Measurement;
using EfficiencyMisnomer.Runtime.Sessions;

namespace EfficiencyMisnomer.Runtime.Tests.Exporters;

/// <summary>The text of a measured case: only a budgeted statistic whose interval did not settle is called unstable.</summary>
public sealed class RuntimeReportTextTests
{
    [Test]
    public void Only_budgeted_statistics_are_marked_unstable_and_long_names_keep_the_columns_aligned()
    {
        var indicators = new[]
        {
            new MeasuredIndicator(RuntimeIndicators.LatencyP50, 1.0, 0.99, 1.01, 100, Stable: true),
            new MeasuredIndicator(RuntimeIndicators.LatencyP90, 1.5, 1.0, 2.5, 100, Stable: false),
            new MeasuredIndicator(RuntimeIndicators.LatencyP99, 3.0, 1.0, 9.0, 100, Stable: false),
            new MeasuredIndicator(RuntimeIndicators.DecodeTokensPerSecond, 2000, 1900, 2100, 20, Stable: true),
        };
        var report = new RuntimeReport("m", "m.onnx", "cpu", 1, new ProviderSelection("cpu", "asked for"), new SessionSettings(1, 1), indicators, 10,
            TimeSpan.FromSeconds(1), Array.Empty<Diagnostic>());
        var verdict = new BudgetVerdict("latency.p99", 3.0, 5.0, BudgetBound.Max, VerdictStatus.Unstable, new SourceLocation("spec.yaml", 9, 20), "latency.p99 is unstable");

        var lines = RuntimeReportText.Case(new RuntimeCase("spec.yaml", "m", null, report, new[] { verdict })).Split('\n');

        string Row(string name) => lines.Single(l => l.StartsWith("  " + name + " ", StringComparison.Ordinal));
        Assert.Multiple(() =>
        {
            Assert.That(Row("latency.p99"), Does.EndWith("unstable"));
            Assert.That(Row("latency.p90"), Does.Not.Contain("unstable"), "not budgeted: sampling never aimed at it");
            Assert.That(Row("latency.p50").IndexOf("ms", StringComparison.Ordinal), Is.EqualTo(Row("tokens_per_s.decode").IndexOf("K/s", StringComparison.Ordinal) + 1),
                "values right-aligned in one column");
        });
    }
}
