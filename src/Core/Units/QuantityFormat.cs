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

    private static string Scaled(double value, double step, string[] prefixes, int digits)
    {
        var magnitude = Math.Abs(value);
        int index = 0;
        while (magnitude >= step && index < prefixes.Length - 1)
        {
            magnitude /= step;
            index++;
        }

        var scaled = Math.Sign(value) * magnitude;
        var text = index == 0 && Math.Abs(value % 1) < double.Epsilon
            ? scaled.ToString("0", CultureInfo.InvariantCulture)
            : scaled.ToString("0." + new string('0', digits), CultureInfo.InvariantCulture);
        return prefixes[index].Length == 0 ? text + " " : $"{text} {prefixes[index]}";
    }
}
