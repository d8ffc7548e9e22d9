using System.Globalization;

namespace EfficiencyMisnomer.Shapes;

/// <summary>How the values of one model input are made for a measurement.</summary>
public enum InputFillKind
{
    /// <summary>Seeded random values: floats in [-1, 1), bytes and booleans uniformly.</summary>
    Random,

    /// <summary>The given values: one fills every element, otherwise one per element, row-major.</summary>
    Constant,

    /// <summary>Seeded values between <see cref="InputFill.Low"/> and <see cref="InputFill.High"/>, both included for integers.</summary>
    Range,

    /// <summary>The tensor stored in <see cref="InputFill.File"/> (<c>.npy</c> or an ONNX <c>TensorProto</c>).</summary>
    File,

    /// <summary>Position ids: 0, 1, ... along the last dimension, as a real call without padding has them.</summary>
    Positions,
}

/// <summary>
/// What an input holds: declared in a spec (<c>value</c>, <c>range</c>, <c>file</c>) or chosen for the model
/// (<see cref="Origin"/> says which and why). The static engine uses values it knows; the runtime feeds them.
/// </summary>
/// <param name="Kind">How the values are made.</param>
/// <param name="Values">The values of a <see cref="InputFillKind.Constant"/> fill.</param>
/// <param name="Low">The smallest value of a <see cref="InputFillKind.Range"/> fill.</param>
/// <param name="High">The largest value of a <see cref="InputFillKind.Range"/> fill (integers: included).</param>
/// <param name="File">The resolved path of a <see cref="InputFillKind.File"/> fill.</param>
/// <param name="Origin">Why this fill: "declared" for a spec's, otherwise what the engine recognised (a mask, a table's ids).</param>
public sealed record InputFill(
    InputFillKind Kind,
    IReadOnlyList<double>? Values = null,
    double Low = 0,
    double High = 0,
    string? File = null,
    string Origin = InputFill.Declared)
{
    /// <summary>The <see cref="Origin"/> of a fill the spec declares.</summary>
    public const string Declared = "declared";

    public static InputFill Random(string origin) => new(InputFillKind.Random, Origin: origin);

    public static InputFill Constant(double value, string origin = Declared) => new(InputFillKind.Constant, new[] { value }, Origin: origin);

    public static InputFill Between(double low, double high, string origin = Declared) => new(InputFillKind.Range, Low: low, High: high, Origin: origin);

    public bool IsDeclared => Origin == Declared;

    /// <summary>A short account for reports: <c>value 16000 (declared)</c>, <c>ids in [0, 511] (rows of the table ...)</c>.</summary>
    public string Describe()
    {
        var what = Kind switch
        {
            InputFillKind.Constant when Values is { Count: 1 } one => $"value {Number(one[0])}",
            InputFillKind.Constant => $"{Values?.Count ?? 0} given values",
            InputFillKind.Range => $"values in [{Number(Low)}, {Number(High)}]",
            InputFillKind.File => $"from '{Path.GetFileName(File)}'",
            InputFillKind.Positions => "positions 0, 1, ... along the last dimension",
            _ => "seeded random values",
        };
        return $"{what} ({Origin})";
    }

    private static string Number(double value) => value.ToString(CultureInfo.InvariantCulture);
}
