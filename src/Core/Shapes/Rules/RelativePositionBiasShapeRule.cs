using EfficiencyMisnomer.Tensors;

namespace EfficiencyMisnomer.Shapes.Rules;

/// <summary>
/// com.microsoft RelativePositionBias (T5's bucketed relative position bias): bias_table (buckets, heads) and the
/// scalar query_length and key_length give (1, heads, query_length, key_length). The lengths are values, so they
/// are known when the graph computes them from constants or bound input shapes, and fresh symbols otherwise.
/// </summary>
internal sealed class RelativePositionBiasShapeRule : IShapeRule
{
    public string Domain => "com.microsoft";

    public IReadOnlyCollection<string> OpTypes { get; } = new[] { "RelativePositionBias" };

    public void Infer(ShapeContext context)
    {
        var table = context.RequireShape(0);
        if (table.Rank != 2)
        {
            throw context.Invalid($"bias_table {table} is not (num_buckets, num_heads)");
        }

        var shape = new TensorShape(new[] { Dim.Of(1), table[1], Length(context, 1, "query_length"), Length(context, 2, "key_length") });
        context.SetOutput(0, context.RequireType(0).ElementType, shape);
    }

    private static Dim Length(ShapeContext context, int input, string name)
    {
        if (context.InputValue(input) is not { Length: 1 } value)
        {
            return context.NewDim(name);
        }

        var length = value.IntegerAt(0);
        return length > 0 ? Dim.Of(length) : throw context.Invalid($"{name} {length} must be positive");
    }
}
