namespace EfficiencyMisnomer.Units;

/// <summary>What a quantity measures. A budget's value must have its indicator's dimension.</summary>
public enum Dimension
{
    /// <summary>A pure number: parameters, MACs, FLOPs, elements, nodes (<c>25.6M</c>, <c>1.5k</c>).</summary>
    Count,

    /// <summary>Bytes (<c>512 MiB</c>, <c>8 GB</c>); base unit B.</summary>
    Bytes,

    /// <summary>Time (<c>5 ms</c>, <c>20 us</c>); base unit s.</summary>
    Time,

    /// <summary>Events per second (<c>40 /s</c>); base unit 1/s.</summary>
    Rate,

    /// <summary>A dimensionless ratio (<c>0.5</c>, or <c>50%</c>).</summary>
    Ratio,

    /// <summary>A percentage (<c>5%</c>), stored as a fraction (0.05).</summary>
    Percent,

    /// <summary>Money (<c>3.50</c>, <c>3.50 USD</c>, <c>$3.50</c>).</summary>
    Money,

    /// <summary>Energy (<c>2 J</c>, <c>150 mJ</c>); base unit J.</summary>
    Energy,

    /// <summary>Mass, for emissions (<c>12 g</c>); base unit g.</summary>
    Mass,
}

/// <summary>Names of <see cref="Dimension"/> as messages say them.</summary>
public static class Dimensions
{
    /// <summary>"a count", "a time", ...: the article-prefixed name used in unit errors.</summary>
    public static string Describe(this Dimension dimension) => dimension switch
    {
        Dimension.Count => "a count (a plain number)",
        Dimension.Bytes => "a size in bytes",
        Dimension.Time => "a time",
        Dimension.Rate => "a rate",
        Dimension.Ratio => "a ratio",
        Dimension.Percent => "a percentage",
        Dimension.Money => "an amount of money",
        Dimension.Energy => "an energy",
        Dimension.Mass => "a mass",
        _ => dimension.ToString(),
    };

    /// <summary>An example value of the dimension, for "write e.g. ..." hints.</summary>
    public static string Example(this Dimension dimension) => dimension switch
    {
        Dimension.Count => "100M",
        Dimension.Bytes => "512 MiB",
        Dimension.Time => "5 ms",
        Dimension.Rate => "40 /s",
        Dimension.Ratio => "0.5",
        Dimension.Percent => "5%",
        Dimension.Money => "3.50",
        Dimension.Energy => "2 J",
        Dimension.Mass => "10 g",
        _ => "1",
    };
}
