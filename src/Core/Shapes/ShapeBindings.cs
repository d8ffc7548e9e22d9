using System.Globalization;
using EfficiencyMisnomer.Diagnostics;

namespace EfficiencyMisnomer.Shapes;

/// <summary>
/// Values a user gives to symbolic dimensions (<c>batch=1</c>) and to whole input shapes
/// (<c>input=1x3x224x224</c>).
/// </summary>
public sealed class ShapeBindings
{
    public static ShapeBindings None { get; } = new(new Dictionary<string, long>(), new Dictionary<string, long[]>());

    public ShapeBindings(IReadOnlyDictionary<string, long> symbols, IReadOnlyDictionary<string, long[]> inputs)
    {
        Symbols = symbols;
        Inputs = inputs;
    }

    /// <summary>Symbolic dimension name to size.</summary>
    public IReadOnlyDictionary<string, long> Symbols { get; }

    /// <summary>Graph input name to its full shape; also accepts a symbol bound by a plain number.</summary>
    public IReadOnlyDictionary<string, long[]> Inputs { get; }

    /// <summary>Graph input name to the values it is declared to hold (a spec's <c>inputs</c>).</summary>
    public IReadOnlyDictionary<string, InputFill> Fills { get; init; } = new Dictionary<string, InputFill>();

    /// <summary>
    /// Parses <c>name=value</c> pairs. A value with an <c>x</c> (<c>1x3x224x224</c>) binds an input's
    /// shape; a plain number binds a symbol, or an input of rank 1 if no symbol has that name.
    /// </summary>
    public static ShapeBindings Parse(IEnumerable<string> pairs)
    {
        var symbols = new Dictionary<string, long>(StringComparer.Ordinal);
        var inputs = new Dictionary<string, long[]>(StringComparer.Ordinal);
        foreach (var pair in pairs)
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0 || equals == pair.Length - 1)
            {
                throw Invalid(pair, "expected NAME=VALUE, e.g. batch=1 or input=1x3x224x224");
            }

            var name = pair[..equals].Trim();
            var value = pair[(equals + 1)..].Trim();
            var parts = value.Split('x', 'X', '*', ',');
            var sizes = new long[parts.Length];
            for (int i = 0; i < parts.Length; i++)
            {
                if (!long.TryParse(parts[i], NumberStyles.None, CultureInfo.InvariantCulture, out sizes[i]))
                {
                    throw Invalid(pair, $"'{UserText.Quote(parts[i])}' is not a non-negative integer");
                }
            }

            if (sizes.Length == 1)
            {
                symbols[name] = sizes[0];
            }
            else
            {
                inputs[name] = sizes;
            }
        }

        return new ShapeBindings(symbols, inputs);
    }

    /// <summary>
    /// These bindings with inputs declared to hold a value, from <c>name=number</c> pairs (<c>sr=16000</c>); the number
    /// fills every element. A pair that does not parse is <see cref="ErrorCodes.InvalidBinding"/>.
    /// </summary>
    public ShapeBindings WithValues(IEnumerable<string> pairs)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        var fills = new Dictionary<string, InputFill>(Fills, StringComparer.Ordinal);
        foreach (var pair in pairs)
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0 || equals == pair.Length - 1)
            {
                throw Invalid(pair, "expected INPUT=NUMBER, e.g. sr=16000");
            }

            var text = pair[(equals + 1)..].Trim();
            if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
            {
                throw Invalid(pair, $"'{UserText.Quote(text)}' is not a number");
            }

            fills[pair[..equals].Trim()] = InputFill.Constant(value);
        }

        return new ShapeBindings(Symbols, Inputs) { Fills = fills };
    }

    /// <summary>Every name these bindings give a size, a shape or a value to.</summary>
    public IEnumerable<string> Names => Symbols.Keys.Concat(Inputs.Keys).Concat(Fills.Keys).Distinct(StringComparer.Ordinal);

    /// <summary>These bindings less those of a name outside <paramref name="names"/>.</summary>
    public ShapeBindings Restrict(IReadOnlySet<string> names)
    {
        ArgumentNullException.ThrowIfNull(names);
        return new ShapeBindings(
            Symbols.Where(b => names.Contains(b.Key)).ToDictionary(b => b.Key, b => b.Value, StringComparer.Ordinal),
            Inputs.Where(b => names.Contains(b.Key)).ToDictionary(b => b.Key, b => b.Value, StringComparer.Ordinal))
        {
            Fills = Fills.Where(b => names.Contains(b.Key)).ToDictionary(b => b.Key, b => b.Value, StringComparer.Ordinal),
        };
    }

    private static EfficiencyException Invalid(string pair, string why) =>
        new(ErrorCodes.InvalidBinding, $"binding '{UserText.Quote(pair)}' is invalid: {why}.");
}
