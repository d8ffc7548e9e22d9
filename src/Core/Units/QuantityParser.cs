using System.Globalization;
using System.Text.RegularExpressions;
using EfficiencyMisnomer.Diagnostics;

namespace EfficiencyMisnomer.Units;

/// <summary>
/// Parses quantities as specs write them: <c>25.6M</c>, <c>1.5k</c>, <c>512 MiB</c>, <c>8 GB</c>, <c>5 ms</c>,
/// <c>40 /s</c>, <c>5%</c>, <c>2 J</c>, <c>3.50 USD</c>, <c>$3.50</c>. Culture-invariant (the decimal
/// separator is always a dot; no thousands separators) and overflow-checked. Errors quote the text escaped and
/// bounded (<see cref="UserText.Quote"/>): a spec's value must not forge a log line or flood one.
/// </summary>
public static partial class QuantityParser
{
    public const string Forms = "a number with an optional prefix and unit, e.g. 100M, 1.5k, 512 MiB, 5 ms, 40 /s, 5%";

    private const string NotAQuantity = "'{0}' is not a quantity; write {1}";
    private const string UnknownUnit = "'{0}' has an unknown unit '{1}'; write {2}";
    private const string TooLarge = "'{0}' is too large";
    private const string WrongDimension = "'{0}' is {1}, but {2} is expected; write e.g. {3}";

    /// <summary>Parses <paramref name="text"/>; on failure, <paramref name="error"/> says what is wrong and what to write.</summary>
    public static bool TryParse(string text, out Quantity quantity, out string error)
    {
        ArgumentNullException.ThrowIfNull(text);
        quantity = default;
        error = string.Empty;
        var trimmed = text.Trim();
        var currency = trimmed.Length > 0 && trimmed[0] is '$' or '\u20ac' or '\u00a3';
        var match = NumberAndUnit().Match(currency ? trimmed[1..].TrimStart() : trimmed);
        if (!match.Success)
        {
            error = UserText.Format(NotAQuantity, UserText.Quote(text), Forms);
            return false;
        }

        var symbol = match.Groups["unit"].Value.Replace(" ", string.Empty, StringComparison.Ordinal);
        if (!UnitSymbols.TryFind(symbol, out var dimension, out var factor) || (currency && dimension != Dimension.Count))
        {
            error = UserText.Format(UnknownUnit, UserText.Quote(text), UserText.Quote(match.Groups["unit"].Value), Forms);
            return false;
        }

        if (!decimal.TryParse(match.Groups["number"].Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
        {
            error = UserText.Format(TooLarge, UserText.Quote(text));
            return false;
        }

        try
        {
            var value = (double)(number * factor);
            quantity = new Quantity(value, currency ? Dimension.Money : dimension, trimmed);
            return true;
        }
        catch (OverflowException)
        {
            error = UserText.Format(TooLarge, UserText.Quote(text));
            return false;
        }
    }

    /// <summary>Parses a quantity that must fit <paramref name="expected"/>; returns its value in that dimension's base unit.</summary>
    public static bool TryParse(string text, Dimension expected, out double value, out string error)
    {
        value = 0;
        if (!TryParse(text, out var quantity, out error))
        {
            return false;
        }

        if (quantity.As(expected) is not { } converted)
        {
            error = UserText.Format(WrongDimension, UserText.Quote(text), quantity.Dimension.Describe(), expected.Describe(), expected.Example());
            return false;
        }

        value = converted;
        return true;
    }

    // A decimal number (exponent allowed), then an optional unit made of letters, '/', '%' and micro signs.
    [GeneratedRegex(@"^(?<number>[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?)\s*(?<unit>[A-Za-z\u00b5\u03bc/% ]*)$", RegexOptions.CultureInvariant)]
    private static partial Regex NumberAndUnit();
}
