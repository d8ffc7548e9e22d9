using EfficiencyMisnomer.Scaffolding;
using EfficiencyMisnomer.Units;

namespace EfficiencyMisnomer.Tests.Scaffolding;

/// <summary>A scaffold's limits read back at or above today's value, in the indicator's own unit.</summary>
public sealed class SpecScaffoldTests
{
    [TestCase(2_802_304, "MAC", 0.10, "3.08 M")]
    [TestCase(11, "nodes", 0.10, "13")]
    [TestCase(999, "parameters", 0.0, "999")]
    [TestCase(131_072, "bytes", 0.10, "140.8 KiB")]
    [TestCase(0.031503, "ms", 1.0, "63.01 us")]
    [TestCase(0, "nodes", 0.10, "0")]
    public void A_limit_is_the_value_grown_by_the_headroom_in_a_form_specs_accept(double value, string unit, double headroom, string expected)
    {
        var limit = SpecScaffold.Limit(value, unit, headroom);
        var dimension = IndicatorUnit.Of(unit).Dimension;

        Assert.Multiple(() =>
        {
            Assert.That(limit, Is.EqualTo(expected));
            Assert.That(QuantityParser.TryParse(limit, dimension, out var read, out var error), Is.True, error);
            Assert.That(read / IndicatorUnit.Of(unit).BaseUnits, Is.GreaterThanOrEqualTo(value), "never below today's value");
        });
    }

    [Test]
    public void A_limit_that_would_round_below_the_value_takes_more_digits()
    {
        // 1.0049 M with no headroom: two decimals would read 1 M, below the value.
        var limit = SpecScaffold.Limit(1_004_900, "MAC", 0);
        Assert.That(QuantityParser.TryParse(limit, Dimension.Count, out var read, out _) && read >= 1_004_900, Is.True, limit);
    }
}
