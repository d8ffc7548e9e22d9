using EfficiencyMisnomer.Tensors;

namespace EfficiencyMisnomer.Shapes.Rules;

/// <summary>
/// com.microsoft GatedDeltaNet, token-major linear attention with a recurrent state. Query (T, Hq, Dk) and key
/// (T, Hk, Dk) with Hq = Hk, value (T, Hv, Dv) with Hv a multiple of Hq; T may be spelled (B, S). Output
/// (T, Hv, Dv) in the query's type; the float final state (B, Hv, Dv, Dk) and state update
/// (B, C · (Hv + Hk · Dk + Hv · Dv)), C the <c>state_update_capacity</c>. B is the query's first dim when it
/// is 4-D, else the length of <c>cu_seqlens</c> minus 1, else the initial state's first dim.
/// </summary>
internal sealed class GatedDeltaNetShapeRule : IShapeRule
{
    private const int CumulativeLengthsInput = 3;
    private const int InitialStateInput = 6;

    public string Domain => "com.microsoft";

    public IReadOnlyCollection<string> OpTypes { get; } = new[] { "GatedDeltaNet" };

    public void Infer(ShapeContext context)
    {
        var type = context.RequireType(0);
        var (query, key, value) = (context.RequireShape(0), context.RequireShape(1), context.RequireShape(2));
        if (query.Rank is not (3 or 4) || key.Rank != query.Rank || value.Rank != query.Rank)
        {
            throw context.Invalid($"query {query}, key {key} and value {value} must all be (tokens, heads, head size) or (batch, sequence, heads, head size)");
        }

        var (heads, keyHeads, valueHeads) = (query[^2], key[^2], value[^2]);
        if (ShapeMath.Differ(heads, keyHeads) || ShapeMath.Differ(query[^1], key[^1])
            || (heads.IsKnown && valueHeads.IsKnown && (heads.Value == 0 || valueHeads.Value % heads.Value != 0)))
        {
            throw context.Invalid($"query {query} and key {key} must have the same heads and head size, and value {value} a multiple of their heads");
        }

        UpdateRules.Read(context);
        var capacity = StateUpdate.Capacity(context);

        context.SetOutput(0, type.ElementType, ShapeMath.Replace(ShapeMath.Replace(query, query.Rank - 2, valueHeads), query.Rank - 1, value[^1]));
        var batch = Batch(context, query);
        context.SetOutput(1, ElementType.Float, new TensorShape(new[] { batch, valueHeads, value[^1], query[^1] }));
        var update = new[] { valueHeads, keyHeads, query[^1], value[^1] }.All(d => d.IsKnown)
            ? Dim.Of(capacity * (valueHeads.Value + (keyHeads.Value * query[^1].Value) + (valueHeads.Value * value[^1].Value)))
            : context.NewDim("state_update");
        context.SetOutput(2, ElementType.Float, new TensorShape(new[] { batch, update }));
    }

    private static Dim Batch(ShapeContext context, TensorShape query)
    {
        if (query.Rank == 4)
        {
            return query[0];
        }

        if (context.InputType(CumulativeLengthsInput)?.Shape is { Rank: 1 } lengths)
        {
            return AttentionMath.Sequences(context, lengths);
        }

        return context.HasInput(CumulativeLengthsInput) ? context.NewDim("batch")
            : context.InputType(InitialStateInput)?.Shape is { Rank: 4 } state ? state[0]
            : throw context.Invalid("initial_state (B, Hv, Dv, Dk) is required when cu_seqlens is absent and query is 3-D");
    }
}
