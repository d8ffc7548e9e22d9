namespace EfficiencyMisnomer.Units;

/// <summary>Every unit suffix the parser accepts, with its dimension and factor to the base unit. Case matters: M is mega, m milli.</summary>
internal static class UnitSymbols
{
    private static readonly (string Prefix, decimal Factor)[] Si =
    {
        ("k", 1e3m), ("K", 1e3m), ("M", 1e6m), ("G", 1e9m), ("T", 1e12m), ("P", 1e15m), ("E", 1e18m),
    };

    private static readonly (string Prefix, decimal Factor)[] Binary =
    {
        ("Ki", 1L << 10), ("Mi", 1L << 20), ("Gi", 1L << 30), ("Ti", 1L << 40), ("Pi", 1L << 50), ("Ei", 1L << 60),
    };

    private static readonly Dictionary<string, (Dimension Dimension, decimal Factor)> Table = Build();

    public static bool TryFind(string symbol, out Dimension dimension, out decimal factor)
    {
        if (Table.TryGetValue(symbol, out var unit))
        {
            (dimension, factor) = unit;
            return true;
        }

        // Any three-letter currency code (USD, EUR, CHF): amounts are compared as written, never converted.
        if (symbol.Length == 3 && symbol.All(char.IsAsciiLetterUpper))
        {
            (dimension, factor) = (Dimension.Money, 1m);
            return true;
        }

        (dimension, factor) = (Dimension.Count, 0m);
        return false;
    }

    private static Dictionary<string, (Dimension, decimal)> Build()
    {
        var table = new Dictionary<string, (Dimension, decimal)>(StringComparer.Ordinal)
        {
            [""] = (Dimension.Count, 1m),
            ["B"] = (Dimension.Bytes, 1m),
            ["ns"] = (Dimension.Time, 1e-9m),
            ["us"] = (Dimension.Time, 1e-6m),
            ["\u00b5s"] = (Dimension.Time, 1e-6m), // micro sign
            ["\u03bcs"] = (Dimension.Time, 1e-6m), // Greek mu
            ["ms"] = (Dimension.Time, 1e-3m),
            ["s"] = (Dimension.Time, 1m),
            ["min"] = (Dimension.Time, 60m),
            ["/s"] = (Dimension.Rate, 1m),
            ["%"] = (Dimension.Percent, 0.01m),
            ["J"] = (Dimension.Energy, 1m),
            ["mJ"] = (Dimension.Energy, 1e-3m),
            ["uJ"] = (Dimension.Energy, 1e-6m),
            ["\u00b5J"] = (Dimension.Energy, 1e-6m),
            ["kJ"] = (Dimension.Energy, 1e3m),
            ["g"] = (Dimension.Mass, 1m),
            ["mg"] = (Dimension.Mass, 1e-3m),
            ["kg"] = (Dimension.Mass, 1e3m),
        };

        foreach (var (prefix, factor) in Si)
        {
            table[prefix] = (Dimension.Count, factor);
            table[prefix + "B"] = (Dimension.Bytes, factor);
            table[prefix + "/s"] = (Dimension.Rate, factor);
        }

        foreach (var (prefix, factor) in Binary)
        {
            table[prefix] = (Dimension.Count, factor);
            table[prefix + "B"] = (Dimension.Bytes, factor);
        }

        return table;
    }
}
