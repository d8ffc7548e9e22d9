namespace EfficiencyMisnomer.Fuzz.Tests.Generators;

/// <summary>Values that have broken parsers and printers before: extremes, escapes, text direction, empty, long.</summary>
internal static class Hostile
{
    /// <summary>Strings a name, key or path may be: empty, control characters, ANSI, line separators, bidi, lone surrogates, long, a CI workflow command.</summary>
    public static readonly string[] Strings =
    {
        "", " ", "a\nb", "a\r\nb", "x\u001b[31mred\u001b[0m", "\u2028", "\u202erevo\u202c", "\u0000", "nul\u0000byte", "\ud800", "\udc00x",
        "\ufeffbom", "\uffff", "x\ufffe", "tab\there", "::error::forged", "\n::error file=a.cs::forged", "\u0085next", "é", "名前", "🙂", "'quoted'", "\"dq\"",
        "{", "}", "[", "]", "&anchor", "*alias", "!!binary", "%", "@", "`", "|", ">", "#comment", "- item", "? key", ": value",
        "../../etc/passwd", "/dev/zero", "C:\\windows", "\\\\server\\share", "con", "nul", "a/b/c",
        new string('x', 300), new string('é', 250), string.Concat(Enumerable.Repeat("\u001b[2J", 100)),
    };

    public static readonly long[] Longs =
    {
        0, 1, 2, 3, -1, -2, 7, 255, 256, 65535, int.MaxValue, (long)int.MaxValue + 1, int.MinValue, 1L << 32, 1L << 40, 1L << 53,
        1L << 62, long.MaxValue, long.MinValue, long.MaxValue - 1, 3037000500, 4294967295,
    };

    public static readonly float[] Floats = { 0, -0f, 1, -1, 1e-45f, 3.4e38f, float.NaN, float.PositiveInfinity, float.NegativeInfinity, 0.5f };

    public static readonly double[] Doubles =
    {
        0, -0d, 1, -1, 0.5, 1e-320, double.Epsilon, 1e308, double.MaxValue, double.MinValue, double.NaN, double.PositiveInfinity,
        double.NegativeInfinity, 9007199254740993, 1e15, 123.456,
    };

    /// <summary>Doubles the engine can produce where a value is never absent (latency samples, quality): finite, but extreme.</summary>
    public static readonly double[] FiniteDoubles = { 0, -0d, 1, -1, 0.5, 1e-320, double.Epsilon, 1e308, double.MaxValue, double.MinValue, 9007199254740993, 1e15 };

    public static Gen<string> String { get; } = Gen.OneOf(Strings);

    public static Gen<long> Long { get; } = Gen.OneOf(Longs);

    /// <summary>Mostly a plain name from <paramref name="plain"/>, sometimes a hostile one.</summary>
    public static Gen<string> Name(params string[] plain) => Pick.Weighted((6, Gen.OneOf(plain)), (1, String));
}
