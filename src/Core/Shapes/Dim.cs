namespace EfficiencyMisnomer.Shapes;

/// <summary>One dimension of a tensor shape: a known size, or a symbol whose size is not known.</summary>
public readonly record struct Dim
{
    private Dim(long value, string? symbol)
    {
        Value = value;
        Symbol = symbol;
    }

    /// <summary>The size; meaningful only when <see cref="IsKnown"/>.</summary>
    public long Value { get; }

    /// <summary>The symbol (<c>batch</c>, <c>seq</c>) of an unknown dimension; null when known.</summary>
    public string? Symbol { get; }

    public bool IsKnown => Symbol is null;

    public static Dim Of(long value)
    {
        if (value < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, "A dimension cannot be negative.");
        }

        return new Dim(value, null);
    }

    public static Dim Unknown(string symbol) => new(0, symbol);

    public static implicit operator Dim(long value) => Of(value);

    public override string ToString() => IsKnown ? Value.ToString(System.Globalization.CultureInfo.InvariantCulture) : Symbol!;
}
