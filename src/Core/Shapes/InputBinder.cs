using System.Globalization;
using EfficiencyMisnomer.Diagnostics;
using EfficiencyMisnomer.Graph;
using EfficiencyMisnomer.Tensors;

namespace EfficiencyMisnomer.Shapes;

/// <summary>
/// Gives every main-graph input a concrete shape: whole-input bindings first (a declared data file's shape when
/// there is none), then symbol bindings. A symbol left unbound that sizes the leading dimension of an input
/// is a batch and defaults to 1 with a warning; any other unbound symbol is an error that lists them all, each with
/// the inputs it sizes and the binding to add. Inputs declared to hold known values (a spec's <c>value</c>, or a small
/// data file) get those values, checked against the input's type and shape.
/// </summary>
internal static class InputBinder
{
    public static BoundGraphInputs Bind(OnnxModel model, ShapeBindings bindings, List<Diagnostic> warnings)
    {
        var graph = model.Graph;
        var symbolsInModel = new HashSet<string>(StringComparer.Ordinal);
        foreach (var input in graph.Inputs)
        {
            foreach (var dim in input.Type?.Shape ?? TensorShape.Scalar)
            {
                if (!dim.IsKnown)
                {
                    symbolsInModel.Add(dim.Symbol!);
                }
            }
        }

        var inputNames = graph.Inputs.Select(i => i.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var name in bindings.Inputs.Keys.Concat(bindings.Fills.Keys).Where(n => !inputNames.Contains(n)))
        {
            throw UnknownTarget(model, name, symbolsInModel, inputNames);
        }

        foreach (var name in bindings.Symbols.Keys.Where(n => !symbolsInModel.Contains(n) && !inputNames.Contains(n)))
        {
            throw UnknownTarget(model, name, symbolsInModel, inputNames);
        }

        var files = new Dictionary<string, TensorValue>(StringComparer.Ordinal);
        foreach (var (name, fill) in bindings.Fills)
        {
            if (fill is { Kind: InputFillKind.File, File: { } path })
            {
                files[name] = InputData.Read(path, name);
            }
        }

        var result = new Dictionary<string, TensorType>(StringComparer.Ordinal);
        var unbound = new Dictionary<string, List<(string Input, int Axis)>>(StringComparer.Ordinal);
        foreach (var input in graph.Inputs)
        {
            var declared = input.Type;
            long[]? whole = bindings.Inputs.TryGetValue(input.Name, out var sizes) ? sizes
                : !symbolsInModel.Contains(input.Name) && bindings.Symbols.TryGetValue(input.Name, out var one) ? new[] { one }
                : files.TryGetValue(input.Name, out var data) ? data.Dims.ToArray()
                : null;
            if (whole is not null)
            {
                result[input.Name] = BindWhole(model, input, whole);
                continue;
            }

            if (declared?.Shape is null)
            {
                if (declared is null && !input.IsTensor)
                {
                    continue; // sequences and maps: not costed by shape
                }

                throw new EfficiencyException(ErrorCodes.ShapeNotInferred,
                    $"input '{UserText.Quote(input.Name)}' declares no shape; bind it, e.g. --bind {UserText.Quote(input.Name)}=1x3x224x224.",
                    new SourceLocation(model.Path, Element: $"input '{UserText.Quote(input.Name)}'"));
            }

            var dims = declared.Shape.Select((dim, axis) =>
            {
                if (dim.IsKnown)
                {
                    return dim;
                }

                if (bindings.Symbols.TryGetValue(dim.Symbol!, out var bound))
                {
                    // Bindings built in code reach here unchecked (the spec and --bind readers refuse them first).
                    return bound >= 0 ? Dim.Of(bound) : throw new EfficiencyException(ErrorCodes.InvalidBinding,
                        string.Create(CultureInfo.InvariantCulture,
                            $"symbolic dimension '{UserText.Quote(dim.Symbol)}' of input '{UserText.Quote(input.Name)}' is bound to {bound}; a dimension cannot be negative."),
                        new SourceLocation(model.Path, Element: $"input '{UserText.Quote(input.Name)}'"));
                }

                if (!unbound.TryGetValue(dim.Symbol!, out var uses))
                {
                    unbound[dim.Symbol!] = uses = new List<(string, int)>();
                }

                uses.Add((input.Name, axis));
                return Dim.Of(1);
            }).ToList();
            result[input.Name] = declared with { Shape = new TensorShape(dims) };
        }

        ReportUnbound(model, unbound, warnings);
        foreach (var (name, type) in result)
        {
            CheckSize(model, name, type);
        }

        var values = new Dictionary<string, TensorValue>(StringComparer.Ordinal);
        foreach (var (name, fill) in bindings.Fills)
        {
            if (result.TryGetValue(name, out var type) && DeclaredValue(model, name, type, fill, files.GetValueOrDefault(name)) is { } value)
            {
                values[name] = value;
            }
        }

        return new BoundGraphInputs(result, values);
    }

