using EfficiencyMisnomer.Diagnostics;
using EfficiencyMisnomer.Graph;

namespace EfficiencyMisnomer.Shapes;

/// <summary>
/// Gives every main-graph input a concrete shape: whole-input bindings first, then symbol bindings,
/// then 1 for any symbol left unbound (with a warning naming it).
/// </summary>
internal static class InputBinder
{
    public static Dictionary<string, TensorType> Bind(OnnxModel model, ShapeBindings bindings, List<Diagnostic> warnings)
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
        foreach (var name in bindings.Inputs.Keys.Where(n => !inputNames.Contains(n)))
        {
            throw UnknownTarget(model, name, symbolsInModel, inputNames);
        }

        foreach (var name in bindings.Symbols.Keys.Where(n => !symbolsInModel.Contains(n) && !inputNames.Contains(n)))
        {
            throw UnknownTarget(model, name, symbolsInModel, inputNames);
        }

        var result = new Dictionary<string, TensorType>(StringComparer.Ordinal);
        var defaulted = new HashSet<string>(StringComparer.Ordinal);
        foreach (var input in graph.Inputs)
        {
            var declared = input.Type;
            long[]? whole = bindings.Inputs.TryGetValue(input.Name, out var sizes) ? sizes
                : !symbolsInModel.Contains(input.Name) && bindings.Symbols.TryGetValue(input.Name, out var one) ? new[] { one }
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

            var dims = declared.Shape.Select(dim =>
            {
                if (dim.IsKnown)
                {
                    return dim;
                }

                if (bindings.Symbols.TryGetValue(dim.Symbol!, out var bound))
                {
                    // Bindings built in code reach here unchecked (the spec and --bind readers refuse them first).
                    return bound >= 0 ? Dim.Of(bound) : throw new EfficiencyException(ErrorCodes.InvalidBinding,
                        string.Create(System.Globalization.CultureInfo.InvariantCulture,
                            $"symbolic dimension '{UserText.Quote(dim.Symbol)}' of input '{UserText.Quote(input.Name)}' is bound to {bound}; a dimension cannot be negative."),
                        new SourceLocation(model.Path, Element: $"input '{UserText.Quote(input.Name)}'"));
                }

                if (defaulted.Add(dim.Symbol!))
                {
                    warnings.Add(Diagnostic.Warning(ErrorCodes.UnboundSymbolicDim,
                        $"symbolic dimension '{UserText.Quote(dim.Symbol)}' of input '{UserText.Quote(input.Name)}' is not bound; using 1. Bind it with --bind {UserText.Quote(dim.Symbol)}=N.",
                        new SourceLocation(model.Path, Element: $"input '{UserText.Quote(input.Name)}'")));
                }

                return Dim.Of(1);
            });
            result[input.Name] = declared with { Shape = new TensorShape(dims) };
        }

        foreach (var (name, type) in result)
        {
            CheckSize(model, name, type);
        }

        return result;
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

        return new TensorType(declared?.ElementType ?? Onnx.ElementType.Float, TensorShape.Of(sizes));
    }

    private static EfficiencyException UnknownTarget(OnnxModel model, string name, IEnumerable<string> symbols, IEnumerable<string> inputs)
    {
        var known = symbols.Concat(inputs).Distinct().OrderBy(s => s, StringComparer.Ordinal).ToList();
        return new EfficiencyException(ErrorCodes.UnknownBindingTarget,
            $"binding '{UserText.Quote(name)}' names neither a symbolic dimension nor an input of the model; known: {(known.Count == 0 ? "none" : NameList.Of(known))}.",
            new SourceLocation(model.Path));
    }
}
