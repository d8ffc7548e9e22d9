using EfficiencyMisnomer.Units;

namespace EfficiencyMisnomer.Tests.Units;

/// <summary>Every form a spec may write a quantity in, and every malformed one.</summary>
public sealed class QuantityParserTests
{
    [TestCase("0", 0, Dimension.Count)]
    [TestCase("42", 42, Dimension.Count)]
    [TestCase("2.5", 2.5, Dimension.Count)]
    [TestCase(".5", 0.5, Dimension.Count)]
    [TestCase("1e3", 1000, Dimension.Count)]
    [TestCase("1.5k", 1500, Dimension.Count)]
    [TestCase("1.5K", 1500, Dimension.Count)]
    [TestCase("25.6M", 25_600_000, Dimension.Count)]
    [TestCase("4.1G", 4_100_000_000, Dimension.Count)]
    [TestCase("2T", 2e12, Dimension.Count)]
    [TestCase("3P", 3e15, Dimension.Count)]
    [TestCase("1E", 1e18, Dimension.Count)]
    [TestCase("100 M", 100_000_000, Dimension.Count)]
    [TestCase("  7M  ", 7_000_000, Dimension.Count)]
    [TestCase("4Ki", 4096, Dimension.Count)]
    [TestCase("512 B", 512, Dimension.Bytes)]
    [TestCase("512 MiB", 512 * 1024 * 1024.0, Dimension.Bytes)]
    [TestCase("8 GiB", 8 * 1024 * 1024 * 1024.0, Dimension.Bytes)]
    [TestCase("1 KiB", 1024, Dimension.Bytes)]
    [TestCase("1 TiB", 1099511627776, Dimension.Bytes)]
    [TestCase("8 GB", 8e9, Dimension.Bytes)]
    [TestCase("2kB", 2000, Dimension.Bytes)]
    [TestCase("3 MB", 3e6, Dimension.Bytes)]
    [TestCase("5 ms", 0.005, Dimension.Time)]
    [TestCase("5ms", 0.005, Dimension.Time)]
    [TestCase("20 us", 20e-6, Dimension.Time)]
    [TestCase("20 \u00b5s", 20e-6, Dimension.Time)]
    [TestCase("20 \u03bcs", 20e-6, Dimension.Time)]
    [TestCase("300 ns", 300e-9, Dimension.Time)]
    [TestCase("1.5 s", 1.5, Dimension.Time)]
    [TestCase("2 min", 120, Dimension.Time)]
    [TestCase("40 /s", 40, Dimension.Rate)]
    [TestCase("40/s", 40, Dimension.Rate)]
    [TestCase("1.5k /s", 1500, Dimension.Rate)]
    [TestCase("5%", 0.05, Dimension.Percent)]
    [TestCase("0%", 0, Dimension.Percent)]
    [TestCase("12.5 %", 0.125, Dimension.Percent)]
    [TestCase("2 J", 2, Dimension.Energy)]
    [TestCase("150 mJ", 0.15, Dimension.Energy)]
    [TestCase("10 g", 10, Dimension.Mass)]
    [TestCase("2 kg", 2000, Dimension.Mass)]
    [TestCase("3.50 USD", 3.5, Dimension.Money)]
    [TestCase("$3.50", 3.5, Dimension.Money)]
    [TestCase("-1", -1, Dimension.Count)]
    public void Parses(string text, double value, Dimension dimension)
    {
        Assert.That(QuantityParser.TryParse(text, out var quantity, out var error), Is.True, error);
        Assert.Multiple(() =>
        {
            Assert.That(quantity.Value, Is.EqualTo(value).Within(1e-9).Percent);
            Assert.That(quantity.Dimension, Is.EqualTo(dimension));
            Assert.That(quantity.Text, Is.EqualTo(text.Trim()));
        });
    }

    [TestCase("", "is not a quantity")]
    [TestCase("lots", "is not a quantity")]
    [TestCase("M5", "is not a quantity")]
    [TestCase("1,000", "is not a quantity")]
    [TestCase("1 000", "is not a quantity")]
    [TestCase("1_000", "is not a quantity")]
    [TestCase("5 parsecs", "unknown unit")]
    [TestCase("5 Ms", "unknown unit")]
    [TestCase("5 mb", "unknown unit")]
    [TestCase("$5 ms", "unknown unit")]
    [TestCase("1e40", "too large")]
    [TestCase("100000000000000000000000 E", "too large")]
    [TestCase("5..0", "is not a quantity")]
    public void Rejects(string text, string why)
    {
        Assert.That(QuantityParser.TryParse(text, out _, out var error), Is.False);
        Assert.That(error, Does.Contain(why).And.Contain($"'{text}'"));
    }

    [Test]
    public void Parsing_ignores_the_current_culture()
    {
        var saved = Thread.CurrentThread.CurrentCulture;
        try
        {
            // Invariant globalization has no named cultures: make one whose decimal separator is a comma.
            var comma = (System.Globalization.CultureInfo)System.Globalization.CultureInfo.InvariantCulture.Clone();
            comma.NumberFormat.NumberDecimalSeparator = ",";
            comma.NumberFormat.NumberGroupSeparator = ".";
            Thread.CurrentThread.CurrentCulture = comma;
            Assert.That(QuantityParser.TryParse("2.5M", out var quantity, out _), Is.True);
            Assert.That(quantity.Value, Is.EqualTo(2_500_000));
        }
        finally
        {
            Thread.CurrentThread.CurrentCulture = saved;
        }
    }

    [TestCase("100M", Dimension.Count, 100e6)]
    [TestCase("100M", Dimension.Bytes, 100e6)]
    [TestCase("512 MiB", Dimension.Bytes, 536870912)]
    [TestCase("0.5", Dimension.Ratio, 0.5)]
    [TestCase("50%", Dimension.Ratio, 0.5)]
    [TestCase("5%", Dimension.Percent, 0.05)]
    [TestCase("5 ms", Dimension.Time, 0.005)]
    [TestCase("3.5", Dimension.Money, 3.5)]
    public void Converts_to_a_fitting_dimension(string text, Dimension expected, double value)
    {
        Assert.That(QuantityParser.TryParse(text, expected, out var converted, out var error), Is.True, error);
        Assert.That(converted, Is.EqualTo(value).Within(1e-9).Percent);
    }

    [TestCase("5 ms", Dimension.Count, "'5 ms' is a time, but a count (a plain number) is expected; write e.g. 100M")]
    [TestCase("512 MiB", Dimension.Count, "'512 MiB' is a size in bytes, but a count (a plain number) is expected")]
    [TestCase("60", Dimension.Time, "'60' is a count (a plain number), but a time is expected; write e.g. 5 ms")]
    [TestCase("40", Dimension.Rate, "but a rate is expected; write e.g. 40 /s")]
    [TestCase("5", Dimension.Percent, "but a percentage is expected; write e.g. 5%")]
    [TestCase("5%", Dimension.Count, "'5%' is a percentage")]
    [TestCase("2 J", Dimension.Mass, "is an energy, but a mass is expected")]
    public void Rejects_a_unit_of_another_dimension(string text, Dimension expected, string message)
    {
        Assert.That(QuantityParser.TryParse(text, expected, out _, out var error), Is.False);
        Assert.That(error, Does.Contain(message));
    }
}