    /// <summary>
    /// A symbol that sizes the leading dimension of some input is a batch: 1, with a warning. Any other is an error naming every unbound
    /// symbol, the inputs and dimensions it sizes, and the bindings that fix them.
    /// </summary>
    private static void ReportUnbound(OnnxModel model, Dictionary<string, List<(string Input, int Axis)>> unbound, List<Diagnostic> warnings)
    {
        var batches = unbound.Where(u => u.Value.Exists(use => use.Axis == 0)).Select(u => u.Key).ToList();
        foreach (var symbol in batches)
        {
            warnings.Add(Diagnostic.Warning(ErrorCodes.UnboundSymbolicDim,
                $"symbolic dimension '{UserText.Quote(symbol)}' ({Uses(unbound[symbol])}) is not bound; as the leading dimension of an input it is taken as a batch of 1. "
                + $"Bind it with 'bind: {{ {UserText.Quote(symbol)}: N }}' in the spec or --bind {UserText.Quote(symbol)}=N.",
                new SourceLocation(model.Path, Element: $"input '{UserText.Quote(unbound[symbol][0].Input)}'")));
        }

        var missing = unbound.Keys.Except(batches).ToList();
        if (missing.Count == 0)
        {
            return;
        }

        var listed = string.Join("; ", missing.Select(s => $"'{UserText.Quote(s)}' ({Uses(unbound[s])})"));
        var bind = string.Join(", ", missing.Select(s => $"{UserText.Quote(s)}: N"));
        var flags = string.Join(" ", missing.Select(s => $"--bind {UserText.Quote(s)}=N"));
        throw new EfficiencyException(ErrorCodes.UnboundSymbolicDim,
            $"{missing.Count} symbolic dimension(s) are not bound and have no default: {listed}. "
            + $"Add 'bind: {{ {bind} }}' to the model in the spec (N: the size to cost and measure), or pass {flags}.",
            new SourceLocation(model.Path, Element: $"input '{UserText.Quote(unbound[missing[0]][0].Input)}'"));
    }

    private static string Uses(List<(string Input, int Axis)> uses) =>
        string.Join(", ", uses.Take(4).Select(u => string.Create(CultureInfo.InvariantCulture, $"input '{UserText.Quote(u.Input)}' dim {u.Axis}")))
        + (uses.Count > 4 ? $", and {uses.Count - 4} more" : "");

    /// <summary>
    /// The value an input is declared to hold, checked against its bound type: a constant of one value or one per element,
    /// a range whose ends the type holds, a data file of the bound shape. Null when the value is not known before run time
    /// (a range) or too large to propagate.
    /// </summary>
    private static TensorValue? DeclaredValue(OnnxModel model, string name, TensorType type, InputFill fill, TensorValue? file)
    {
        var where = new SourceLocation(model.Path, Element: $"input '{UserText.Quote(name)}'");
        var count = type.ElementCount ?? 1;
        var elementType = type.ElementType;
        switch (fill.Kind)
        {
            case InputFillKind.Constant:
                var given = fill.Values ?? Array.Empty<double>();
                if (given.Count != 1 && given.Count != count)
                {
                    throw new EfficiencyException(ErrorCodes.InputValueInvalid,
                        string.Create(CultureInfo.InvariantCulture,
                            $"input '{UserText.Quote(name)}' of shape {type.Shape} has {count} element(s), but its 'value' gives {given.Count}; give one value (it fills every element) or one per element."),
                        where);
                }

                foreach (var v in given)
                {
                    CheckFits(name, elementType, v, "its 'value'", where);
                }

                return count <= TensorValue.MaxElements ? Filled(elementType, type.Shape!.ToSizes(), i => given[given.Count == 1 ? 0 : i]) : null;
            case InputFillKind.Range:
                CheckFits(name, elementType, fill.Low, "its 'range'", where);
                CheckFits(name, elementType, fill.High, "its 'range'", where);
                return null;
            case InputFillKind.File when file is not null:
                if (!file.Shape.Equals(type.Shape))
                {
                    throw new EfficiencyException(ErrorCodes.InputValueInvalid,
                        $"input '{UserText.Quote(name)}' is bound to shape {type.Shape}, but its data file holds a tensor of shape {file.Shape}.", where);
                }

                if (elementType.IsFloatingPoint() != file.ElementType.IsFloatingPoint() && !elementType.IsFloatingPoint())
                {
                    throw new EfficiencyException(ErrorCodes.InputValueInvalid,
                        $"input '{UserText.Quote(name)}' is {elementType.OnnxName()}, but its data file holds {file.ElementType.OnnxName()} values; save the array as {elementType.OnnxName()}.", where);
                }

                return count <= TensorValue.MaxElements ? Filled(elementType, type.Shape!.ToSizes(), file.RealAt) : null;
            default:
                return null;
        }
    }

