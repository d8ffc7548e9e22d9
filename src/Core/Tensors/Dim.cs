using EfficiencyMisnomer.Diagnostics;

namespace EfficiencyMisnomer.Tensors;

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

    /// <summary>Characters of a symbol shown in text; a longer one is cut.</summary>
    public const int MaxSymbolShown = 64;

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

    /// <summary>The size, or the symbol as a message may quote it: a dim_param comes from the model, so it is escaped and cut.</summary>
    public override string ToString() => IsKnown ? Value.ToString(System.Globalization.CultureInfo.InvariantCulture) : UserText.Quote(Symbol, MaxSymbolShown);
}
