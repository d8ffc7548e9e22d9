using EfficiencyMisnomer.Budgets;
using EfficiencyMisnomer.Diagnostics;
using EfficiencyMisnomer.Indicators;
using EfficiencyMisnomer.Runtime.Gate;
using EfficiencyMisnomer.Runtime.Measurement;
using EfficiencyMisnomer.Runtime.Sessions;
using EfficiencyMisnomer.Specs;

namespace EfficiencyMisnomer.Runtime.Tests.Gate;

public sealed class SettledMeasurementTests
{
    private static readonly Budget P99UnderFiveMs = new(RuntimeIndicators.LatencyP99, new Limit(5, "5 ms", new SourceLocation("spec.yaml", 9, 20)), null,
        BudgetSeverity.Error, new SourceLocation("spec.yaml", 9, 7));

    private static readonly MeasurementOptions OneSecond = MeasurementOptions.Default with { TimeCap = TimeSpan.FromSeconds(1) };

    [Test]
    public void An_interval_that_straddles_the_limit_is_measured_again_with_a_longer_cap()
    {
        var caps = new List<TimeSpan>();
        var progress = new List<string>();
        var reports = new Queue<RuntimeReport>(new[] { P99(4.0, 3.0, 6.0, stable: false), P99(3.0, 2.9, 3.1, stable: true) });

        var (report, verdicts) = SettledMeasurement.Measure(options => { caps.Add(options.TimeCap); return reports.Dequeue(); }, OneSecond, new[] { P99UnderFiveMs }, progress.Add);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(caps, Is.EqualTo(new[] { TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2) }));
            Assert.That(report["latency.p99"].Value, Is.EqualTo(3.0));
            Assert.That(verdicts.Single().Status, Is.EqualTo(VerdictStatus.Pass));
            Assert.That(progress.Single(), Is.EqualTo("model 'm' [ci-cpu]: latency.p99 unstable after 1 s; measuring again with a 2 s time cap"));
        }
    }

    [Test]
    public void A_decided_verdict_is_measured_once_even_with_a_wide_interval()
    {
        int calls = 0;

        var (_, verdicts) = SettledMeasurement.Measure(_ => { calls++; return P99(1.0, 0.5, 4.0, stable: false); }, OneSecond, new[] { P99UnderFiveMs });

        using (Assert.EnterMultipleScope())
        {
            Assert.That(calls, Is.EqualTo(1));
            Assert.That(verdicts.Single().Status, Is.EqualTo(VerdictStatus.Pass));
        }
    }

    [Test]
    public void A_case_still_undecided_after_every_attempt_stays_unstable()
    {
        var caps = new List<TimeSpan>();

        var (_, verdicts) = SettledMeasurement.Measure(options => { caps.Add(options.TimeCap); return P99(4.9, 4.0, 6.0, stable: false); }, OneSecond, new[] { P99UnderFiveMs });

        using (Assert.EnterMultipleScope())
        {
            Assert.That(caps, Has.Count.EqualTo(SettledMeasurement.Attempts));
            Assert.That(verdicts.Single().Status, Is.EqualTo(VerdictStatus.Unstable));
            Assert.That(verdicts.Single().Message, Does.Contain("is unstable"));
        }
    }

    private static RuntimeReport P99(double value, double lower, double upper, bool stable) => new(
        "m", "m.onnx", "ci-cpu", 1, new ProviderSelection(ProviderSelection.Cpu, "asked for"), new SessionSettings(1, 1),
        new[] { new MeasuredIndicator(RuntimeIndicators.LatencyP99, value, lower, upper, 500, stable) }, 10, TimeSpan.FromSeconds(1), Array.Empty<Diagnostic>());
}