    private static TensorValue Filled(ElementType type, long[] dims, Func<int, double> at)
    {
        var count = (int)dims.Aggregate(1L, (a, b) => a * b);
        return type.IsFloatingPoint()
            ? TensorValue.FromReals(type, dims, Enumerable.Range(0, count).Select(at).ToArray())
            : TensorValue.FromIntegers(type, dims, Enumerable.Range(0, count).Select(i => (long)at(i)).ToArray());
    }

    /// <summary>Refuses a number the input's element type cannot hold: a fraction or out-of-range value for an integer, not 0/1 for a boolean.</summary>
    private static void CheckFits(string name, Tensors.ElementType type, double value, string what, SourceLocation where)
    {
        if (type.IsFloatingPoint())
        {
            return;
        }

        var (low, high) = type switch
        {
            ElementType.Bool => (0d, 1d),
            ElementType.UInt8 => (byte.MinValue, byte.MaxValue),
            ElementType.Int8 => (sbyte.MinValue, sbyte.MaxValue),
            ElementType.UInt16 => (ushort.MinValue, ushort.MaxValue),
            ElementType.Int16 => (short.MinValue, short.MaxValue),
            ElementType.UInt32 => (uint.MinValue, uint.MaxValue),
            ElementType.Int32 => (int.MinValue, int.MaxValue),
            ElementType.UInt64 => (0d, ulong.MaxValue),
            _ => (long.MinValue, (double)long.MaxValue),
        };
        if (value != Math.Floor(value) || value < low || value > high)
        {
            throw new EfficiencyException(ErrorCodes.InputValueInvalid,
                string.Create(CultureInfo.InvariantCulture,
                    $"input '{UserText.Quote(name)}' is {type.OnnxName()}, which cannot hold {value} ({what}); give a whole number from {low} to {high}."),
                where);
        }
    }

    /// <summary>An input whose bytes do not fit in 64 bits cannot be costed: refuse it where it enters.</summary>
    private static void CheckSize(OnnxModel model, string name, TensorType type)
    {
        try
        {
            _ = type.ByteSize;
        }
        catch (OverflowException)
        {
            throw new EfficiencyException(ErrorCodes.DimensionOverflow,
                $"input '{UserText.Quote(name)}' of shape {type.Shape} has more elements or bytes than 64 bits can count (overflow); check the model's dims and the bindings.",
                new SourceLocation(model.Path, Element: $"input '{UserText.Quote(name)}'"));
        }
    }

    private static TensorType BindWhole(OnnxModel model, ValueInfo input, long[] sizes)
    {
        var declared = input.Type;
        if (declared?.Shape is { } shape)
        {
            if (shape.Rank != sizes.Length)
            {
                throw new EfficiencyException(ErrorCodes.InvalidBinding,
                    $"input '{UserText.Quote(input.Name)}' has rank {shape.Rank} ({shape}) but the binding gives {sizes.Length} dims.",
                    new SourceLocation(model.Path, Element: $"input '{UserText.Quote(input.Name)}'"));
            }

            for (int i = 0; i < sizes.Length; i++)
            {
                if (shape[i].IsKnown && shape[i].Value != sizes[i])
                {
                    throw new EfficiencyException(ErrorCodes.InvalidBinding,
                        $"input '{UserText.Quote(input.Name)}' has fixed dim {i} = {shape[i].Value}, but the binding gives {sizes[i]}.",
                        new SourceLocation(model.Path, Element: $"input '{UserText.Quote(input.Name)}'"));
                }
            }
        }

        return new TensorType(declared?.ElementType ?? ElementType.Float, TensorShape.Of(sizes));
    }

    private static EfficiencyException UnknownTarget(OnnxModel model, string name, IEnumerable<string> symbols, IEnumerable<string> inputs)
    {
        var known = symbols.Concat(inputs).Distinct().OrderBy(s => s, StringComparer.Ordinal).ToList();
        return new EfficiencyException(ErrorCodes.UnknownBindingTarget,
            $"binding '{UserText.Quote(name)}' names neither a symbolic dimension nor an input of the model; known: {(known.Count == 0 ? "none" : NameList.Of(known))}.",
            new SourceLocation(model.Path));
    }
}

/// <summary>The main graph's inputs at their bound types, and the values of those declared to hold known values.</summary>
internal sealed record BoundGraphInputs(Dictionary<string, TensorType> Types, Dictionary<string, TensorValue> Values);
