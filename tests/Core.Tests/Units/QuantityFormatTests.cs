using EfficiencyMisnomer.Units;

namespace EfficiencyMisnomer.Tests.Units;

/// <summary>The compact forms verdict messages use.</summary>
public sealed class QuantityFormatTests
{
    [TestCase(101_200_000, "parameters", "101.2 M")]
    [TestCase(100_000_000, "parameters", "100 M")]
    [TestCase(0, "nodes", "0")]
    [TestCase(512, "MAC", "512")]
    [TestCase(1024 * 1024, "bytes", "1 MiB")]
    [TestCase(799_696, "bytes", "780.95 KiB")]
    [TestCase(5, "ms", "5 ms")]
    [TestCase(0.02, "ms", "20 us")]
    [TestCase(1500, "ms", "1.5 s")]
    [TestCase(40, "samples/s", "40 /s")]
    [TestCase(7.15714, "FLOP/byte", "7.16")]
    public void Compact(double value, string unit, string expected) =>
        Assert.That(QuantityFormat.Compact(value, unit), Is.EqualTo(expected));

    [Test]
    public void Pair_adds_digits_until_different_values_read_differently()
    {
        Assert.Multiple(() =>
        {
            Assert.That(QuantityFormat.Pair(101_200_000, 100_000_000, "parameters"), Is.EqualTo(("101.2 M", "100 M")));
            Assert.That(QuantityFormat.Pair(100_000_400, 100_000_000, "parameters"), Is.EqualTo(("100.0004 M", "100 M")));
            Assert.That(QuantityFormat.Pair(100_000_001, 100_000_000, "parameters"), Is.EqualTo(("100.000001 M", "100 M")));
            Assert.That(QuantityFormat.Pair(1_000_000_000_001, 1e12, "parameters"), Is.EqualTo(("1000000000001", "1000000000000")));
            Assert.That(QuantityFormat.Pair(3e6, 3e6, "MAC"), Is.EqualTo(("3 M", "3 M")));
            Assert.That(QuantityFormat.Pair(0.038999999999414385, 0.03899999999993717, "ms"), Is.EqualTo(("39 us", "39 us")), "equal to six decimals: alike, in the unit");
        });
    }
}
