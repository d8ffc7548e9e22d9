using EfficiencyMisnomer.Diagnostics;
using EfficiencyMisnomer.Tensors;
namespace EfficiencyMisnomer.Shapes.Rules;

/// <summary>Reshape: 0 copies the input's dim (unless allowzero=1), -1 takes what the other dims leave.</summary>
internal sealed class ReshapeShapeRule : IShapeRule
{
    public IReadOnlyCollection<string> OpTypes { get; } = new[] { "Reshape" };

    public void Infer(ShapeContext context)
    {
        var type = context.RequireType(0);
        var input = context.RequireShape(0);
        var target = context.Opset >= 5 || context.HasInput(1)
            ? ShapeMath.Sizes(context, context.RequireValue(1), "the target shape")
            : context.Attributes.GetInts("shape") ?? throw context.Invalid("the target shape is missing");
        bool allowZero = context.Attributes.GetInt("allowzero", 0) != 0;
        var dims = new Dim[target.Length];
        int inferred = -1;
        for (int i = 0; i < target.Length; i++)
        {
            switch (target[i])
            {
                case -1 when inferred < 0:
                    inferred = i;
                    break;
                case 0 when !allowZero:
                    dims[i] = i < input.Rank ? input[i] : throw context.Invalid($"target dim {i} copies an input dim the {input} input lacks");
                    break;
                case >= 0:
                    dims[i] = Dim.Of(target[i]);
                    break;
                default:
                    throw context.Invalid($"target shape [{UserText.Quote(string.Join(", ", target))}] is invalid");
            }
        }

        if (inferred >= 0)
        {
            dims[inferred] = Remaining(context, input, dims.Where((_, i) => i != inferred).ToList());
        }

        var shape = new TensorShape(dims);
        if (input.ElementCount is { } before && shape.ElementCount is { } after && before != after)
        {
            throw context.Invalid($"cannot reshape {input} ({before} elements) to {shape} ({after} elements)");
        }

        var value = context.InputValue(0) is { } v && shape.IsFullyKnown ? ValueMath.Reshape(v, shape.ToSizes()) : null;
        context.SetOutput(0, type.ElementType, shape, value);
    }

    /// <summary>The -1 dim: input elements over the other output dims, cancelling symbols present on both sides.</summary>
    private static Dim Remaining(ShapeContext context, TensorShape input, IReadOnlyList<Dim> others)
    {
        var symbols = input.Where(d => !d.IsKnown).Select(d => d.Symbol!).ToList();
        var unmatched = new List<string>();
        foreach (var dim in others.Where(d => !d.IsKnown))
        {
            if (!symbols.Remove(dim.Symbol!))
            {
                unmatched.Add(dim.Symbol!);
            }
        }

        long numerator = input.Where(d => d.IsKnown).Aggregate(1L, (a, d) => checked(a * d.Value));
        long denominator = others.Where(d => d.IsKnown).Aggregate(1L, (a, d) => checked(a * d.Value));
        if (unmatched.Count > 0 || symbols.Count > 1 || denominator == 0)
        {
            return context.NewDim("reshape");
        }

        if (numerator % denominator != 0)
        {
            throw context.Invalid($"{input} has {numerator} elements, not a multiple of the other target dims' {denominator}");
        }

        long size = numerator / denominator;
        return symbols.Count == 0 ? Dim.Of(size) : size == 1 ? Dim.Unknown(symbols[0]) : context.NewDim("reshape");
    }
}
