using EfficiencyMisnomer.Runtime.Reports;

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
}
