using System.Globalization;
using EfficiencyMisnomer.Units;

namespace EfficiencyMisnomer.Exporters;

/// <summary>
/// Readable values of a results document, in <see cref="QuantityFormat.Compact"/> form. A document names its
/// units either as the indicator catalogue does (<c>ms</c>, <c>parameters</c>, <c>samples/s</c>) or in base
/// units (<c>s</c>, <c>count</c>, <c>/s</c>, <c>B</c>); both read the same.
/// </summary>
public static class ResultValue
{
    /// <summary>A value in its unit: <c>5.72 M</c>, <c>3.1 ms</c>, <c>97.5 MiB</c>.</summary>
    public static string Format(double value, string unit, int digits = 2)
    {
        var (scaled, catalogueUnit) = Catalogue(value, unit);
        return QuantityFormat.Compact(scaled, catalogueUnit, digits);
    }

    /// <summary>A value with its interval, each bound in as few digits as keep the bounds apart: <c>3.1 ms (3.09 ms to 3.11 ms)</c>.</summary>
    public static string WithInterval(double value, double? lower, double? upper, string unit)
    {
        if ((lower is null && upper is null) || (lower == value && upper == value))
        {
            // No interval, or a single observation's degenerate one: the value says it all.
            return Format(value, unit);
        }

        for (int digits = 2; digits <= 5; digits++)
        {
            var low = lower is { } l ? Format(l, unit, digits) : "unbounded";
            var high = upper is { } u ? Format(u, unit, digits) : "unbounded";
            if (low != high || digits == 5)
            {
                return $"{Format(value, unit, digits)} ({low} to {high})";
            }
        }

        return Format(value, unit);
    }

    /// <summary>
    /// What a table's unit column says of an indicator: cells scale each value (<c>31.9 us</c>, <c>3.1 ms</c>,
    /// <c>97.5 MiB</c>), so for a time, a size or a rate the column names the kind of quantity, never a unit the cells do
    /// not use; other units as they are.
    /// </summary>
    public static string UnitColumn(string unit)
    {
        var (_, catalogueUnit) = Catalogue(1, unit);
        return IndicatorUnit.Of(catalogueUnit).Dimension switch
        {
            Dimension.Time => "time",
            Dimension.Bytes => "bytes",
            Dimension.Rate => "per second",
            _ => catalogueUnit,
        };
    }

    /// <summary>The relative change from <paramref name="reference"/> to <paramref name="measured"/>: <c>+4.2%</c>.</summary>
    public static string Change(double measured, double reference)
    {
        if (reference == 0)
        {
            return measured == 0 ? "0%" : "new";
        }

        var change = (measured - reference) / Math.Abs(reference);
        return change.ToString("+0.#%;-0.#%;0%", CultureInfo.InvariantCulture);
    }

    private static (double Value, string Unit) Catalogue(double value, string unit) => unit switch
    {
        "s" => (value * 1e3, "ms"),
        "us" => (value * 1e-3, "ms"),
        "ns" => (value * 1e-6, "ms"),
        "/s" => (value, "samples/s"),
        "B" => (value, "bytes"),
        _ => (value, unit),
    };
}
