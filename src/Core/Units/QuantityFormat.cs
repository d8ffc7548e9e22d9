using System.Globalization;

namespace EfficiencyMisnomer.Units;

/// <summary>Readable renderings of indicator values: SI prefixes for counts, binary prefixes for bytes.</summary>
public static class QuantityFormat
{
    private static readonly string[] SiPrefixes = { "", "K", "M", "G", "T", "P", "E" };
    private static readonly string[] BinaryPrefixes = { "", "Ki", "Mi", "Gi", "Ti", "Pi", "Ei" };

    /// <summary><c>25.56 M</c>, <c>4.09 G</c>; small integers as they are.</summary>
    public static string Si(double value, int digits = 2) => Scaled(value, 1000, SiPrefixes, digits);

    /// <summary><c>97.49 MiB</c>.</summary>
    public static string Bytes(double value, int digits = 2) => Scaled(value, 1024, BinaryPrefixes, digits) + "B";

    /// <summary>The exact value: integers with thousands separators, ratios with four significant decimals.</summary>
    public static string Exact(double value, long? count) => count is { } c
        ? c.ToString("N0", CultureInfo.InvariantCulture)
        : value.ToString("0.####", CultureInfo.InvariantCulture);

    /// <summary>The readable form for an indicator's unit.</summary>
    public static string ForUnit(double value, string unit) => unit switch
    {
        "bytes" => Bytes(value),
        "ratio" or "FLOP/byte" => value.ToString("0.###", CultureInfo.InvariantCulture),
        _ => Si(value),
    };

    /// <summary>
    /// A compact readable form in an indicator's unit, trailing zeros trimmed: <c>101.2 M</c>, <c>97.5 MiB</c>,
    /// <c>5 ms</c>, <c>40 /s</c>. Used in verdict messages.
    /// </summary>
    public static string Compact(double value, string unit, int digits = 2)
    {
        var kind = IndicatorUnit.Of(unit);
        var pattern = "0." + new string('#', digits);
        return kind.Dimension switch
        {
            Dimension.Bytes => Trimmed(value, 1024, BinaryPrefixes, pattern) + "B",
            Dimension.Time => Time(value * kind.BaseUnits, pattern),
            Dimension.Rate => Trimmed(value, 1000, SiPrefixes, pattern) + "/s",
            Dimension.Ratio or Dimension.Money => value.ToString(pattern, CultureInfo.InvariantCulture),
            Dimension.Energy => value.ToString(pattern, CultureInfo.InvariantCulture) + " J",
            Dimension.Mass => value.ToString(pattern, CultureInfo.InvariantCulture) + " g",
            _ => Trimmed(value, 1000, SiPrefixes, pattern).TrimEnd(),
        };
    }

    /// <summary>
    /// A measured value and its limit, each in <see cref="Compact"/> form with just enough digits that two
    /// different numbers never read the same (<c>100.0004 M</c> vs <c>100 M</c>); exact integers as a last resort.
    /// </summary>
    public static (string Measured, string Limit) Pair(double measured, double limit, string unit)
    {
        for (int digits = 2; digits <= 6; digits++)
        {
            var pair = (Compact(measured, unit, digits), Compact(limit, unit, digits));
            if (pair.Item1 != pair.Item2 || measured == limit)
            {
                return pair;
            }
        }

        // Whole counts keep their exact digits; measured values equal to six decimals read alike, in their unit.
        return double.IsInteger(measured) && double.IsInteger(limit)
            ? (measured.ToString("R", CultureInfo.InvariantCulture), limit.ToString("R", CultureInfo.InvariantCulture))
            : (Compact(measured, unit, 6), Compact(limit, unit, 6));
    }

    private static string Time(double seconds, string pattern)
    {
        var magnitude = Math.Abs(seconds);
        var (scale, symbol) = magnitude >= 1 || magnitude == 0 ? (1.0, "s")
            : magnitude >= 1e-3 ? (1e3, "ms")
            : magnitude >= 1e-6 ? (1e6, "us")
            : (1e9, "ns");
        return (seconds * scale).ToString(pattern, CultureInfo.InvariantCulture) + " " + symbol;
    }

    private static string Trimmed(double value, double step, string[] prefixes, string pattern)
    {
        if (!double.IsFinite(value))
        {
            return NonFinite(value) + " ";
        }

        var (scaled, index) = Prefixed(value, step, prefixes);
        return $"{scaled.ToString(pattern, CultureInfo.InvariantCulture)} {prefixes[index]}";
    }

    private static string Scaled(double value, double step, string[] prefixes, int digits)
    {
        if (!double.IsFinite(value))
        {
            return NonFinite(value) + " ";
        }

        var (scaled, index) = Prefixed(value, step, prefixes);
        var text = index == 0 && Math.Abs(value % 1) < double.Epsilon
            ? scaled.ToString("0", CultureInfo.InvariantCulture)
            : scaled.ToString("0." + new string('0', digits), CultureInfo.InvariantCulture);
        return prefixes[index].Length == 0 ? text + " " : $"{text} {prefixes[index]}";
    }

    /// <summary><paramref name="value"/> divided by the largest power of <paramref name="step"/> it reaches, and that power's prefix index.</summary>
    private static (double Scaled, int Index) Prefixed(double value, double step, string[] prefixes)
    {
        var magnitude = Math.Abs(value);
        int index = 0;
        while (magnitude >= step && index < prefixes.Length - 1)
        {
            magnitude /= step;
            index++;
        }

        return (Math.Sign(value) * magnitude, index);
    }

    /// <summary>
    /// A value no indicator should have (a ratio of two zeros, a difference of two overflows), shown as what it is: a
    /// report of a hand-edited or merged document must still render.
    /// </summary>
    private static string NonFinite(double value) => double.IsNaN(value) ? "NaN" : value > 0 ? "∞" : "-∞";
}
