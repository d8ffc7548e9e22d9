using EfficiencyMisnomer.Diagnostics;
using EfficiencyMisnomer.Tensors;
namespace EfficiencyMisnomer.Shapes.Rules;

/// <summary>Dimension arithmetic shared by the fused attention rules: heads, packed widths, sequence sums.</summary>
internal static class AttentionMath
{
    /// <summary>Input 0 of the contrib attention operators: (batch, sequence, hidden), or the node is invalid.</summary>
    public static TensorShape Query(ShapeContext context)
    {
        var query = context.RequireShape(0);
        return query.Rank == 3 ? query : throw context.Invalid($"query {query} is not (batch, sequence, hidden)");
    }

    /// <summary>A required head count attribute, <c>num_heads</c> unless named.</summary>
    public static long Heads(ShapeContext context, string attribute = "num_heads")
    {
        var heads = context.Attributes.GetInt(attribute, 0);
        return heads > 0 ? heads : throw context.Invalid($"{attribute} must be a positive integer, not {heads}");
    }

    /// <summary>Q, K and V widths of packed projection weights: <c>qkv_hidden_sizes</c>, or a third of the width each.</summary>
    public static (Dim Query, Dim Key, Dim Value) PackedSizes(ShapeContext context, Dim width)
    {
        if (context.Attributes.GetInts("qkv_hidden_sizes") is { Length: > 0 } sizes)
        {
            if (sizes.Length != 3 || sizes.Any(s => s <= 0))
            {
                throw context.Invalid($"qkv_hidden_sizes must be 3 positive sizes, not [{UserText.Quote(string.Join(", ", sizes))}]");
            }

            if (width.IsKnown && width.Value != sizes.Sum())
            {
                throw context.Invalid($"qkv_hidden_sizes [{UserText.Quote(string.Join(", ", sizes))}] do not add up to the weights' {width.Value} columns");
            }

            return (Dim.Of(sizes[0]), Dim.Of(sizes[1]), Dim.Of(sizes[2]));
        }

        if (!width.IsKnown)
        {
            var third = context.NewDim("hidden");
            return (third, third, third);
        }

        return width.Value % 3 == 0
            ? (Dim.Of(width.Value / 3), Dim.Of(width.Value / 3), Dim.Of(width.Value / 3))
            : throw context.Invalid($"the packed weights' {width.Value} columns do not split into Q, K and V; give qkv_hidden_sizes");
    }

    /// <summary>A hidden width divided among the heads.</summary>
    public static Dim PerHead(ShapeContext context, Dim hidden, long heads)
    {
        if (!hidden.IsKnown)
        {
            return context.NewDim("head_size");
        }

        return hidden.Value % heads == 0 ? Dim.Of(hidden.Value / heads)
            : throw context.Invalid($"hidden size {hidden.Value} is not a multiple of {heads} heads");
    }

    /// <summary>A hidden width from a per-head size.</summary>
    public static Dim Times(ShapeContext context, Dim perHead, long heads) =>
        perHead.IsKnown ? Dim.Of(checked(perHead.Value * heads)) : context.NewDim("hidden");

    /// <summary>The number of sequences B of a packed batch from its cumulative lengths, a vector (B + 1).</summary>
    public static Dim Sequences(ShapeContext context, TensorShape cumulativeLengths) =>
        cumulativeLengths[0].IsKnown ? Dim.Of(cumulativeLengths[0].Value - 1) : context.NewDim("batch");

    public static Dim Sum(ShapeContext context, Dim a, Dim b) =>
        a.IsKnown && b.IsKnown ? Dim.Of(checked(a.Value + b.Value))
        : a.IsKnown && a.Value == 0 ? b
        : b.IsKnown && b.Value == 0 ? a
        : context.NewDim("total_sequence");
}
