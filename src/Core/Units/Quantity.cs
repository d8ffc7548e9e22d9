namespace EfficiencyMisnomer.Units;

/// <summary>A parsed quantity: its value in the base unit of its dimension, and the text it was written as.</summary>
/// <param name="Value">In the dimension's base unit: 1, B, s, 1/s, J, g; percentages as fractions (5% is 0.05).</param>
/// <param name="Dimension">What the written unit measures; a plain number is a <see cref="Dimension.Count"/>.</param>
/// <param name="Text">The text as written, for messages.</param>
public readonly record struct Quantity(double Value, Dimension Dimension, string Text)
{
    /// <summary>
    /// The value as a quantity of <paramref name="target"/>, or null when the units do not fit. A plain number
    /// also fits bytes, ratios and money (whose base units need no symbol); a percentage fits a ratio.
    /// </summary>
    public double? As(Dimension target) => (Dimension, target) switch
    {
        var (from, to) when from == to => Value,
        (Dimension.Count, Dimension.Bytes or Dimension.Ratio or Dimension.Money) => Value,
        (Dimension.Percent, Dimension.Ratio) => Value,
        _ => null,
    };
}
