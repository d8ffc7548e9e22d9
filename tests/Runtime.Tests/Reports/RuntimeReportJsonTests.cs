using EfficiencyMisnomer.Diagnostics;
using EfficiencyMisnomer.Runtime.Reports;
using EfficiencyMisnomer.Runtime.Sessions;

namespace EfficiencyMisnomer.Runtime.Tests.Reports;

public sealed class RuntimeReportJsonTests
{
    [Test]
    public void Unbounded_interval_sides_are_written_as_null_not_infinity()
    {
        Assert.Multiple(() =>
        {
            Assert.That(RuntimeReportJson.Finite(double.PositiveInfinity), Is.Null);
            Assert.That(RuntimeReportJson.Finite(double.NaN), Is.Null);
            Assert.That(RuntimeReportJson.Finite(null), Is.Null);
            Assert.That(RuntimeReportJson.Finite(2.5), Is.EqualTo(2.5));
        });
    }

    [Test]
    public void The_report_states_the_confidence_level_and_precision_target_of_its_intervals()
    {
        var report = new RuntimeReport("m", "m.onnx", "ci-cpu", 1, new ProviderSelection(ProviderSelection.Cpu, "asked for"), new SessionSettings(1, 1),
            Array.Empty<MeasuredIndicator>(), 10, TimeSpan.FromSeconds(1), Array.Empty<Diagnostic>())
        {
            Confidence = 0.95,
            TargetRelativeHalfWidth = 0.05,
        };

        var node = RuntimeReportJson.Node(report);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(node["confidence"]!.GetValue<double>(), Is.EqualTo(0.95));
            Assert.That(node["target_relative_half_width"]!.GetValue<double>(), Is.EqualTo(0.05));
        }
    }
}
